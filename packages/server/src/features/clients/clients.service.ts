import type { ClientListQuery, ClientView, CreateClientRequest, UpdateClientRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { casesOfClient, guidesOf, insertCase, insertCaseEvent } from '../cases/cases.repo.ts';
import { type ClientRow, loadClientFor } from './client-access.ts';
import { presentClient, presentClientSummary } from './clients.presenter.ts';
import {
  findClient,
  findDuplicates,
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
    // One entry for the list read with the ids of the page shown, so a client's trail shows who saw
    // them in a list; the search itself is not recorded (it may be a name).
    await scope.audit({
      action: 'clients.list',
      resourceType: 'client',
      details: { count: rows.length, clientIds: rows.map((r) => r.id), searched: !!q.query, scope: q.scope },
    });
    return {
      items: rows.map((r) => presentClientSummary(r, actor.agencyId)),
      page: q.page,
      pageSize: q.pageSize,
      total,
    };
  });
}

/** The client with cases, for any reader allowed to see it; the caller audits. */
export async function clientView(scope: ActorScope, client: ClientRow): Promise<ClientView> {
  return presentClient(client, await casesOfClient(scope.tx, client.id, scope.actor.agencyId), scope.actor);
}

export function read(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadClientFor(scope, id, 'clients.read');
    await scope.audit({ action: 'clients.read', resourceType: 'client', resourceId: id, clientId: id });
    return clientView(scope, client);
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

async function assertNoDuplicate(
  scope: ActorScope,
  c: { firstName: string; lastName: string; birthDate: string },
  exceptId?: string,
) {
  const duplicates = await findDuplicates(scope.tx, scope.actor.agencyId, c, exceptId);
  if (duplicates.length > 0) {
    throw new AppError(
      409,
      'conflict',
      'Es gibt bereits eine Person mit diesem Namen und Geburtsdatum.',
      {},
      duplicates.map((d) => ({ path: 'duplicateOf', message: `${d.id} ${d.client_number}` })),
    );
  }
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

export function create(ctx: AppContext, actor: Actor, input: CreateClientRequest) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'clients.write');
    assertDateWithin('birthDate', input.birthDate, scope.now, DATE_RANGES.birthDate);
    await assertHealthConsent(scope, undefined, input);
    if (!input.allowDuplicate) await assertNoDuplicate(scope, input);
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
    return clientView(scope, client);
  });
}

export function update(ctx: AppContext, actor: Actor, id: string, input: UpdateClientRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadClientFor(scope, id, 'clients.write');
    if (client.anonymised_at) throw badRequest('Die Daten dieser Person wurden gelöscht.');
    if (input.birthDate) assertDateWithin('birthDate', input.birthDate, scope.now, DATE_RANGES.birthDate);
    await assertHealthConsent(scope, id, input);
    if (input.firstName || input.lastName || input.birthDate) {
      await assertNoDuplicate(
        scope,
        {
          firstName: input.firstName ?? client.first_name,
          lastName: input.lastName ?? client.last_name,
          birthDate: input.birthDate ?? client.birth_date,
        },
        id,
      );
    }
    const fields = await updateClient(scope.tx, id, input, scope.now);
    await scope.audit({
      action: 'clients.update',
      resourceType: 'client',
      resourceId: id,
      clientId: id,
      details: { fields },
    });
    const updated = (await loadClientFor(scope, id, 'clients.write')) as ClientRow;
    return clientView(scope, updated);
  });
}
