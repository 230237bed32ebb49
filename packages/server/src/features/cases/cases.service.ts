import type { ClientView, CloseCaseRequest, HandoverRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, conflict, forbidden } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { assertNotErased, type ClientRow, requireClient } from '../clients/access.ts';
import { presentClient } from '../clients/clients.presenter.ts';
import { assertDateOrder, assertDateWithin, DATE_RANGES } from '../clients/date-rules.ts';
import {
  activeShareExists,
  assignCase,
  caseBeganOn,
  casesOfClient,
  closeCase,
  guidesOf,
  insertCase,
  insertCaseEvent,
  insertCaseShare,
  lastClosedCase,
  listPartnerAgencies,
  openCaseOf,
  sharingConsentId,
} from './cases.repo.ts';

/** What other features may use of the cases: its history and name look-ups. */
export { agencyNames, guidesOf, insertCase, insertCaseEvent, userNames } from './cases.repo.ts';

/**
 * Where a new record of the client's case work (a goal, a contact) belongs: the client's agency, the
 * client, and the open case if there is one.
 */
export async function caseWorkOwner(scope: ActorScope, client: Pick<ClientRow, 'id' | 'agency_id'>) {
  const open = await openCaseOf(scope.tx, client.id);
  return { agencyId: client.agency_id, clientId: client.id, caseId: open?.id ?? null };
}

/**
 * The client with cases, for any reader allowed to see it; the caller audits. Built here rather than
 * in the clients feature because it needs the cases, and the clients feature uses this module to open
 * a client's first case (the other way round would be a cycle).
 */
export async function clientView(scope: ActorScope, client: ClientRow): Promise<ClientView> {
  return presentClient(client, await casesOfClient(scope.tx, client.id, scope.actor.agencyId), scope.actor);
}

/** Closing, re-opening, handing over and sharing stay with the agency that owns the case. */
async function loadOwnedClient(scope: ActorScope, clientId: string): Promise<ClientRow> {
  const client = await requireClient(scope, 'cases.manage', clientId);
  if (!client.owned) throw forbidden('Das kann nur die fallführende Stelle.');
  assertNotErased(client);
  return client;
}

async function requireOpenCase(scope: ActorScope, clientId: string) {
  const open = await openCaseOf(scope.tx, clientId);
  if (!open) throw conflict('Für diese Person ist kein Fall offen.');
  return open;
}

export function close(ctx: AppContext, actor: Actor, clientId: string, input: CloseCaseRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadOwnedClient(scope, clientId);
    assertDateWithin('date', input.date, scope.now, DATE_RANGES.event);
    const open = await requireOpenCase(scope, clientId);
    assertDateOrder('caseClosure', await caseBeganOn(scope.tx, open), input.date);
    await closeCase(scope.tx, open.id, {
      closedOn: input.date,
      outcome: input.outcome,
      reason: input.reason ?? null,
    });
    await insertCaseEvent(scope.tx, {
      agencyId: client.agency_id,
      caseId: open.id,
      kind: 'closed',
      at: scope.now,
      actorUserId: actor.userId,
      reason: input.reason ?? null,
    });
    await scope.audit({
      action: 'cases.close',
      resourceType: 'case',
      resourceId: open.id,
      clientId,
      details: { outcome: input.outcome },
    });
    return clientView(scope, client);
  });
}

export function reopen(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  input: { date: string; reason: string },
) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadOwnedClient(scope, clientId);
    assertDateWithin('date', input.date, scope.now, DATE_RANGES.event);
    if (await openCaseOf(scope.tx, clientId)) throw conflict('Der Fall ist bereits offen.');
    const previous = await lastClosedCase(scope.tx, clientId);
    if (previous && input.date < previous.closed_on)
      throw badRequest('Ein neuer Fall beginnt frühestens am Tag des letzten Abschlusses.', [
        { path: 'date', message: `Frühestens ${previous.closed_on}.` },
      ]);
    const guide = actor.roles.includes('caseworker') ? actor.userId : (previous?.guide_user_id ?? null);
    const caseId = await insertCase(scope.tx, {
      agencyId: client.agency_id,
      clientId,
      guideUserId: guide,
      openedOn: input.date,
      now: scope.now,
    });
    await insertCaseEvent(scope.tx, {
      agencyId: client.agency_id,
      caseId,
      kind: 'reopened',
      at: scope.now,
      actorUserId: actor.userId,
      toUserId: guide,
      reason: input.reason,
    });
    await scope.audit({ action: 'cases.reopen', resourceType: 'case', resourceId: caseId, clientId });
    return clientView(scope, client);
  });
}

export function handover(ctx: AppContext, actor: Actor, clientId: string, input: HandoverRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadOwnedClient(scope, clientId);
    const open = await requireOpenCase(scope, clientId);
    const staff = new Set((await guidesOf(scope.tx, actor.agencyId)).map((g) => g.id));
    if (!staff.has(input.guideUserId))
      throw badRequest('Diese Person kann keine Fälle führen.', [
        { path: 'guideUserId', message: 'Unbekannte Fachkraft.' },
      ]);
    const deputies = [...new Set(input.deputyUserIds ?? open.deputy_user_ids)].filter(
      (id) => id !== input.guideUserId,
    );
    const unknownDeputy = deputies.find((id) => !staff.has(id));
    if (unknownDeputy)
      throw badRequest('Diese Person kann nicht vertreten.', [
        { path: 'deputyUserIds', message: 'Unbekannte Fachkraft.' },
      ]);
    await assignCase(scope.tx, open.id, input.guideUserId, deputies);
    if (open.guide_user_id !== input.guideUserId) {
      await insertCaseEvent(scope.tx, {
        agencyId: client.agency_id,
        caseId: open.id,
        kind: 'handover',
        at: scope.now,
        actorUserId: actor.userId,
        fromUserId: open.guide_user_id,
        toUserId: input.guideUserId,
        reason: input.reason,
      });
    }
    if (deputies.join() !== open.deputy_user_ids.join()) {
      await insertCaseEvent(scope.tx, {
        agencyId: client.agency_id,
        caseId: open.id,
        kind: 'deputies',
        at: scope.now,
        actorUserId: actor.userId,
        reason: input.reason,
      });
    }
    await scope.audit({
      action: 'cases.handover',
      resourceType: 'case',
      resourceId: open.id,
      clientId,
      details: { to: input.guideUserId, deputies: deputies.length },
    });
    return clientView(scope, client);
  });
}

/**
 * Shares the client's case with a partner agency. Needs an active consent of the client to share with
 * exactly that agency; withdrawing it ends the sharing (consents.service).
 */
export function share(ctx: AppContext, actor: Actor, clientId: string, partnerAgencyId: string) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadOwnedClient(scope, clientId);
    const open = await requireOpenCase(scope, clientId);
    const consentId = await sharingConsentId(scope.tx, clientId, partnerAgencyId);
    if (!consentId)
      throw badRequest(
        'Ohne Einwilligung zur Weitergabe an diese Stelle kann der Fall nicht geteilt werden.',
        [{ path: 'partnerAgencyId', message: 'Keine aktive Einwilligung zur Weitergabe an diese Stelle.' }],
      );
    if (await activeShareExists(scope.tx, clientId, partnerAgencyId))
      throw conflict('Der Fall ist mit dieser Stelle bereits geteilt.');
    await insertCaseShare(scope.tx, {
      agencyId: client.agency_id,
      clientId,
      partnerAgencyId,
      consentId,
      sharedBy: actor.userId,
      now: scope.now,
    });
    await insertCaseEvent(scope.tx, {
      agencyId: client.agency_id,
      caseId: open.id,
      kind: 'shared',
      at: scope.now,
      actorUserId: actor.userId,
      partnerAgencyId,
    });
    await scope.audit({
      action: 'cases.share',
      resourceType: 'case',
      resourceId: open.id,
      clientId,
      details: { partnerAgencyId, consentId },
    });
    return clientView(scope, client);
  });
}

export function guides(ctx: AppContext, actor: Actor) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'cases.manage');
    return { items: await guidesOf(scope.tx, actor.agencyId) };
  });
}

export function partnerAgencies(ctx: AppContext, actor: Actor) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'consents.write');
    return { items: await listPartnerAgencies(scope.tx) };
  });
}
