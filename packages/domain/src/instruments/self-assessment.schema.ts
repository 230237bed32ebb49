import { z } from 'zod';
import { issuedLinkFields, linkStateFields } from '../common/one-time-link.ts';
import { answers, instrumentView, localizedText, occasion } from './instrument.schema.ts';

/** How long a self-assessment link stays valid. */
export const SELF_ASSESSMENT_LINK_DAYS = 14;

export const createSelfAssessmentLinkRequest = z.strictObject({
  instrumentId: z.uuid(),
  occasion,
});
export type CreateSelfAssessmentLinkRequest = z.infer<typeof createSelfAssessmentLinkRequest>;

export const selfAssessmentLinkView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  instrumentId: z.uuid(),
  occasion,
  ...issuedLinkFields,
});
export type SelfAssessmentLinkView = z.infer<typeof selfAssessmentLinkView>;

/** What the public page gets: the instrument, the draft so far and the first name at most. */
export const publicSelfAssessmentView = z.object({
  firstName: z.string(),
  occasion,
  expiresAt: z.string(),
  answers,
  draftSavedAt: z.string().nullable(),
  instrument: instrumentView,
});
export type PublicSelfAssessmentView = z.infer<typeof publicSelfAssessmentView>;

export const selfAssessmentAnswersRequest = z.strictObject({ answers });
export type SelfAssessmentAnswersRequest = z.infer<typeof selfAssessmentAnswersRequest>;

export const selfAssessmentSavedView = z.object({ savedAt: z.string() });

export const selfAssessmentLinkStatuses = ['open', 'completed', 'expired', 'revoked'] as const;
export type SelfAssessmentLinkStatus = (typeof selfAssessmentLinkStatuses)[number];

export const selfAssessmentLinkSummary = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    instrument: z.object({ id: z.uuid(), title: localizedText }),
    occasion,
    ...linkStateFields(selfAssessmentLinkStatuses),
    draftSavedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'SelfAssessmentLinkSummary' });
export type SelfAssessmentLinkSummary = z.infer<typeof selfAssessmentLinkSummary>;

export const selfAssessmentLinkList = z.object({ items: z.array(selfAssessmentLinkSummary) });
