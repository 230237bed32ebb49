import { z } from 'zod';

export const caseloadQuery = z.strictObject({
  /** Clients count as "without contact" after this many weeks. */
  weeks: z.coerce.number().int().min(1).max(52).default(6),
  /** Goals count as "near their date" within this many days. */
  days: z.coerce.number().int().min(1).max(90).default(14),
  /** Leads see the team (the whole agency) by default; `mine` narrows to own cases. */
  scope: z.enum(['mine', 'team']).optional(),
});
export type CaseloadQuery = z.infer<typeof caseloadQuery>;

const clientRef = z.object({
  id: z.uuid(),
  clientNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  guide: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
});

export const caseloadView = z
  .object({
    scope: z.enum(['mine', 'team']),
    openCases: z.number().int(),
    goalsDue: z.array(
      z.object({ goalId: z.uuid(), title: z.string(), targetDate: z.string(), client: clientRef }),
    ),
    withoutContact: z.array(z.object({ client: clientRef, lastContact: z.string().nullable() })),
    /** Clients whose last completed assessment is older than the instrument's follow-up interval. */
    followUpsDue: z.array(z.object({ client: clientRef, lastAssessment: z.string(), dueOn: z.string() })),
    referralsAwaitingFeedback: z.array(z.object({ client: clientRef, referredOn: z.string() })),
  })
  .meta({ id: 'Caseload' });
export type CaseloadView = z.infer<typeof caseloadView>;
