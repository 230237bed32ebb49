import {
  type EventKind,
  type EventView,
  type RegistrationStatus,
  type Role,
  wallTimeIn,
} from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import { filteredPage, Where } from '../../platform/sql-where.ts';

export type EventRow = Omit<Row<'network_events', { kind: EventKind }>, 'created_by' | 'created_at'> & {
  agency_name: string;
};

const SELECT_EVENT = `
  SELECT e.id, e.agency_id, lotse_agency_name(e.agency_id) AS agency_name, e.code, e.title, e.kind, e.starts_at,
         e.ends_at, e.place, e.online_url, e.description, e.capacity, e.revision, e.updated_at,
         e.cancelled_at, e.cancel_reason
    FROM network_events e`;

export interface EventFilter {
  from?: string | undefined;
  to?: string | undefined;
  kind?: EventKind | undefined;
  query?: string | undefined;
}

function eventWhere(f: EventFilter) {
  const where = new Where();
  // Dates are calendar days in Germany; an event belongs to the days it touches.
  if (f.from) where.add(`e.ends_at >= ($?::date::timestamp AT TIME ZONE 'Europe/Berlin')`, f.from);
  if (f.to) where.add(`e.starts_at < (($?::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin')`, f.to);
  if (f.kind) where.add('e.kind = $?', f.kind);
  if (f.query)
    where.add(
      `(lotse_fold(e.title || ' ' || e.code || ' ' || e.description) LIKE '%' || lotse_fold($?) || '%')`,
      f.query,
    );
  return where;
}

export async function listEvents(tx: Queryable, f: EventFilter, limit: number, offset: number) {
  return filteredPage<EventRow>(
    tx,
    { select: SELECT_EVENT, from: 'network_events e', order: 'e.starts_at, e.code' },
    eventWhere(f),
    limit,
    offset,
  );
}

/** Events that end after `since`, by start (the iCalendar feed). */
export async function eventsSince(tx: Queryable, since: Date, limit: number): Promise<EventRow[]> {
  return (
    await tx.query<EventRow>(`${SELECT_EVENT} WHERE e.ends_at >= $1 ORDER BY e.starts_at, e.code LIMIT $2`, [
      since,
      limit,
    ])
  ).rows;
}

export async function findEvent(tx: Queryable, id: string): Promise<EventRow | undefined> {
  return (await tx.query<EventRow>(`${SELECT_EVENT} WHERE e.id = $1`, [id])).rows[0];
}

export interface EventExtras {
  counts: Map<string, { registered: number; waitlisted: number }>;
  mine: Map<string, RegistrationStatus>;
}

/** Registration counts (all agencies) and the caller's own registrations for these events. */
export async function eventExtras(tx: Queryable, ids: string[], userId: string): Promise<EventExtras> {
  if (ids.length === 0) return { counts: new Map(), mine: new Map() };
  const counts = await tx.query<{ event_id: string; registered: number; waitlisted: number }>(
    'SELECT event_id, registered, waitlisted FROM lotse_event_counts($1::uuid[])',
    [ids],
  );
  const mine = await tx.query<{ event_id: string; status: RegistrationStatus }>(
    'SELECT event_id, status FROM event_registrations WHERE user_id = $1 AND event_id = ANY ($2::uuid[])',
    [userId, ids],
  );
  return {
    counts: new Map(
      counts.rows.map((r) => [r.event_id, { registered: r.registered, waitlisted: r.waitlisted }]),
    ),
    mine: new Map(mine.rows.map((r) => [r.event_id, r.status])),
  };
}

const local = (at: Date, zone: string) => {
  const w = wallTimeIn(at, zone);
  return `${w.date}T${w.time}`;
};

/** `timeZone`: the reader's agency zone, in which the wall-clock times are given. */
export function presentEvent(
  row: EventRow,
  extras: EventExtras,
  agencyId: string,
  timeZone: string,
): EventView {
  const c = extras.counts.get(row.id);
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    kind: row.kind,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    place: row.place,
    onlineUrl: row.online_url,
    description: row.description,
    capacity: row.capacity,
    registered: c?.registered ?? 0,
    waitlisted: c?.waitlisted ?? 0,
    myRegistration: extras.mine.get(row.id) ?? null,
    organiser: { id: row.agency_id, name: row.agency_name },
    own: row.agency_id === agencyId,
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    cancelReason: row.cancel_reason,
    localStart: local(row.starts_at, timeZone),
    localEnd: local(row.ends_at, timeZone),
    timeZone,
  };
}

/** Serialises code assignment (and registrations of one event) across concurrent requests. */
export async function lockKey(tx: Queryable, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

export async function eventCodeTaken(tx: Queryable, code: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM network_events WHERE code = $1', [code])).rowCount > 0;
}

/** The next free code of the year `yy` ("V 26/014"); ".../1000" once the year is full. */
export async function nextEventCode(tx: Queryable, yy: string): Promise<string> {
  return (await tx.query<{ code: string }>('SELECT lotse_next_event_code($1) AS code', [yy])).rows[0]
    ?.code as string;
}

export interface EventChanges {
  title: string;
  kind: EventKind;
  starts: Date;
  ends: Date;
  place: string | null;
  onlineUrl: string | null;
  description: string;
  capacity: number | null;
}

/** The editable fields' values in the column order both the insert and the update use. */
const changeValues = (c: EventChanges) => [
  c.title,
  c.kind,
  c.starts,
  c.ends,
  c.place,
  c.onlineUrl,
  c.description,
  c.capacity,
];

export interface NewEvent extends EventChanges {
  agencyId: string;
  code: string;
  createdBy: string;
  at: Date;
}

export async function insertEvent(tx: Queryable, e: NewEvent): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO network_events (agency_id, code, title, kind, starts_at, ends_at, place, online_url, description,
                                 capacity, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
    [e.agencyId, e.code, ...changeValues(e), e.createdBy, e.at],
  );
  return inserted.rows[0]?.id as string;
}

export async function hasRegistration(tx: Queryable, eventId: string, userId: string): Promise<boolean> {
  return (
    (
      await tx.query('SELECT 1 FROM event_registrations WHERE event_id = $1 AND user_id = $2', [
        eventId,
        userId,
      ])
    ).rowCount > 0
  );
}

export async function insertRegistration(
  tx: Queryable,
  r: { agencyId: string; eventId: string; userId: string; status: RegistrationStatus; at: Date },
): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO event_registrations (agency_id, event_id, user_id, status, created_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [r.agencyId, r.eventId, r.userId, r.status, r.at],
  );
  return inserted.rows[0]?.id as string;
}

export async function waitlistPosition(tx: Queryable, registrationId: string): Promise<number | null> {
  return (
    (await tx.query<{ p: number }>('SELECT lotse_event_waitlist_position($1) AS p', [registrationId])).rows[0]
      ?.p ?? null
  );
}

export async function deleteRegistration(
  tx: Queryable,
  eventId: string,
  userId: string,
): Promise<{ id: string; status: RegistrationStatus } | undefined> {
  return (
    await tx.query<{ id: string; status: RegistrationStatus }>(
      'DELETE FROM event_registrations WHERE event_id = $1 AND user_id = $2 RETURNING id, status',
      [eventId, userId],
    )
  ).rows[0];
}

/** Moves the first of the waiting list up; the registration's id, or null when nobody waits. */
export async function promoteFromWaitlist(tx: Queryable, eventId: string): Promise<string | null> {
  return (
    (await tx.query<{ id: string | null }>('SELECT lotse_event_promote($1) AS id', [eventId])).rows[0]?.id ??
    null
  );
}

export async function updateEvent(tx: Queryable, id: string, c: EventChanges, at: Date): Promise<void> {
  await tx.query(
    `UPDATE network_events SET title = $2, kind = $3, starts_at = $4, ends_at = $5, place = $6, online_url = $7,
            description = $8, capacity = $9, revision = revision + 1, updated_at = $10
      WHERE id = $1`,
    [id, ...changeValues(c), at],
  );
}

export async function markEventCancelled(
  tx: Queryable,
  id: string,
  at: Date,
  reason: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE network_events SET cancelled_at = $2, cancel_reason = $3, revision = revision + 1, updated_at = $2
      WHERE id = $1`,
    [id, at, reason],
  );
}

/** Notifies everyone registered or waiting; the number notified. */
export async function notifyAttendees(
  tx: Queryable,
  eventId: string,
  kind: 'event_changed' | 'event_cancelled',
  params: string,
  at: Date,
): Promise<number> {
  return (
    (
      await tx.query<{ n: number }>('SELECT lotse_event_notify($1, $2, $3, $4) AS n', [
        eventId,
        kind,
        params,
        at,
      ])
    ).rows[0]?.n ?? 0
  );
}

export interface AttendeeRow {
  registration_id: string;
  display_name: string;
  email: string;
  agency_name: string;
  status: RegistrationStatus;
  registered_at: Date;
}

export async function eventAttendees(tx: Queryable, eventId: string): Promise<AttendeeRow[]> {
  return (await tx.query<AttendeeRow>('SELECT * FROM lotse_event_attendees($1)', [eventId])).rows;
}

export async function feedTokenCreatedAt(tx: Queryable, userId: string): Promise<Date | undefined> {
  return (
    await tx.query<{ created_at: Date }>('SELECT created_at FROM event_feed_tokens WHERE user_id = $1', [
      userId,
    ])
  ).rows[0]?.created_at;
}

/** Removes the user's feed link; whether there was one. */
export async function deleteFeedToken(tx: Queryable, userId: string): Promise<boolean> {
  return (await tx.query('DELETE FROM event_feed_tokens WHERE user_id = $1', [userId])).rowCount > 0;
}

export async function insertFeedToken(
  tx: Queryable,
  t: { userId: string; agencyId: string; tokenHash: string; at: Date },
): Promise<void> {
  await tx.query(
    'INSERT INTO event_feed_tokens (user_id, agency_id, token_hash, created_at) VALUES ($1, $2, $3, $4)',
    [t.userId, t.agencyId, t.tokenHash, t.at],
  );
}

/** The active owner of a feed link. */
export async function feedTokenOwner(
  tx: Queryable,
  tokenHash: string,
): Promise<{ user_id: string; agency_id: string; roles: Role[] } | undefined> {
  return (
    await tx.query<{ user_id: string; agency_id: string; roles: Role[] }>(
      `SELECT t.user_id, t.agency_id, u.roles FROM event_feed_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = $1 AND u.status = 'active'`,
      [tokenHash],
    )
  ).rows[0];
}
