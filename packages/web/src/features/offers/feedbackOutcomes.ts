import type { ReferralFeedbackOutcome } from '@lotse/domain';

/** What a partner reports about a referral, mirrored from @lotse/domain (its index brings zod). */
export const referralFeedbackOutcomes = [
  'came',
  'started',
  'ended',
  'did_not_come',
] as const satisfies readonly ReferralFeedbackOutcome[];
