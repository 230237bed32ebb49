import { z } from 'zod';
import { isoDate, optionalText } from '../casework/common.ts';
import { issuedLinkFields, linkStateFields } from '../common/one-time-link.ts';
import { referralFeedbackLinkStatuses, referralFeedbackOutcomes } from './network.codes.ts';

/**
 * Feedback on a referral from the partner (sports club, welfare provider), usually without a Lotse
 * account: through a one-time link, or entered by staff.
 */
export const referralFeedbackOutcome = z.enum(referralFeedbackOutcomes, {
  message: `Unbekannte Rückmeldung; erlaubt: ${referralFeedbackOutcomes.join(', ')}`,
});

/** How long a feedback link stays valid. */
export const REFERRAL_FEEDBACK_LINK_DAYS = 30;

export const referralFeedbackLinkView = z.object({ id: z.uuid(), referralId: z.uuid(), ...issuedLinkFields });
export type ReferralFeedbackLinkView = z.infer<typeof referralFeedbackLinkView>;

export const referralFeedbackLinkSummary = z
  .object({
    id: z.uuid(),
    referralId: z.uuid(),
    ...linkStateFields(referralFeedbackLinkStatuses),
    usedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ReferralFeedbackLink' });
export type ReferralFeedbackLinkSummary = z.infer<typeof referralFeedbackLinkSummary>;
export const referralFeedbackLinkList = z.object({ items: z.array(referralFeedbackLinkSummary) });

/** What the partner sees: first name and surname initial, the offer and the date - nothing else. */
export const publicReferralFeedbackView = z.object({
  person: z.string(),
  offer: z.object({ title: z.string(), partnerName: z.string() }),
  referredOn: z.string().nullable(),
  expiresAt: z.string(),
});
export type PublicReferralFeedbackView = z.infer<typeof publicReferralFeedbackView>;

export const referralFeedbackRequest = z.strictObject({
  outcome: referralFeedbackOutcome,
  note: optionalText(500),
});
export type ReferralFeedbackRequest = z.infer<typeof referralFeedbackRequest>;

/** Staff enter the partner's feedback on the referral (told by phone, by mail). */
export const staffReferralFeedbackRequest = referralFeedbackRequest.extend({ date: isoDate.optional() });
export type StaffReferralFeedbackRequest = z.infer<typeof staffReferralFeedbackRequest>;

/** "Rita M.": the first name and the initial of the surname. */
export function feedbackPersonLabel(firstName: string, lastName: string): string {
  const initial = [...lastName.trim()][0];
  return initial ? `${firstName.trim()} ${initial.toUpperCase()}.` : firstName.trim();
}
