import { randomBytes } from 'node:crypto';
import { fromQuestionnaire, type InstrumentView, toQuestionnaire } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { keyExists } from './instruments.repo.ts';
import { createDraft, getDefinition } from './instruments.service.ts';

/** GET /api/instruments/:id/fhir: the version as FHIR R4 Questionnaire. */
export async function exportQuestionnaire(ctx: AppContext, actor: Actor, id: string) {
  const { row, definition } = await getDefinition(ctx, actor, id);
  return toQuestionnaire({ id: row.id, key: row.key, version: row.version, status: row.status, definition });
}

/** A fresh key for a Questionnaire without name, url or title: never a version of another instrument. */
async function uniqueImportKey(scope: ActorScope): Promise<string> {
  for (;;) {
    const key = `imported_${randomBytes(4).toString('hex')}`;
    if (!(await keyExists(scope.tx, key))) return key;
  }
}

export interface QuestionnaireImportResult {
  instrument: InstrumentView;
  unmapped: string[];
  itemsToEdit: { key: string; linkId: string; reason: string }[];
}

/** POST /api/instruments/import/fhir: a FHIR R4 Questionnaire as a new draft, with what did not map. */
export function importQuestionnaire(
  ctx: AppContext,
  actor: Actor,
  resource: Record<string, unknown>,
): Promise<QuestionnaireImportResult> {
  return withActor(ctx, actor, async (scope) => {
    let mapped: ReturnType<typeof fromQuestionnaire>;
    try {
      mapped = fromQuestionnaire(resource);
    } catch {
      throw badRequest('Kein gültiger FHIR-R4-Questionnaire.');
    }
    const key = mapped.key ?? (await uniqueImportKey(scope));
    const instrument = await createDraft(scope, key, mapped.definition, 'fhir', mapped.canonical);
    return { instrument, unmapped: mapped.unmapped, itemsToEdit: mapped.itemsToEdit };
  });
}
