import { type InstrumentLocale, toQuestionnaireResponse } from '@lotse/domain';
import type { Actor, AppContext } from '../../platform/context.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import { assessmentPdf, progressPdf } from './assessment.pdf.ts';
import { getWithInstrument, progressForPdf } from './assessments.service.ts';

/** GET /api/assessments/:id/fhir */
export async function questionnaireResponse(ctx: AppContext, actor: Actor, id: string) {
  const { assessment: a, definition } = await getWithInstrument(ctx, actor, id, 'fhir');
  return toQuestionnaireResponse({
    id: a.id,
    clientId: a.clientId,
    instrumentKey: a.instrumentKey,
    instrumentVersion: a.instrumentVersion,
    status: a.status,
    amended: a.amendments.length > 0,
    date: a.date,
    perspective: a.perspective,
    occasion: a.occasion,
    answers: a.answers,
    scores: a.scores,
    definition,
  });
}

/** GET /api/assessments/:id/pdf */
export async function assessmentDocument(
  ctx: AppContext,
  actor: Actor,
  id: string,
  locale: InstrumentLocale,
) {
  const { assessment, definition, clientName } = await getWithInstrument(ctx, actor, id, 'pdf');
  return assessmentPdf(assessment, definition, clientName, locale, await letterheadFor(ctx, actor));
}

/** GET /api/clients/:id/progress.pdf */
export async function progressDocument(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  query: { from?: string | undefined; to?: string | undefined; locale: InstrumentLocale },
) {
  const { view, clientName } = await progressForPdf(ctx, actor, clientId, query);
  return progressPdf(view, clientName, query.locale, await letterheadFor(ctx, actor));
}
