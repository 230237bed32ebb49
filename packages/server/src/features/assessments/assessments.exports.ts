import { toQuestionnaireResponse } from '@lotse/domain';
import type { Actor, AppContext } from '../../platform/context.ts';
import { getWithInstrument } from './assessments.service.ts';

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
    answers: a.answers,
    scores: a.scores,
    definition,
  });
}
