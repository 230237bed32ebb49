import { z } from 'zod';

/**
 * A calendar date (life events, agreements) as 'YYYY-MM-DD'. The absolute bounds catch typos such as
 * 0202 or 20226; services additionally check dates against the current day where that makes sense.
 */
export const isoDate = z.iso
  .date({
    error: (issue) => (issue.input === '' ? 'Bitte ausfüllen.' : 'Datum im Format JJJJ-MM-TT erwartet.'),
  })
  // Only a well-formed date can be out of range: an empty or malformed one already has its message.
  .refine(
    (d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || (d >= '1900-01-01' && d <= '2100-12-31'),
    'Datum außerhalb des gültigen Bereichs.',
  );

export const personRef = z.object({ id: z.uuid(), displayName: z.string() });
export type PersonRef = z.infer<typeof personRef>;

export const agencyRef = z.object({ id: z.uuid(), name: z.string() });
export type AgencyRef = z.infer<typeof agencyRef>;

/** Optional free text: trimmed; empty means "not stated". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Höchstens ${max} Zeichen.`)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
