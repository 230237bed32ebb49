import {
  type InstrumentDefinition,
  type InstrumentView,
  instrumentDefinition,
  itemsToEdit,
  type UpdateInstrumentRequest,
} from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { letterheadOf } from '../agency/letterhead.ts';
import { requireClient } from '../clients/access.ts';
import {
  definitionOf,
  findInstrument,
  type InstrumentRow,
  insertInstrument,
  listInstruments,
  markPublished,
  nextVersion,
  presentInstrument,
  updateDraft,
} from './instruments.repo.ts';

/** What other features may use of the instruments: versions, their definitions and the view. */
export {
  definitionOf,
  findInstrument,
  findPublishedByCanonical,
  type InstrumentRow,
  instrumentDefinitions,
  presentInstrument,
} from './instruments.repo.ts';

/** Loads a visible instrument version (system or own agency); anything else is 404. */
export async function loadInstrument(scope: ActorScope, id: string): Promise<InstrumentRow> {
  const row = await findInstrument(scope.tx, id);
  if (!row) throw notFound('Erhebungsbogen nicht gefunden.');
  return row;
}

/** An instrument the caller may change: a draft of the own agency. */
async function loadOwnDraft(scope: ActorScope, id: string): Promise<InstrumentRow> {
  authorize(scope.actor, 'instruments.manage');
  const row = await loadInstrument(scope, id);
  if (row.agency_id !== scope.actor.agencyId || row.status !== 'draft') {
    throw conflict(
      'Veröffentlichte Versionen sind unveränderlich. Bitte zuerst eine Kopie als Entwurf anlegen.',
    );
  }
  return row;
}

function validDefinition(candidate: unknown): InstrumentDefinition {
  const parsed = instrumentDefinition.safeParse(candidate);
  if (parsed.success) return parsed.data;
  throw badRequest(
    'Der Erhebungsbogen ist unvollständig oder widersprüchlich.',
    parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

export function list(ctx: AppContext, actor: Actor, status: 'published' | 'all') {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'instruments.read');
    const rows = await listInstruments(scope.tx, status === 'all');
    return { items: rows.map(presentInstrument) };
  });
}

export function get(ctx: AppContext, actor: Actor, id: string): Promise<InstrumentView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'instruments.read');
    return presentInstrument(await loadInstrument(scope, id));
  });
}

/** Definition of a visible version (for PDF forms, FHIR export). */
export function getDefinition(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'instruments.read');
    const row = await loadInstrument(scope, id);
    return { row, definition: definitionOf(row) };
  });
}

/**
 * What a blank form needs: the version, the agency's letterhead and, when a client is given, that
 * client's number (only for who may record assessments for the client; the print is audited).
 */
export function formFor(ctx: AppContext, actor: Actor, id: string, clientId: string | undefined) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'instruments.read');
    const row = await loadInstrument(scope, id);
    const letterhead = await letterheadOf(scope.tx, actor.agencyId);
    if (!clientId) return { row, definition: definitionOf(row), letterhead, clientNumber: undefined };
    const client = await requireClient(scope, 'assessments.write', clientId);
    await scope.audit({
      action: 'instruments.form.client',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details: { instrumentId: id },
    });
    return { row, definition: definitionOf(row), letterhead, clientNumber: client.client_number };
  });
}

/** Copies any visible version into a new draft of the own agency with the next version number. */
export function copyToDraft(ctx: AppContext, actor: Actor, id: string): Promise<InstrumentView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'instruments.manage');
    const source = await loadInstrument(scope, id);
    const newId = await insertInstrument(scope.tx, {
      agencyId: actor.agencyId,
      key: source.key,
      version: await nextVersion(scope.tx, source.key),
      definition: definitionOf(source),
      basedOnId: source.id,
      createdBy: actor.userId,
      now: scope.now,
    });
    await scope.audit({
      action: 'instruments.draft.create',
      resourceType: 'instrument',
      resourceId: newId,
      details: { basedOn: source.id },
    });
    return presentInstrument((await findInstrument(scope.tx, newId)) as InstrumentRow);
  });
}

/** Creates a new draft from an imported definition (FHIR import). */
export async function createDraft(
  scope: ActorScope,
  key: string,
  candidate: unknown,
  source: string,
  fhir: { url: string; version: string | null } | null = null,
): Promise<InstrumentView> {
  authorize(scope.actor, 'instruments.manage');
  const definition = validDefinition(candidate);
  const id = await insertInstrument(scope.tx, {
    agencyId: scope.actor.agencyId,
    key,
    version: await nextVersion(scope.tx, key),
    definition,
    basedOnId: null,
    createdBy: scope.actor.userId,
    now: scope.now,
    fhir,
  });
  await scope.audit({
    action: 'instruments.import',
    resourceType: 'instrument',
    resourceId: id,
    details: { source },
  });
  return presentInstrument((await findInstrument(scope.tx, id)) as InstrumentRow);
}

export function update(ctx: AppContext, actor: Actor, id: string, patch: UpdateInstrumentRequest) {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadOwnDraft(scope, id);
    const current = definitionOf(row);
    const next = validDefinition({ ...current, ...patch });
    await updateDraft(scope.tx, id, next, scope.now);
    await scope.audit({
      action: 'instruments.update',
      resourceType: 'instrument',
      resourceId: id,
      details: { fields: Object.keys(patch) },
    });
    return presentInstrument((await findInstrument(scope.tx, id)) as InstrumentRow);
  });
}

export function publish(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadOwnDraft(scope, id);
    const open = itemsToEdit(validDefinition(row.definition));
    if (open.length)
      throw badRequest(
        'Fragen aus dem Import müssen vor dem Veröffentlichen bearbeitet werden.',
        open.map((i) => ({ path: i.key, message: i.importIssue ?? '' })),
      );
    await markPublished(scope.tx, id, actor.userId, scope.now);
    await scope.audit({
      action: 'instruments.publish',
      resourceType: 'instrument',
      resourceId: id,
      details: { key: row.key, version: row.version },
    });
    return presentInstrument((await findInstrument(scope.tx, id)) as InstrumentRow);
  });
}
