import {
  type ClientListQuery,
  type ClientView,
  type CreateClientRequest,
  type DuplicateCandidate,
  namesSoundAlike,
  type UpdateClientRequest,
} from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { pageOf } from '../../platform/paging.ts';
import { authorize } from '../../platform/policy.ts';
import { clientView, guidesOf, insertCase, insertCaseEvent } from '../cases/cases.service.ts';
import {
  auditClientList,
  type ClientRow,
  readClient,
  requireClient,
  requireWritableClient,
} from './access.ts';
import { presentClientSummary } from './clients.presenter.ts';
import {
  type DuplicateRow,
  findClient,
  findSameBirthDate,
  hasActiveConsent,
  insertClient,
  listClients,
  updateClient,
} from './clients.repo.ts';
import { assertDateWithin, DATE_RANGES, today } from './date-rules.ts';

const HEALTH_FIELDS = ['severeDisability', 'reducedEarningCapacity'] as const;

export function list(ctx: AppContext, actor: Actor, q: ClientListQuery) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'clients.read');
    const { rows, total } = await listClients(scope.tx, actor.agencyId, actor.userId, q);
    // The search itself is not recorded (it may be a name).
    await auditClientList(
      scope,
      'clients.list',
      rows.map((r) => r.id),
      { searched: !!q.query, scope: q.scope },
    );
    return pageOf(
      q,
      rows.map((r) => presentClientSummary(r, actor.agencyId)),
      total,
    );
  });
}

/** The client with cases (built by the cases feature), for any reader allowed to see it. */
export { clientView } from '../cases/cases.service.ts';

export function read(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    return readClient(scope, { action: 'clients.read' }, id, async (client) => ({
      value: await clientView(scope, client),
    }));
  });
}

/** Health flags may be recorded only while the client's consent to process health data is active. */
async function assertHealthConsent(
  scope: ActorScope,
  clientId: string | undefined,
  input: Partial<Record<(typeof HEALTH_FIELDS)[number], boolean | null | undefined>>,
) {
  const recordsHealth = HEALTH_FIELDS.some((f) => input[f] !== undefined && input[f] !== null);
  if (!recordsHealth) return;
  if (!clientId || !(await hasActiveConsent(scope.tx, clientId, 'processing_health_data'))) {
    throw badRequest('Gesundheitsangaben nur mit Einwilligung zur Verarbeitung von Gesundheitsdaten.', [
      {
        path: HEALTH_FIELDS.find((f) => input[f] !== undefined) ?? 'severeDisability',
        message: 'Zuerst die Einwilligung zur Verarbeitung von Gesundheitsdaten erfassen.',
      },
    ]);
  }
}

/** A name this similar (pg_trgm, folded full names) to another with the same birth date is a candidate. */
const SIMILAR_NAME = 0.5;
const MAX_CANDIDATES = 10;

/**
 * Possible duplicates of a person among the clients the actor may read: same birth date and the same
 * folded name, or (with `similar`) a name similar by trigrams or alike by Kölner Phonetik. Shown
 * candidates are audited (ids only) like a list read.
 */
async function duplicateCandidates(
  scope: ActorScope,
  c: { firstName: string; lastName: string; birthDate: string },
  options: { similar: boolean; exceptId?: string },
): Promise<DuplicateCandidate[]> {
  const rows = await findSameBirthDate(scope.tx, scope.actor.agencyId, c, options.exceptId);
  const isCandidate = (r: DuplicateRow) =>
    r.exact ||
    (options.similar &&
      (r.similarity >= SIMILAR_NAME ||
        namesSoundAlike({ firstName: r.first_name, lastName: r.last_name }, c)));
  const candidates = rows
    .filter(isCandidate)
    .slice(0, MAX_CANDIDATES)
    .map((r) => ({
      ...presentClientSummary({ ...r, total: 0 }, scope.actor.agencyId),
      match: r.exact ? ('exact' as const) : ('similar' as const),
    }));
  if (candidates.length > 0) {
    await scope.audit({
      action: 'clients.duplicates',
      resourceType: 'client',
      ...(options.exceptId ? { resourceId: options.exceptId, clientId: options.exceptId } : {}),
      details: {
        count: candidates.length,
        clientIds: candidates.map((d) => d.id),
        exact: candidates.filter((d) => d.match === 'exact').length,
        during: options.exceptId ? 'update' : 'create',
      },
    });
  }
  return candidates;
}

/** 409 with the candidates; the issues keep the earlier shape (`duplicateOf`: "<id> <number>"). */
function duplicateConflict(candidates: DuplicateCandidate[]): AppError {
  const message = candidates.some((d) => d.match === 'exact')
    ? 'Es gibt bereits eine Person mit diesem Namen und Geburtsdatum.'
    : 'Es gibt Personen mit ähnlichem Namen und demselben Geburtsdatum.';
  return new AppError(
    409,
    'conflict',
    message,
    {},
    candidates.map((d) => ({ path: 'duplicateOf', message: `${d.id} ${d.clientNumber}` })),
    { candidates },
  );
}

async function resolveGuide(scope: ActorScope, requested: string | undefined): Promise<string | null> {
  const guides = await guidesOf(scope.tx, scope.actor.agencyId);
  if (requested) {
    if (!guides.some((g) => g.id === requested))
      throw badRequest('Diese Person kann keine Fälle führen.', [
        { path: 'guideUserId', message: 'Unbekannte Fachkraft.' },
      ]);
    return requested;
  }
  return scope.actor.roles.includes('caseworker') ? scope.actor.userId : null;
}

/** What a create or update answers: the client, or the possible duplicates to confirm first. */
type Outcome = { client: ClientView } | { candidates: DuplicateCandidate[] };

export async function create(ctx: AppContext, actor: Actor, input: CreateClientRequest) {
  // The candidates are answered after the transaction commits, so their audit entry stays.
  const outcome = await withActor<Outcome>(ctx, actor, async (scope) => {
    authorize(actor, 'clients.write');
    assertDateWithin('birthDate', input.birthDate, scope.now, DATE_RANGES.birthDate);
    await assertHealthConsent(scope, undefined, input);
    if (!input.allowDuplicate) {
      const candidates = await duplicateCandidates(scope, input, { similar: true });
      if (candidates.length > 0) return { candidates };
    }
    const guide = await resolveGuide(scope, input.guideUserId);
    const id = await insertClient(scope.tx, actor.agencyId, actor.userId, input, scope.now);
    const caseId = await insertCase(scope.tx, {
      agencyId: actor.agencyId,
      clientId: id,
      guideUserId: guide,
      openedOn: today(scope.now),
      now: scope.now,
    });
    await insertCaseEvent(scope.tx, {
      agencyId: actor.agencyId,
      caseId,
      kind: 'opened',
      at: scope.now,
      actorUserId: actor.userId,
      toUserId: guide,
    });
    await scope.audit({
      action: 'clients.create',
      resourceType: 'client',
      resourceId: id,
      clientId: id,
      details: { caseId, duplicateConfirmed: !!input.allowDuplicate },
    });
    const client = (await findClient(scope.tx, id)) as ClientRow;
    return { client: await clientView(scope, client) };
  });
  if ('candidates' in outcome) throw duplicateConflict(outcome.candidates);
  return outcome.client;
}

export async function update(ctx: AppContext, actor: Actor, id: string, input: UpdateClientRequest) {
  const outcome = await withActor<Outcome>(ctx, actor, async (scope) => {
    const client = await requireWritableClient(scope, 'clients.write', id);
    if (input.birthDate) assertDateWithin('birthDate', input.birthDate, scope.now, DATE_RANGES.birthDate);
    await assertHealthConsent(scope, id, input);
    if (input.firstName || input.lastName || input.birthDate) {
      // A change of master data keeps the exact rule (no confirmation exists for an update).
      const candidates = await duplicateCandidates(
        scope,
        {
          firstName: input.firstName ?? client.first_name,
          lastName: input.lastName ?? client.last_name,
          birthDate: input.birthDate ?? client.birth_date,
        },
        { similar: false, exceptId: id },
      );
      if (candidates.length > 0) return { candidates };
    }
    const fields = await updateClient(scope.tx, id, input, scope.now);
    await scope.audit({
      action: 'clients.update',
      resourceType: 'client',
      resourceId: id,
      clientId: id,
      details: { fields },
    });
    const updated = (await requireClient(scope, 'clients.write', id)) as ClientRow;
    return { client: await clientView(scope, updated) };
  });
  if ('candidates' in outcome) throw duplicateConflict(outcome.candidates);
  return outcome.client;
}
