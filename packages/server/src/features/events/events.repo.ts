import { type EventKind, type EventView, type RegistrationStatus, wallTimeIn } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';

export interface EventRow {
  id: string;
  agency_id: string;
  agency_name: string;
  code: string;
  title: string;
  kind: EventKind;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  description: string;
  capacity: number | null;
  revision: number;
  updated_at: Date;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

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
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('$?', `$${params.length}`));
  };
  // Dates are calendar days in Germany; an event belongs to the days it touches.
  if (f.from) add(`e.ends_at >= ($?::date::timestamp AT TIME ZONE 'Europe/Berlin')`, f.from);
  if (f.to) add(`e.starts_at < (($?::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin')`, f.to);
  if (f.kind) add('e.kind = $?', f.kind);
  if (f.query)
    add(
      `(lotse_fold(e.title || ' ' || e.code || ' ' || e.description) LIKE '%' || lotse_fold($?) || '%')`,
      f.query,
    );
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

export async function listEvents(tx: Queryable, f: EventFilter, limit: number, offset: number) {
  const w = eventWhere(f);
  const n = w.params.length;
  const rows = await tx.query<EventRow>(
    `${SELECT_EVENT} ${w.sql} ORDER BY e.starts_at, e.code LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...w.params, limit, offset],
  );
  const count = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM network_events e ${w.sql}`,
    w.params,
  );
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
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
