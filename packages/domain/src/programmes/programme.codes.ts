/**
 * Code lists of programmes and funding as plain values (no zod): the schemas build their enums from
 * them and the web app imports them without pulling in the schemas. Codes are part of the public API.
 */
import { clientGenders } from '../casework/casework.codes.ts';

export const fundingSources = [
  'sgb2_16i',
  'sgb2_16e',
  'rehapro',
  'esf',
  'state',
  'federal',
  'other',
] as const;
export type FundingSource = (typeof fundingSources)[number];

export const programmeRoles = ['owner', 'partner', 'participant'] as const;
export type ProgrammeRole = (typeof programmeRoles)[number];

export const fundingLines = [
  'coaching',
  'guidance',
  'project_assistance',
  'participant_costs',
  'staff',
  'other',
] as const;
export type FundingLine = (typeof fundingLines)[number];

export const exitReasons = [
  'regular_end',
  'employment',
  'vocational_training',
  'other_measure',
  'early_end',
] as const;
export type ExitReason = (typeof exitReasons)[number];

export const earlyEndReasons = [
  'health',
  'lack_of_participation',
  'moved_away',
  'personal',
  'other',
] as const;
export type EarlyEndReason = (typeof earlyEndReasons)[number];

export const enrolmentStatuses = ['waiting', 'active', 'exited'] as const;

/** Participants' genders in reports: the codes of the client record. */
export const genders = clientGenders;
export const ageGroups = ['under_25', '25_to_54', '55_and_over'] as const;
export const disabilityStatuses = ['yes', 'no', 'not_recorded'] as const;
