import { z } from 'zod';
import { goalStatuses } from './casework.codes.ts';
import { isoDate } from './common.ts';

const step = z.string().trim().min(1).max(300);

export const createGoalRequest = z.strictObject({
  title: z.string().trim().min(1, 'Pflichtfeld.').max(300),
  /** A dimension key of a published instrument. */
  dimension: z.string({ error: 'Bitte einen Teilhabebereich angeben.' }).trim().min(1).max(100),
  targetDate: isoDate,
  steps: z.array(step).max(20).optional(),
  /** Day the goal was agreed with the client; defaults to today. */
  agreedOn: isoDate.optional(),
});
export type CreateGoalRequest = z.infer<typeof createGoalRequest>;

export const updateGoalRequest = z
  .strictObject({
    title: z.string().trim().min(1).max(300).optional(),
    dimension: z.string().trim().min(1).max(100).optional(),
    targetDate: isoDate.optional(),
    steps: z.array(step).max(20).optional(),
    status: z.enum(goalStatuses, { error: 'Unbekannter Status.' }).optional(),
    review: z.string().trim().max(4000).nullable().optional(),
    reviewedOn: isoDate.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Keine Änderung angegeben.');
export type UpdateGoalRequest = z.infer<typeof updateGoalRequest>;

export const goalView = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    caseId: z.uuid().nullable(),
    title: z.string(),
    dimension: z.string(),
    steps: z.array(z.string()),
    targetDate: z.string(),
    status: z.enum(goalStatuses),
    review: z.string().nullable(),
    reviewedOn: z.string().nullable(),
    agreedOn: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Goal' });
export type GoalView = z.infer<typeof goalView>;
