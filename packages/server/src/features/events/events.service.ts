import type { CreateEventRequest, EventKind, EventView, RegistrationStatus } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import {
  type EventFilter,
  type EventRow,
  eventExtras,
  eventsSince,
  findEvent,
  listEvents,
  presentEvent,
} from './events.repo.ts';
import { type IcsEvent, toIcs } from './ics.ts';

export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  round_table: 'Runder Tisch',
  working_group: 'Arbeitskreis',
  expert_dialogue: 'Fachgespräch',
  workshop: 'Workshop',
  conference: 'Fachtag',
};

/** Serialises code assignment (and registrations of one event) across concurrent requests. */
const lock = (scope: ActorScope, key: string) =>
  scope.tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);

export async function list(
  ctx: AppContext,
  actor: Actor,
  q: EventFilter & { page: number; pageSize: number },
) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const { rows, total } = await listEvents(scope.tx, q, q.pageSize, (q.page - 1) * q.pageSize);
    const extras = await eventExtras(
      scope.tx,
      rows.map((r) => r.id),
      actor.userId,
    );
    return {
      items: rows.map((r) => presentEvent(r, extras, actor.agencyId)),
      page: q.page,
      pageSize: q.pageSize,
      total,
    };
  });
}

async function loadEvent(scope: ActorScope, id: string): Promise<EventRow> {
  const row = await findEvent(scope.tx, id);
  if (!row) throw notFound('Veranstaltung nicht gefunden.');
  return row;
}

async function present(scope: ActorScope, row: EventRow): Promise<EventView> {
  return presentEvent(row, await eventExtras(scope.tx, [row.id], scope.actor.userId), scope.actor.agencyId);
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
    const starts = new Date(input.startsAt);
    let code = input.code;
    if (code) {
      const taken = await scope.tx.query('SELECT 1 FROM network_events WHERE code = $1', [code]);
      if (taken.rowCount > 0) throw conflict(`Der Code ${code} ist bereits vergeben.`);
    } else {
      const yy = String(starts.getUTCFullYear() % 100).padStart(2, '0');
      const next = await scope.tx.query<{ code: string }>('SELECT lotse_next_event_code($1) AS code', [yy]);
      code = next.rows[0]?.code as string;
      if (code.endsWith('/1000')) throw conflict('Für dieses Jahr sind alle Veranstaltungscodes vergeben.');
    }
    const inserted = await scope.tx.query<{ id: string }>(
      `INSERT INTO network_events (agency_id, code, title, kind, starts_at, ends_at, place, online_url, description,
                                   capacity, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
      [
        actor.agencyId,
        code,
        input.title,
        input.kind,
        starts,
        new Date(input.endsAt),
        input.place ?? null,
        input.onlineUrl ?? null,
        input.description,
        input.capacity ?? null,
        actor.userId,
        scope.now,
      ],
    );
    const id = inserted.rows[0]?.id as string;
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
    await lock(scope, `lotse.event.${id}`);
    const mine = await scope.tx.query(
      'SELECT 1 FROM event_registrations WHERE event_id = $1 AND user_id = $2',
      [id, actor.userId],
    );
    if (mine.rowCount > 0) throw conflict('Sie sind für diese Veranstaltung bereits angemeldet.');
    const counts = await eventExtras(scope.tx, [id], actor.userId);
    const registered = counts.counts.get(id)?.registered ?? 0;
    const status = event.capacity === null || registered < event.capacity ? 'registered' : 'waitlisted';
    const inserted = await scope.tx.query<{ id: string }>(
      `INSERT INTO event_registrations (agency_id, event_id, user_id, status, created_at)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [actor.agencyId, id, actor.userId, status, scope.now],
    );
    const registrationId = inserted.rows[0]?.id as string;
    const position =
      status === 'waitlisted'
        ? ((
            await scope.tx.query<{ p: number }>('SELECT lotse_event_waitlist_position($1) AS p', [
              registrationId,
            ])
          ).rows[0]?.p ?? null)
        : null;
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
    const deleted = await scope.tx.query<{ id: string; status: RegistrationStatus }>(
      'DELETE FROM event_registrations WHERE event_id = $1 AND user_id = $2 RETURNING id, status',
      [id, actor.userId],
    );
    const cancelled = deleted.rows[0];
    if (!cancelled) throw notFound('Sie sind für diese Veranstaltung nicht angemeldet.');
    const promoted =
      cancelled.status === 'registered'
        ? ((await scope.tx.query<{ id: string | null }>('SELECT lotse_event_promote($1) AS id', [id])).rows[0]
            ?.id ?? null)
        : null;
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
