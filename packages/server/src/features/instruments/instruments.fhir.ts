import { fromQuestionnaire, type InstrumentView, toQuestionnaire } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { createDraft, getDefinition } from './instruments.service.ts';

/** GET /api/instruments/:id/fhir: the version as FHIR R4 Questionnaire. */
export async function exportQuestionnaire(ctx: AppContext, actor: Actor, id: string) {
  const { row, definition } = await getDefinition(ctx, actor, id);
  return toQuestionnaire({ id: row.id, key: row.key, version: row.version, status: row.status, definition });
}

/** POST /api/instruments/import/fhir: a FHIR R4 Questionnaire as a new draft, with what did not map. */
export function importQuestionnaire(
  ctx: AppContext,
  actor: Actor,
  resource: Record<string, unknown>,
): Promise<{ instrument: InstrumentView; unmapped: string[] }> {
  return withActor(ctx, actor, async (scope) => {
    let mapped: ReturnType<typeof fromQuestionnaire>;
    try {
      mapped = fromQuestionnaire(resource);
    } catch {
      throw badRequest('Kein gültiger FHIR-R4-Questionnaire.');
    }
    const instrument = await createDraft(scope, mapped.key, mapped.definition, 'fhir');
    return { instrument, unmapped: mapped.unmapped };
  });
}
