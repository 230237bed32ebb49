/**
 * Code lists of offers and network as plain values (no zod): the schemas build their enums from them
 * and the web app imports them without pulling in the schemas. Codes are part of the public API.
 */

export const partnerKinds = [
  'welfare',
  'sports',
  'self_help',
  'counselling',
  'training',
  'employer',
  'health',
  'municipal',
  'pension_insurance',
  'other',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const targetGroups = [
  'older_people',
  'health_restrictions',
  'disabilities',
  'single_parents',
  'refugees',
  'migrants',
  'young_adults',
  'long_term_unemployed',
  'women',
  'families',
  'everyone',
] as const;
export type TargetGroup = (typeof targetGroups)[number];

export const referralStatuses = ['suggested', 'referred', 'started', 'completed', 'dropped'] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

export const eventKinds = [
  'round_table',
  'working_group',
  'expert_dialogue',
  'workshop',
  'conference',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const publicationKinds = ['good_practice', 'guide', 'instrument', 'report', 'material'] as const;
export type PublicationKind = (typeof publicationKinds)[number];

/** What a partner reports about a referral (one-time link or staff entry). */
export const referralFeedbackOutcomes = ['came', 'started', 'ended', 'did_not_come'] as const;
export type ReferralFeedbackOutcome = (typeof referralFeedbackOutcomes)[number];

export const referralFeedbackLinkStatuses = ['open', 'used', 'expired', 'revoked'] as const;
