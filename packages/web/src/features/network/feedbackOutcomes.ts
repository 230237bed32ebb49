/** What a partner reports about a referral: the domain's plain list (its index brings zod). */
export { referralFeedbackOutcomes } from '@lotse/domain/codes';
