/**
 * Code lists of case work as plain values (no zod): the schemas build their enums from them and the
 * web app imports them without pulling in the schemas. Codes are part of the public API.
 */

export const clientGenders = ['female', 'male', 'diverse', 'not_stated'] as const;
export type ClientGender = (typeof clientGenders)[number];
export const households = ['single', 'couple', 'single_parent', 'family', 'shared', 'other'] as const;
export type Household = (typeof households)[number];
/** SGB II (Bürgergeld), SGB XII (Sozialhilfe), SGB VI (Rentenversicherung, Reha). */
export const legalContexts = ['sgb2', 'sgb12', 'sgb6'] as const;
export type LegalContext = (typeof legalContexts)[number];

/** Reasons are codes, so the audit log can keep them without personal content. */
export const erasureReasons = [
  'retention_period_expired',
  'data_subject_request',
  'consent_withdrawn',
  'duplicate_record',
] as const;

/** Client fields a file import can fill, in the order the preview shows them. */
export const clientImportFields = [
  'clientNumber',
  'firstName',
  'lastName',
  'birthDate',
  'gender',
  'phone',
  'email',
  'address',
  'preferredLanguage',
  'district',
  'household',
  'legalContext',
] as const;
export type ClientImportField = (typeof clientImportFields)[number];

export const outcomes = [
  'employment',
  'vocational_training',
  'other_employment',
  'further_education',
  'rehabilitation',
  'stabilisation',
  'moved_away',
  'contact_ended',
  'other',
] as const;
export type Outcome = (typeof outcomes)[number];

export const caseEventKinds = [
  'opened',
  'handover',
  'deputies',
  'shared',
  'sharing_ended',
  'closed',
  'reopened',
] as const;

export const consentPurposes = ['processing_health_data', 'self_assessment', 'sharing', 'research'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentForms = ['written', 'oral', 'digital'] as const;
export type ConsentForm = (typeof consentForms)[number];

export const contactTypes = ['meeting', 'phone', 'home_visit', 'accompaniment', 'letter', 'other'] as const;
export type ContactType = (typeof contactTypes)[number];

export const goalStatuses = ['open', 'achieved', 'partly_achieved', 'not_achieved', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];
