import { z } from 'zod';
import { pageQuery } from '../common/paging.ts';
import { caseView } from './case.schema.ts';
import { clientGenders, erasureReasons, households, legalContexts } from './casework.codes.ts';
import { isoDate, optionalText, personRef } from './common.ts';

const name = z.string().trim().min(1, 'Pflichtfeld.').max(100, 'Höchstens 100 Zeichen.');

/** The fields a Jobcenter needs and no more (data minimisation). */
const clientFields = {
  firstName: name,
  lastName: name,
  birthDate: isoDate,
  gender: z.enum(clientGenders).nullable().optional(),
  phone: optionalText(50),
  email: z
    .union([z.literal(''), z.email('Keine gültige E-Mail-Adresse.').max(200)])
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  address: optionalText(300),
  preferredLanguage: optionalText(40),
  interpreterNeeded: z.boolean().optional(),
  district: optionalText(100),
  household: z.enum(households).nullable().optional(),
  legalContext: z.enum(legalContexts).nullable().optional(),
  /** Health data: accepted only while a consent for processing health data is active. */
  severeDisability: z.boolean().nullable().optional(),
  reducedEarningCapacity: z.boolean().nullable().optional(),
};

export const createClientRequest = z.strictObject({
  ...clientFields,
  clientNumber: z.string().trim().min(1).max(40).optional(),
  /** The responsible guide; defaults to the creating caseworker. */
  guideUserId: z.uuid().optional(),
  /**
   * Create even though possible duplicates exist: a visible client with the same birth date and the
   * same or a similar name (trigram similarity or Kölner Phonetik). Without it such a request answers
   * 409 `conflict` with the `candidates`.
   */
  allowDuplicate: z.boolean().optional(),
});
export type CreateClientRequest = z.infer<typeof createClientRequest>;

/** The client's fields, the required ones optional too: only the given fields change. */
export const updateClientRequest = z
  .strictObject({
    ...clientFields,
    firstName: name.optional(),
    lastName: name.optional(),
    birthDate: isoDate.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'Keine Änderung angegeben.');
export type UpdateClientRequest = z.infer<typeof updateClientRequest>;

export const clientListQuery = pageQuery.extend({
  query: z.string().trim().max(100).optional(),
  /** `mine`: clients whose open case the actor guides or deputises. */
  scope: z.enum(['all', 'mine']).default('all'),
  status: z.enum(['open', 'closed']).optional(),
});
export type ClientListQuery = z.infer<typeof clientListQuery>;

/** What identifies a client in lists and records. */
const clientIdentity = {
  id: z.uuid(),
  clientNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  birthDate: z.string(),
};

export const clientSummary = z
  .object({
    ...clientIdentity,
    district: z.string().nullable(),
    caseStatus: z.enum(['open', 'closed']).nullable(),
    guide: personRef.nullable(),
    shared: z.boolean(),
  })
  .meta({ id: 'ClientSummary' });
export type ClientSummary = z.infer<typeof clientSummary>;

/**
 * A possible duplicate shown before a client is created (in the 409 answer's `candidates`): only
 * clients the caller may read anyway (own agency, or shared with it), with what the client list
 * shows; `match` says whether the name is the same (folded) or only similar.
 */
export const duplicateCandidate = clientSummary
  .extend({ match: z.enum(['exact', 'similar']) })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export const clientView = z
  .object({
    ...clientIdentity,
    gender: z.enum(clientGenders).nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    preferredLanguage: z.string().nullable(),
    interpreterNeeded: z.boolean(),
    district: z.string().nullable(),
    household: z.enum(households).nullable(),
    legalContext: z.enum(legalContexts).nullable(),
    /** Absent for roles that may not see health data (coordinators). */
    severeDisability: z.boolean().nullable().optional(),
    reducedEarningCapacity: z.boolean().nullable().optional(),
    /** False when the record belongs to another agency that shares the case with this one. */
    owned: z.boolean(),
    anonymised: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** The current (or last) case, then earlier ones. */
    cases: z.array(caseView),
  })
  .meta({ id: 'Client' });
export type ClientView = z.infer<typeof clientView>;

export const eraseClientRequest = z.strictObject({
  mode: z.enum(['erase', 'anonymise'], { error: 'Löschen (erase) oder Anonymisieren (anonymise).' }),
  reason: z.enum(erasureReasons, { error: 'Bitte einen Grund angeben.' }),
});
export type EraseClientRequest = z.infer<typeof eraseClientRequest>;
