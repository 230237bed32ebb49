import {
  type AssessmentView,
  answersFromResponse,
  type ImportQuestionnaireResponseRequest,
  parseCanonical,
  responseHeader,
} from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { requireClient } from '../clients/access.ts';
import { definitionOf, findPublishedByCanonical } from '../instruments/instruments.service.ts';
import { record } from './assessments.service.ts';

type Issue = { path: string; message: string };

/**
 * POST /api/clients/:id/assessments/import/fhir: a QuestionnaireResponse (from another system or a
 * scanned paper form) as a new assessment of the client in the path (the response's subject is the
 * other system's id and is ignored). It must cite a published instrument version; every answer must
 * fit it, otherwise 400 naming the linkIds and nothing is stored.
 */
export function importQuestionnaireResponse(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  body: ImportQuestionnaireResponseRequest,
): Promise<AssessmentView> {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'assessments.import', clientId);
    const { resource, ...params } = 'resourceType' in body ? { resource: body } : body;
    const header = responseHeader(resource);
    if (!header.questionnaire)
      throw badRequest('Die Antwort nennt keinen Fragebogen.', [
        { path: 'questionnaire', message: 'questionnaire fehlt (kanonische Adresse|Version).' },
      ]);
    const instrument = await findPublishedByCanonical(scope.tx, parseCanonical(header.questionnaire));
    if (!instrument)
      throw badRequest(`Unbekannter Fragebogen: ${header.questionnaire}.`, [
        {
          path: 'questionnaire',
          message: 'Kein veröffentlichter Erhebungsbogen mit dieser Adresse und Version.',
        },
      ]);

    const perspective = params.perspective ?? header.perspective;
    const occasion = params.occasion ?? header.occasion;
    const date = params.date ?? header.date;
    const missing: Issue[] = [
      ...(perspective ? [] : [{ path: 'perspective', message: 'Perspektive (self/professional) fehlt.' }]),
      ...(occasion ? [] : [{ path: 'occasion', message: 'Anlass (intake/follow_up/exit) fehlt.' }]),
      ...(date ? [] : [{ path: 'date', message: 'Datum fehlt (authored oder date).' }]),
      ...(header.status
        ? []
        : [
            {
              path: 'status',
              message: 'Nur Antworten in Bearbeitung oder abgeschlossene werden übernommen.',
            },
          ]),
    ];
    if (!perspective || !occasion || !date || !header.status || missing.length)
      throw badRequest('Angaben zur Erhebung fehlen.', missing);

    const { answers, issues } = answersFromResponse(resource, definitionOf(instrument));
    if (issues.length)
      throw badRequest(
        `Die Antworten passen nicht zum Erhebungsbogen ${instrument.key} (Version ${instrument.version}).`,
        issues,
      );
    return record(
      scope,
      client,
      instrument,
      { perspective, occasion, date, mode: params.mode ?? 'paper', status: header.status, answers },
      'assessments.import.fhir',
      { answered: Object.keys(answers).length },
    );
  });
}
