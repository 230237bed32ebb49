import { z } from 'zod';
import { consentForms, consentPurposes } from './casework.codes.ts';
import { agencyRef, isoDate, personRef } from './common.ts';

export const createConsentRequest = z
  .strictObject({
    purpose: z.enum(consentPurposes, { error: 'Unbekannter Zweck.' }),
    form: z.enum(consentForms, { error: 'Unbekannte Form.' }),
    date: isoDate,
    /** Required for `sharing`: the named partner agency. */
    partnerAgencyId: z.uuid().optional(),
    /** For `sharing` only: the partner agency may read contact notes too (default: no). */
    includesContactNotes: z.boolean().optional(),
  })
  .refine((v) => (v.purpose === 'sharing') === (v.partnerAgencyId !== undefined), {
    message: 'Eine Einwilligung zur Weitergabe nennt genau eine Partnerstelle (nur dann).',
    path: ['partnerAgencyId'],
  })
  .refine((v) => !v.includesContactNotes || v.purpose === 'sharing', {
    message: 'Kontaktnotizen gehören nur zu einer Einwilligung zur Weitergabe.',
    path: ['includesContactNotes'],
  });
export type CreateConsentRequest = z.infer<typeof createConsentRequest>;

export const withdrawConsentRequest = z.strictObject({}).optional();

export const consentView = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    purpose: z.enum(consentPurposes),
    form: z.enum(consentForms),
    date: z.string(),
    partnerAgency: agencyRef.nullable(),
    /** Sharing consents: whether the partner agency may read contact notes. */
    includesContactNotes: z.boolean(),
    recordedBy: personRef.nullable(),
    recordedAt: z.iso.datetime(),
    withdrawnAt: z.iso.datetime().nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'Consent' });
export type ConsentView = z.infer<typeof consentView>;
