import { z } from 'zod';
import { answers, instrumentView, localizedText, occasion } from './instrument.schema.ts';

/** How long a self-assessment link stays valid. */
export const SELF_ASSESSMENT_LINK_DAYS = 14;

/** A 256-bit token in base64url: exactly 43 characters. */
export const selfAssessmentToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Ungültiger Link.');

export const createSelfAssessmentLinkRequest = z.strictObject({
  instrumentId: z.uuid(),
  occasion,
});
export type CreateSelfAssessmentLinkRequest = z.infer<typeof createSelfAssessmentLinkRequest>;

/** The link as the guide gets it once: the token is never shown again (only its hash is stored). */
export const selfAssessmentLinkView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  instrumentId: z.uuid(),
  occasion,
  token: z.string(),
  path: z.string(),
  expiresAt: z.string(),
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

/** A link in the guide's list (never the token: only its hash is stored). */
export const selfAssessmentLinkSummary = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    instrument: z.object({ id: z.uuid(), title: localizedText }),
    occasion,
    status: z.enum(selfAssessmentLinkStatuses),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    expiresAt: z.string(),
    draftSavedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'SelfAssessmentLinkSummary' });
export type SelfAssessmentLinkSummary = z.infer<typeof selfAssessmentLinkSummary>;

export const selfAssessmentLinkList = z.object({ items: z.array(selfAssessmentLinkSummary) });
