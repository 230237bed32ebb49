import {
  type AmendAssessmentRequest,
  type Answers,
  type AssessmentView,
  buildSeries,
  type CreateAssessmentRequest,
  comparePerspectives,
  currentIntake,
  followUpDue,
  type InstrumentDefinition,
  type Perspective,
  type ProgressView,
  scoreAssessment,
  type UpdateAssessmentRequest,
  validateAnswers,
} from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { AppError, badRequest, conflict } from '../../platform/errors.ts';
import type { Action } from '../../platform/policy.ts';
import { readClient, requireAccess, requireClient } from '../clients/access.ts';
import {
  definitionOf,
  findInstrument,
  type InstrumentRow,
  instrumentDefinitions,
} from '../instruments/instruments.service.ts';
import {
  type AssessmentRow,
  findAssessment,
  insertAmendment,
  insertAssessment,
  listAmendments,
  listClientAssessments,
  presentAssessment,
  presentSummary,
  updateAssessment,
} from './assessments.repo.ts';

/** What other features may use of the assessments: the self-assessment's insert and the record. */
export {
  insertAssessment,
  listAmendments,
  listClientAssessments,
  presentAssessment,
} from './assessments.repo.ts';

const today = (now: Date) => now.toISOString().slice(0, 10);

function checkDate(date: string, now: Date) {
  if (date > today(now))
    throw badRequest('Ungültige Eingabe.', [{ path: 'date', message: 'Das Datum liegt in der Zukunft.' }]);
}

/** Answers must fit the instrument; the error names every offending item and nothing is stored. */
export function checkAnswers(
  def: InstrumentDefinition,
  perspective: Perspective,
  answers: Answers,
  complete: boolean,
) {
  const issues = validateAnswers(def, perspective, answers, { complete });
  if (issues.length) {
    const keys = issues.map((i) => i.path.replace(/^answers\./, ''));
    throw badRequest(`Ungültige Antworten: ${keys.join(', ')}.`, issues);
  }
}

async function publishedInstrument(scope: ActorScope, id: string): Promise<InstrumentRow> {
  const row = await findInstrument(scope.tx, id);
  if (row?.status !== 'published') {
    throw badRequest('Ungültige Eingabe.', [
      { path: 'instrumentId', message: `Kein veröffentlichter Erhebungsbogen: ${id}.` },
    ]);
  }
  return row;
}

/** The one access path to an assessment: through its client (the access module), else 404. */
async function loadAssessmentAndClient(scope: ActorScope, id: string, action: Action) {
  await requireAccess(scope, action, 'assessment', id);
  const row = (await findAssessment(scope.tx, id)) as AssessmentRow;
  const client = await requireClient(scope, action, row.client_id);
  return { row, client };
}

async function loadAssessment(scope: ActorScope, id: string, action: Action) {
  return (await loadAssessmentAndClient(scope, id, action)).row;
}

const nameOf = (c: { first_name: string; last_name: string }) => `${c.first_name} ${c.last_name}`;

async function view(scope: ActorScope, id: string): Promise<AssessmentView> {
  const row = (await findAssessment(scope.tx, id)) as AssessmentRow;
  return presentAssessment(row, await listAmendments(scope.tx, id));
}

const auditDetails = (a: {
  instrument_id: string;
  occasion: string;
  perspective: string;
  status: string;
}) => ({
  instrumentId: a.instrument_id,
  occasion: a.occasion,
  perspective: a.perspective,
  status: a.status,
});

const germanDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * A second intake of the same instrument and perspective in the client's current episode (no exit
 * since) is usually a mistake (a follow-up entered as intake): 409 unless the request confirms it.
 */
async function assertNoSecondIntake(
  scope: ActorScope,
  clientId: string,
  instrument: InstrumentRow,
  input: CreateAssessmentRequest,
) {
  if (input.occasion !== 'intake' || input.confirmSecondIntake) return;
  const earlier = (await listClientAssessments(scope.tx, clientId))
    .filter((r) => r.instrument_key === instrument.key && r.perspective === input.perspective)
    .map((r) => ({ id: r.id, occasion: r.occasion, date: r.assessed_on, status: r.status }));
  const intake = currentIntake(earlier);
  if (!intake) return;
  throw new AppError(
    409,
    'conflict',
    `Für diese Person gibt es schon eine Ersterhebung mit diesem Bogen aus dieser Sicht (vom ${germanDate(intake.date)}). Eine zweite Ersterhebung bitte ausdrücklich bestätigen.`,
    {},
    [{ path: 'occasion', message: 'Meist ist jetzt eine Verlaufserhebung fällig.' }],
    { existingIntake: { id: intake.id, date: intake.date, status: intake.status } },
  );
}

export function create(ctx: AppContext, actor: Actor, clientId: string, input: CreateAssessmentRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'assessments.write', clientId);
    const instrument = await publishedInstrument(scope, input.instrumentId);
    await assertNoSecondIntake(scope, client.id, instrument, input);
    const { confirmSecondIntake, ...rest } = input;
    return record(
      scope,
      client,
      instrument,
      rest,
      'assessments.create',
      confirmSecondIntake && input.occasion === 'intake' ? { secondIntakeConfirmed: 'true' } : {},
    );
  });
}

/**
 * Checks and stores a new assessment of a visible client with a published instrument, audited with the
 * given action; the caller has loaded both through their access checks.
 */
export async function record(
  scope: ActorScope,
  client: { id: string; agency_id: string },
  instrument: InstrumentRow,
  input: Omit<CreateAssessmentRequest, 'instrumentId'>,
  auditAction: 'assessments.create' | 'assessments.import.fhir',
  extraDetails: Record<string, string | number> = {},
): Promise<AssessmentView> {
  const def = definitionOf(instrument);
  checkDate(input.date, scope.now);
  checkAnswers(def, input.perspective, input.answers, input.status === 'completed');
  const scored = scoreAssessment(def, input.perspective, input.answers);
  const id = await insertAssessment(scope.tx, {
    agencyId: client.agency_id,
    clientId: client.id,
    instrumentId: instrument.id,
    occasion: input.occasion,
    perspective: input.perspective,
    mode: input.mode,
    date: input.date,
    status: input.status,
    answers: input.answers,
    scores: scored.dimensions,
    total: scored.total,
    enteredBy: scope.actor.userId,
    now: scope.now,
  });
  await scope.audit({
    action: auditAction,
    resourceType: 'assessment',
    resourceId: id,
    clientId: client.id,
    details: {
      instrumentId: instrument.id,
      occasion: input.occasion,
      perspective: input.perspective,
      status: input.status,
      ...extraDetails,
    },
  });
  return view(scope, id);
}

export function get(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadAssessment(scope, id, 'assessments.read');
    await scope.audit({
      action: 'assessments.read',
      resourceType: 'assessment',
      resourceId: id,
      clientId: row.client_id,
      details: auditDetails(row),
    });
    return view(scope, id);
  });
}

/** The assessment with its instrument definition, for PDF and FHIR output (audited as a read). */
export function getWithInstrument(ctx: AppContext, actor: Actor, id: string, purpose: 'pdf' | 'fhir') {
  return withActor(ctx, actor, async (scope) => {
    const { row, client } = await loadAssessmentAndClient(scope, id, 'assessments.read');
    const instrument = (await findInstrument(scope.tx, row.instrument_id)) as InstrumentRow;
    await scope.audit({
      action: `assessments.export.${purpose}`,
      resourceType: 'assessment',
      resourceId: id,
      clientId: row.client_id,
      details: auditDetails(row),
    });
    return {
      assessment: await view(scope, id),
      instrument,
      definition: definitionOf(instrument),
      clientName: nameOf(client),
    };
  });
}

export function list(ctx: AppContext, actor: Actor, clientId: string) {
  return withActor(ctx, actor, async (scope) => {
    const rows = await readClient(
      scope,
      { action: 'assessments.read', audit: 'assessments.list' },
      clientId,
      async (client) => {
        const listed = await listClientAssessments(scope.tx, client.id);
        return { value: listed, details: { count: listed.length } };
      },
    );
    return { items: rows.map(presentSummary) };
  });
}

/** Autosave of a draft; completed assessments are locked (corrections are amendments). */
export function update(ctx: AppContext, actor: Actor, id: string, input: UpdateAssessmentRequest) {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadAssessment(scope, id, 'assessments.write');
    if (row.status !== 'draft')
      throw conflict('Abgeschlossene Erhebungen sind gesperrt. Änderungen bitte als Korrektur erfassen.');
    const def = definitionOf((await findInstrument(scope.tx, row.instrument_id)) as InstrumentRow);
    const answers = input.answers ?? row.answers;
    const date = input.date ?? row.assessed_on;
    checkDate(date, scope.now);
    checkAnswers(def, row.perspective, answers, false);
    const scored = scoreAssessment(def, row.perspective, answers);
    await updateAssessment(scope.tx, id, {
      occasion: input.occasion ?? row.occasion,
      mode: input.mode ?? row.mode,
      date,
      status: 'draft',
      answers,
      scores: scored.dimensions,
      total: scored.total,
      now: scope.now,
      completedAt: null,
    });
    await scope.audit({
      action: 'assessments.update',
      resourceType: 'assessment',
      resourceId: id,
      clientId: row.client_id,
      details: auditDetails(row),
    });
    return view(scope, id);
  });
}

export function complete(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadAssessment(scope, id, 'assessments.write');
    if (row.status !== 'draft') throw conflict('Die Erhebung ist bereits abgeschlossen.');
    const instrument = (await findInstrument(scope.tx, row.instrument_id)) as InstrumentRow;
    const def = definitionOf(instrument);
    checkAnswers(def, row.perspective, row.answers, true);
    const scored = scoreAssessment(def, row.perspective, row.answers);
    await updateAssessment(scope.tx, id, {
      occasion: row.occasion,
      mode: row.mode,
      date: row.assessed_on,
      status: 'completed',
      answers: row.answers,
      scores: scored.dimensions,
      total: scored.total,
      now: scope.now,
      completedAt: scope.now,
    });
    await scope.audit({
      action: 'assessments.complete',
      resourceType: 'assessment',
      resourceId: id,
      clientId: row.client_id,
      details: auditDetails(row),
    });
    return view(scope, id);
  });
}

/** A correction of a completed assessment: the previous state is kept as a recorded amendment. */
export function amend(ctx: AppContext, actor: Actor, id: string, input: AmendAssessmentRequest) {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadAssessment(scope, id, 'assessments.write');
    if (row.status !== 'completed') throw conflict('Entwürfe werden direkt bearbeitet, nicht korrigiert.');
    const def = definitionOf((await findInstrument(scope.tx, row.instrument_id)) as InstrumentRow);
    const date = input.date ?? row.assessed_on;
    checkDate(date, scope.now);
    checkAnswers(def, row.perspective, input.answers, true);
    const keys = new Set([...Object.keys(row.answers), ...Object.keys(input.answers)]);
    const changedItems = [...keys].filter((k) => row.answers[k] !== input.answers[k]).sort();
    if (changedItems.length === 0 && date === row.assessed_on)
      throw badRequest('Die Korrektur ändert nichts.');
    await insertAmendment(scope.tx, row, {
      changedItems,
      reason: input.reason,
      by: actor.userId,
      now: scope.now,
    });
    const scored = scoreAssessment(def, row.perspective, input.answers);
    await updateAssessment(scope.tx, id, {
      occasion: row.occasion,
      mode: row.mode,
      date,
      status: 'completed',
      answers: input.answers,
      scores: scored.dimensions,
      total: scored.total,
      now: scope.now,
      completedAt: row.completed_at,
    });
    await scope.audit({
      action: 'assessments.amend',
      resourceType: 'assessment',
      resourceId: id,
      clientId: row.client_id,
      details: { ...auditDetails(row), changedItemCount: changedItems.length },
    });
    return view(scope, id);
  });
}

/**
 * Progress of a client: per instrument and perspective, the completed assessments over time, per
 * dimension the points, the change first -> latest (or the two chosen) with RCI and class; the latest
 * self vs. professional view; and when the next follow-up is due.
 */
export function progress(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  choose: { from?: string | undefined; to?: string | undefined } = {},
): Promise<ProgressView> {
  return withActor(
    ctx,
    actor,
    async (scope) => (await progressIn(scope, clientId, choose, 'assessments.progress.read')).view,
  );
}

/** Progress with the client's name, for the PDF handed to the client. */
export function progressForPdf(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  choose: { from?: string | undefined; to?: string | undefined } = {},
) {
  return withActor(ctx, actor, async (scope) => {
    const { view, client } = await progressIn(scope, clientId, choose, 'assessments.progress.export.pdf');
    return { view, clientName: nameOf(client) };
  });
}

async function progressIn(
  scope: ActorScope,
  clientId: string,
  choose: { from?: string | undefined; to?: string | undefined },
  auditAction: string,
): Promise<{ view: ProgressView; client: { first_name: string; last_name: string } }> {
  return readClient(scope, { action: 'assessments.read', audit: auditAction }, clientId, async (client) => {
    const rows = await listClientAssessments(scope.tx, client.id);
    const completed = rows.filter((r) => r.status === 'completed');
    // One query for the instruments used (it was one per instrument); parsed definitions are cached.
    const instruments = await instrumentDefinitions(scope.tx, [
      ...new Set(completed.map((r) => r.instrument_id)),
    ]);
    const defOf = (id: string) => (instruments.get(id) as { definition: InstrumentDefinition }).definition;

    const groups = new Map<string, AssessmentRow[]>();
    for (const r of completed) {
      const k = `${r.instrument_key}|${r.perspective}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    // The latest version of an instrument in a group supplies titles and reference values.
    const latestDef = (group: AssessmentRow[]) => {
      const newest = [...group].sort(
        (a, b) => b.instrument_version - a.instrument_version,
      )[0] as AssessmentRow;
      return defOf(newest.instrument_id);
    };
    const series = [...groups.values()].map((group) => {
      const first = group[0] as AssessmentRow;
      const def = latestDef(group);
      const built = buildSeries(
        first.perspective,
        first.instrument_key,
        group.map((r) => ({
          id: r.id,
          date: r.assessed_on,
          recordedAt: r.created_at.toISOString(),
          occasion: r.occasion,
          perspective: r.perspective,
          instrumentKey: r.instrument_key,
          instrumentVersion: r.instrument_version,
          scores: r.scores,
          total: r.total_score,
        })),
        def.dimensions.map((d) => ({ key: d.key, kind: d.kind, title: d.title, reference: d.reference })),
        def.scoring.rciCriterion,
        { fromId: choose.from, toId: choose.to },
      );
      return { ...built, instrumentTitle: def.title };
    });
    series.sort(
      (a, b) =>
        a.instrumentKey.localeCompare(b.instrumentKey) ||
        (a.perspective === b.perspective ? 0 : a.perspective === 'self' ? -1 : 1),
    );

    const latestOf = (p: Perspective, key: string) =>
      completed.filter((r) => r.perspective === p && r.instrument_key === key).at(-1);
    const mainKey = series[0]?.instrumentKey;
    const comparison = mainKey
      ? comparePerspectives(
          latestOf('self', mainKey)?.scores,
          latestOf('professional', mainKey)?.scores,
          (series[0]?.dimensions ?? []).map((d) => d.key),
        )
      : [];

    const last = completed.at(-1);
    const intervalMonths = last ? defOf(last.instrument_id).scoring.followUpMonths : 6;
    const dueOn = last && last.occasion !== 'exit' ? followUpDue(last.assessed_on, intervalMonths) : null;
    const view: ProgressView = {
      clientId: client.id,
      series,
      comparison,
      followUp: {
        intervalMonths,
        lastDate: last?.assessed_on ?? null,
        dueOn,
        due: dueOn !== null && dueOn <= today(scope.now),
      },
      drafts: rows.filter((r) => r.status === 'draft').map(presentSummary),
    };
    return { value: { view, client }, details: { assessments: completed.length } };
  });
}
