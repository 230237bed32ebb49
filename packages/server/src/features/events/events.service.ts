import {
  type CreateEventRequest,
  type EventAttendeesView,
  type EventKind,
  type EventView,
  type UpdateEventRequest,
  zonedToUtc,
} from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { pagedList } from '../../platform/paging.ts';
import { authorize } from '../../platform/policy.ts';
import { agencyTimeZone } from '../agency/time-zone.ts';
import {
  type AttendeeRow,
  deleteRegistration,
  type EventFilter,
  type EventRow,
  eventAttendees,
  eventCodeTaken,
  eventExtras,
  eventsSince,
  findEvent,
  hasRegistration,
  insertEvent,
  insertRegistration,
  listEvents,
  lockKey,
  markEventCancelled,
  nextEventCode,
  notifyAttendees,
  presentEvent,
  promoteFromWaitlist,
  updateEvent,
  waitlistPosition,
} from './events.repo.ts';
import { type IcsEvent, toIcs } from './ics.ts';

export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  round_table: 'Runder Tisch',
  working_group: 'Arbeitskreis',
  expert_dialogue: 'Fachgespräch',
  workshop: 'Workshop',
  conference: 'Fachtag',
};

const lock = (scope: ActorScope, key: string) => lockKey(scope.tx, key);

export const list = pagedList(
  'network.read',
  (scope, q: EventFilter, limit, offset) => listEvents(scope.tx, q, limit, offset),
  async (rows, scope) => {
    const extras = await eventExtras(
      scope.tx,
      rows.map((r) => r.id),
      scope.actor.userId,
    );
    const zone = await agencyTimeZone(scope.tx, scope.actor.agencyId);
    return rows.map((r) => presentEvent(r, extras, scope.actor.agencyId, zone));
  },
);

async function loadEvent(scope: ActorScope, id: string): Promise<EventRow> {
  const row = await findEvent(scope.tx, id);
  if (!row) throw notFound('Veranstaltung nicht gefunden.');
  return row;
}

async function present(scope: ActorScope, row: EventRow): Promise<EventView> {
  return presentEvent(
    row,
    await eventExtras(scope.tx, [row.id], scope.actor.userId),
    scope.actor.agencyId,
    await agencyTimeZone(scope.tx, scope.actor.agencyId),
  );
}

/**
 * The instants of start and end: given with an offset, or as wall-clock time in the agency's zone
 * (so the browser's zone never shifts what the organiser typed).
 */
function instantsOf(
  input: {
    startsAt?: string | undefined;
    endsAt?: string | undefined;
    localStart?: string | undefined;
    localEnd?: string | undefined;
  },
  zone: string,
  current?: { starts: Date; ends: Date },
): { starts: Date; ends: Date } {
  const pick = (iso: string | undefined, local: string | undefined, field: string, fallback?: Date) => {
    if (iso) return new Date(iso);
    if (local) {
      const at = zonedToUtc(local, zone);
      if (!at) throw badRequest('Ungültiger Zeitpunkt.', [{ path: field, message: 'Ungültiger Zeitpunkt' }]);
      return at;
    }
    if (fallback) return fallback;
    throw badRequest('Zeitpunkt fehlt.', [{ path: field, message: 'Zeitpunkt angeben' }]);
  };
  const starts = pick(input.startsAt, input.localStart, 'startsAt', current?.starts);
  const ends = pick(input.endsAt, input.localEnd, 'endsAt', current?.ends);
  if (ends <= starts)
    throw badRequest('Das Ende muss nach dem Beginn liegen.', [
      { path: 'endsAt', message: 'Ende muss nach dem Beginn liegen' },
    ]);
  return { starts, ends };
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<EventView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    return present(scope, await loadEvent(scope, id));
  });
}

export async function create(ctx: AppContext, actor: Actor, input: CreateEventRequest): Promise<EventView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'events.write');
    await lock(scope, 'lotse.event_code');
    const { starts, ends } = instantsOf(input, await agencyTimeZone(scope.tx, actor.agencyId));
    let code = input.code;
    if (code) {
      if (await eventCodeTaken(scope.tx, code)) throw conflict(`Der Code ${code} ist bereits vergeben.`);
    } else {
      const yy = String(starts.getUTCFullYear() % 100).padStart(2, '0');
      code = await nextEventCode(scope.tx, yy);
      if (code.endsWith('/1000')) throw conflict('Für dieses Jahr sind alle Veranstaltungscodes vergeben.');
    }
    const id = await insertEvent(scope.tx, {
      agencyId: actor.agencyId,
      code,
      title: input.title,
      kind: input.kind,
      starts,
      ends,
      place: input.place ?? null,
      onlineUrl: input.onlineUrl ?? null,
      description: input.description,
      capacity: input.capacity ?? null,
      createdBy: actor.userId,
      at: scope.now,
    });
    await scope.audit({ action: 'events.create', resourceType: 'event', resourceId: id, details: { code } });
    return present(scope, await loadEvent(scope, id));
  });
}

/**
 * Registers the calling staff member; beyond the capacity the registration goes on the waiting list.
 * Staff of every agency may register.
 */
export async function register(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'events.register');
    const event = await loadEvent(scope, id);
    if (event.ends_at <= scope.now) throw conflict('Die Veranstaltung ist bereits vorbei.');
    if (event.cancelled_at) throw conflict('Die Veranstaltung wurde abgesagt.');
    await lock(scope, `lotse.event.${id}`);
    if (await hasRegistration(scope.tx, id, actor.userId))
      throw conflict('Sie sind für diese Veranstaltung bereits angemeldet.');
    const counts = await eventExtras(scope.tx, [id], actor.userId);
    const registered = counts.counts.get(id)?.registered ?? 0;
    const status = event.capacity === null || registered < event.capacity ? 'registered' : 'waitlisted';
    const registrationId = await insertRegistration(scope.tx, {
      agencyId: actor.agencyId,
      eventId: id,
      userId: actor.userId,
      status,
      at: scope.now,
    });
    const position = status === 'waitlisted' ? await waitlistPosition(scope.tx, registrationId) : null;
    await scope.audit({
      action: 'events.register',
      resourceType: 'event',
      resourceId: id,
      details: { status, code: event.code },
    });
    return { eventId: id, status, waitlistPosition: position } as const;
  });
}

/**
 * Cancels the calling staff member's registration. A place that becomes free goes to the first of the
 * waiting list (of whichever agency) in the same transaction.
 */
export async function cancelRegistration(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'events.register');
    const event = await loadEvent(scope, id);
    if (event.ends_at <= scope.now) throw conflict('Die Veranstaltung ist bereits vorbei.');
    await lock(scope, `lotse.event.${id}`);
    const cancelled = await deleteRegistration(scope.tx, id, actor.userId);
    if (!cancelled) throw notFound('Sie sind für diese Veranstaltung nicht angemeldet.');
    const promoted = cancelled.status === 'registered' ? await promoteFromWaitlist(scope.tx, id) : null;
    await scope.audit({
      action: 'events.cancel_registration',
      resourceType: 'event',
      resourceId: id,
      details: { status: cancelled.status, code: event.code, promotedRegistrationId: promoted },
    });
    return { eventId: id, cancelled: cancelled.status, promoted: promoted !== null };
  });
}

function icsEventOf(row: EventRow, host: string): IcsEvent {
  return {
    uid: `${row.id}@${host}`,
    stamp: row.updated_at,
    start: row.starts_at,
    end: row.ends_at,
    summary: `${row.code} ${row.title}`,
    description: [
      row.description,
      `Veranstalter: ${row.agency_name}`,
      row.online_url ? `Online: ${row.online_url}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
    location: row.place ?? (row.online_url ? 'Online' : null),
    url: row.online_url,
    categories: [EVENT_KIND_LABEL[row.kind]],
    sequence: row.revision,
    cancelled: row.cancelled_at !== null,
  };
}

/** The iCalendar feed: events of the last 180 days and all upcoming ones. */
export async function feed(ctx: AppContext, actor: Actor, host: string): Promise<string> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const since = new Date(scope.now.getTime() - 180 * 86_400_000);
    const rows = await eventsSince(scope.tx, since, 2000);
    return toIcs(
      rows.map((r) => icsEventOf(r, host)),
      'Lotse – Netzwerkveranstaltungen',
    );
  });
}

export async function eventIcs(ctx: AppContext, actor: Actor, id: string, host: string) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const row = await loadEvent(scope, id);
    return { code: row.code, ics: toIcs([icsEventOf(row, host)], `${row.code} ${row.title}`) };
  });
}

/** The organiser's own event (another agency's event is a 404 for changes, like a missing one). */
async function loadOwnEvent(scope: ActorScope, id: string): Promise<EventRow> {
  const row = await loadEvent(scope, id);
  if (row.agency_id !== scope.actor.agencyId) throw notFound('Veranstaltung nicht gefunden.');
  return row;
}

const noteParams = (row: EventRow, reason?: string | null) => ({
  code: row.code,
  title: row.title,
  startsAt: row.starts_at.toISOString(),
  ...(reason !== undefined ? { reason } : {}),
});

/**
 * Changes an event of the own agency (not the code). A new time or place is a change the registered
 * people must know: they get an in-app notification. Capacity may not drop below those registered.
 */
export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateEventRequest,
): Promise<EventView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'events.write');
    await lock(scope, `lotse.event.${id}`);
    const row = await loadOwnEvent(scope, id);
    if (row.cancelled_at) throw conflict('Eine abgesagte Veranstaltung kann nicht mehr geändert werden.');
    const zone = await agencyTimeZone(scope.tx, actor.agencyId);
    const { starts, ends } = instantsOf(input, zone, { starts: row.starts_at, ends: row.ends_at });
    const place = input.place !== undefined ? input.place : row.place;
    const onlineUrl = input.onlineUrl !== undefined ? input.onlineUrl : row.online_url;
    if (!place && !onlineUrl)
      throw badRequest('Ort oder Online-Link angeben.', [
        { path: 'place', message: 'Ort oder Online-Link angeben' },
      ]);
    const capacity = input.capacity !== undefined ? input.capacity : row.capacity;
    const counts = (await eventExtras(scope.tx, [id], actor.userId)).counts.get(id);
    if (capacity !== null && counts && counts.registered > capacity)
      throw conflict(
        `Es sind bereits ${counts.registered} Personen angemeldet; die Platzzahl kann nicht darunter sinken.`,
      );
    await updateEvent(
      scope.tx,
      id,
      {
        title: input.title ?? row.title,
        kind: input.kind ?? row.kind,
        starts,
        ends,
        place,
        onlineUrl,
        description: input.description ?? row.description,
        capacity,
      },
      scope.now,
    );
    // More places: the waiting list moves up.
    let promoted = 0;
    while (capacity === null || (counts?.registered ?? 0) + promoted < capacity) {
      const next = await promoteFromWaitlist(scope.tx, id);
      if (!next) break;
      promoted++;
    }
    const moved = starts.getTime() !== row.starts_at.getTime() || ends.getTime() !== row.ends_at.getTime();
    const relocated = place !== row.place || onlineUrl !== row.online_url;
    const after = await loadEvent(scope, id);
    const notified =
      moved || relocated
        ? await notifyAttendees(scope.tx, id, 'event_changed', JSON.stringify(noteParams(after)), scope.now)
        : 0;
    await scope.audit({
      action: 'events.update',
      resourceType: 'event',
      resourceId: id,
      details: {
        code: row.code,
        fields: Object.keys(input).sort(),
        moved,
        relocated,
        promoted,
        notified,
      },
    });
    return present(scope, after);
  });
}

/**
 * Cancels an event of the own agency. It stays listed (marked cancelled, STATUS:CANCELLED in the
 * calendar feeds) and everyone registered or waiting gets an in-app notification.
 */
export async function cancelEvent(
  ctx: AppContext,
  actor: Actor,
  id: string,
  reason: string | null,
): Promise<EventView & { notified: number }> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'events.write');
    await lock(scope, `lotse.event.${id}`);
    const row = await loadOwnEvent(scope, id);
    if (row.cancelled_at) throw conflict('Die Veranstaltung ist bereits abgesagt.');
    if (row.ends_at <= scope.now) throw conflict('Die Veranstaltung ist bereits vorbei.');
    await markEventCancelled(scope.tx, id, scope.now, reason || null);
    const notified = await notifyAttendees(
      scope.tx,
      id,
      'event_cancelled',
      JSON.stringify(noteParams(row, reason || null)),
      scope.now,
    );
    await scope.audit({
      action: 'events.cancel',
      resourceType: 'event',
      resourceId: id,
      details: { code: row.code, notified, reason: Boolean(reason) },
    });
    return { ...(await present(scope, await loadEvent(scope, id))), notified };
  });
}

/** Who registered and who waits, for the organising agency (staff of every agency). */
export async function attendees(ctx: AppContext, actor: Actor, id: string): Promise<EventAttendeesView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'events.write');
    const row = await loadOwnEvent(scope, id);
    const rows = await eventAttendees(scope.tx, id);
    const person = (x: AttendeeRow, position: number | null) => ({
      registrationId: x.registration_id,
      name: x.display_name,
      email: x.email,
      agency: x.agency_name,
      status: x.status,
      registeredAt: x.registered_at.toISOString(),
      waitlistPosition: position,
    });
    const registered = rows.filter((x) => x.status === 'registered').map((x) => person(x, null));
    const waitlisted = rows.filter((x) => x.status === 'waitlisted').map((x, i) => person(x, i + 1));
    await scope.audit({
      action: 'events.attendees.read',
      resourceType: 'event',
      resourceId: id,
      details: { code: row.code, registered: registered.length, waitlisted: waitlisted.length },
    });
    return { eventId: id, registered, waitlisted };
  });
}
