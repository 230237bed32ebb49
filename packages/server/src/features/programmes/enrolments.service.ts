import { randomUUID } from 'node:crypto';
import type { CreateEnrolmentRequest, ExitEnrolmentRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { pageOf, pageOffset } from '../../platform/paging.ts';
import { authorize } from '../../platform/policy.ts';
import { requireAccess, requireClient } from '../clients/access.ts';
import { assertDateOrder } from '../clients/date-rules.ts';
import {
  findEnrolment,
  hasOpenEnrolment,
  insertEnrolment,
  isUserOfAgency,
  listEnrolments,
  lockBookings,
  markAdmitted,
  markExited,
  placeSituation,
  presentEnrolment,
} from './enrolments.repo.ts';
import { assertWithinProgramme, loadProgrammeFor } from './programme-access.ts';
import type { ProgrammeRow } from './programmes.repo.ts';

/** What other features may use of the enrolments: one enrolment for the client's record. */
export { findEnrolment, presentEnrolment } from './enrolments.repo.ts';

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes a place from `entryDate` on. Refused (409) when all funded places of the agency are taken,
 * unless a lead or coordinator gives a reason for over-booking, which is audited. An advisory lock
 * per programme and agency serialises concurrent bookings, so two requests cannot both take the
 * last place.
 */
async function takePlace(
  scope: ActorScope,
  programme: ProgrammeRow,
  entryDate: string,
  overbookingReason: string | undefined,
) {
  await lockBookings(scope.tx, programme.id, scope.actor.agencyId);
  const { places, occupied } = await placeSituation(scope.tx, programme.id, scope.actor.agencyId, entryDate);
  if (occupied < places) return { overBooked: false, places, occupied };
  if (!overbookingReason)
    throw conflict(
      `Alle geförderten Plätze sind belegt (${occupied} von ${places}). Die Person kann auf die Warteliste gesetzt oder mit Begründung überbucht werden.`,
    );
  authorize(scope.actor, 'enrolments.overbook');
  return { overBooked: true, places, occupied };
}

async function assertCoach(scope: ActorScope, coachUserId: string | null | undefined) {
  if (!coachUserId) return;
  if (!(await isUserOfAgency(scope.tx, coachUserId, scope.actor.agencyId)))
    throw badRequest('Unbekannter Coach.', [{ path: 'coachUserId', message: 'Kein Konto dieser Stelle.' }]);
}

export async function create(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  input: CreateEnrolmentRequest,
) {
  return withActor(ctx, actor, async (scope) => {
    const programme = await loadProgrammeFor(scope, programmeId, 'enrolments.write');
    const client = await requireClient(scope, 'enrolments.write', input.clientId);
    if (input.entryDate) assertWithinProgramme(programme, input.entryDate, 'entryDate');
    await assertCoach(scope, input.coachUserId);
    if (await hasOpenEnrolment(scope.tx, programme.id, client.id))
      throw conflict('Die Person nimmt an diesem Programm bereits teil oder wartet auf einen Platz.');
    const place = input.entryDate
      ? await takePlace(scope, programme, input.entryDate, input.overbookingReason)
      : { overBooked: false, places: 0, occupied: 0 };
    const id = randomUUID();
    await insertEnrolment(scope.tx, {
      id,
      agencyId: actor.agencyId,
      programmeId: programme.id,
      clientId: client.id,
      status: input.entryDate ? 'active' : 'waiting',
      registeredOn: isoDay(scope.now),
      entryDate: input.entryDate ?? null,
      employer: input.employer ?? null,
      project: input.project ?? null,
      coachUserId: input.coachUserId ?? null,
      overBooked: place.overBooked,
      overbookingReason: place.overBooked ? (input.overbookingReason ?? null) : null,
      createdBy: actor.userId,
      at: scope.now,
    });
    await scope.audit({
      action: 'enrolments.create',
      resourceType: 'enrolment',
      resourceId: id,
      clientId: client.id,
      details: { programmeId: programme.id, status: input.entryDate ? 'active' : 'waiting' },
    });
    if (place.overBooked) await auditOverbooking(scope, id, client.id, programme.id, place);
    return { enrolment: presentEnrolment((await findEnrolment(scope.tx, actor.agencyId, id)) as never) };
  });
}

async function auditOverbooking(
  scope: ActorScope,
  enrolmentId: string,
  clientId: string,
  programmeId: string,
  place: { places: number; occupied: number },
) {
  // The reason stays in the enrolment; the chain records only that and how far places were exceeded.
  await scope.audit({
    action: 'enrolments.overbook',
    resourceType: 'enrolment',
    resourceId: enrolmentId,
    clientId,
    details: { programmeId, places: place.places, occupiedBefore: place.occupied },
  });
}

async function loadEnrolment(scope: ActorScope, id: string) {
  authorize(scope.actor, 'enrolments.write');
  const row = UUID.test(id) ? await findEnrolment(scope.tx, scope.actor.agencyId, id) : undefined;
  if (!row) throw notFound('Teilnahme nicht gefunden.');
  // The client must still be visible to the agency (e.g. a sharing may have ended).
  await requireAccess(scope, 'enrolments.write', 'client', row.client_id);
  return row;
}

export async function admit(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { entryDate: string; overbookingReason?: string | undefined },
) {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadEnrolment(scope, id);
    if (row.status !== 'waiting')
      throw conflict('Nur Personen auf der Warteliste können aufgenommen werden.');
    const programme = await loadProgrammeFor(scope, row.programme_id, 'enrolments.write');
    assertWithinProgramme(programme, input.entryDate, 'entryDate');
    const place = await takePlace(scope, programme, input.entryDate, input.overbookingReason);
    await markAdmitted(
      scope.tx,
      id,
      input.entryDate,
      place.overBooked,
      place.overBooked ? (input.overbookingReason ?? null) : null,
      scope.now,
    );
    await scope.audit({
      action: 'enrolments.admit',
      resourceType: 'enrolment',
      resourceId: id,
      clientId: row.client_id,
      details: { programmeId: row.programme_id },
    });
    if (place.overBooked) await auditOverbooking(scope, id, row.client_id, row.programme_id, place);
    return { enrolment: presentEnrolment((await findEnrolment(scope.tx, actor.agencyId, id)) as never) };
  });
}

/** Ends a participation (the place is free again from the day after) or a wait on the waiting list. */
export async function exit(ctx: AppContext, actor: Actor, id: string, input: ExitEnrolmentRequest) {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadEnrolment(scope, id);
    if (row.status === 'exited') throw conflict('Die Teilnahme ist bereits beendet.');
    assertDateOrder('enrolmentExit', row.entry_date, input.date);
    if (input.date > isoDay(new Date(scope.now.getTime() + 366 * 86_400_000))) {
      const message = 'Der Austritt liegt zu weit in der Zukunft.';
      throw badRequest(message, [{ path: 'date', message }]);
    }
    await markExited(
      scope.tx,
      id,
      { date: input.date, reason: input.reason, earlyEndReason: input.earlyEndReason ?? null },
      scope.now,
    );
    await scope.audit({
      action: 'enrolments.exit',
      resourceType: 'enrolment',
      resourceId: id,
      clientId: row.client_id,
      details: {
        programmeId: row.programme_id,
        reason: input.reason,
        fromWaitingList: row.status === 'waiting',
      },
    });
    return { enrolment: presentEnrolment((await findEnrolment(scope.tx, actor.agencyId, id)) as never) };
  });
}

export async function list(
  ctx: AppContext,
  actor: Actor,
  programmeId: string,
  query: { page: number; pageSize: number; status?: 'waiting' | 'active' | 'exited' | undefined },
) {
  return withActor(ctx, actor, async (scope) => {
    const programme = await loadProgrammeFor(scope, programmeId, 'enrolments.read');
    authorize(actor, 'clients.read');
    const { rows, total } = await listEnrolments(
      scope.tx,
      actor.agencyId,
      programme.id,
      query.status,
      query.pageSize,
      pageOffset(query),
    );
    // One entry per client whose data was shown, so a client's audit trail is complete.
    for (const row of rows) {
      await scope.audit({
        action: 'enrolments.read',
        resourceType: 'enrolment',
        resourceId: row.id,
        clientId: row.client_id,
        details: { programmeId: programme.id },
      });
    }
    return pageOf(query, rows.map(presentEnrolment), total);
  });
}
