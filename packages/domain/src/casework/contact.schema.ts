import { z } from 'zod';
import { pageQuery } from '../common/paging.ts';
import { contactTypes } from './casework.codes.ts';
import { isoDate, personRef } from './common.ts';

export const createContactRequest = z.strictObject({
  type: z.enum(contactTypes, { error: 'Unbekannte Kontaktart.' }),
  date: isoDate,
  durationMinutes: z.number().int().min(0).max(1440).optional(),
  note: z.string().trim().max(10_000).optional(),
});
export type CreateContactRequest = z.infer<typeof createContactRequest>;

export const contactListQuery = pageQuery;

export const contactView = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    type: z.enum(contactTypes),
    date: z.string(),
    durationMinutes: z.number().int().nullable(),
    /** Null when the reader may not see notes (coordinators); see `noteHidden`. */
    note: z.string().nullable(),
    noteHidden: z.boolean(),
    author: personRef.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Contact' });
export type ContactView = z.infer<typeof contactView>;
