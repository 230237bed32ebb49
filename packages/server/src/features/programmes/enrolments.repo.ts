import type { EarlyEndReason, EnrolmentView, ExitReason } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

export type EnrolmentRow = Omit<
  Row<
    'enrolments',
    {
      status: 'waiting' | 'active' | 'exited';
      exit_reason: ExitReason | null;
      early_end_reason: EarlyEndReason | null;
    }
  >,
  'overbooking_reason' | 'created_by' | 'created_at' | 'updated_at'
> & { client_number: string; client_name: string; coach_name: string | null };

const SELECT_ENROLMENT = `
  SELECT e.id, e.agency_id, e.programme_id, e.client_id, e.status, e.registered_on, e.entry_date, e.exit_date,
         e.exit_reason, e.early_end_reason, e.employer, e.project, e.coach_user_id, e.over_booked,
         c.client_number, (c.first_name || ' ' || c.last_name) AS client_name, u.display_name AS coach_name
    FROM enrolments e
    JOIN clients c ON c.id = e.client_id
    LEFT JOIN users u ON u.id = e.coach_user_id`;

export async function findEnrolment(tx: Queryable, agencyId: string, id: string) {
  return (
    await tx.query<EnrolmentRow>(`${SELECT_ENROLMENT} WHERE e.id = $1 AND e.agency_id = $2`, [id, agencyId])
  ).rows[0];
}

export async function listEnrolments(
  tx: Queryable,
  agencyId: string,
  programmeId: string,
  status: string | undefined,
  limit: number,
  offset: number,
) {
  const r = await tx.query<EnrolmentRow & { total: number }>(
    `${SELECT_ENROLMENT.replace('SELECT', 'SELECT count(*) OVER ()::int AS total,')}
      WHERE e.agency_id = $1 AND e.programme_id = $2 AND ($3::text IS NULL OR e.status = $3)
      ORDER BY CASE e.status WHEN 'active' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END,
               e.entry_date DESC NULLS LAST, e.registered_on, c.last_name, c.first_name, e.id
      LIMIT $4 OFFSET $5`,
    [agencyId, programmeId, status ?? null, limit, offset],
  );
  return { rows: r.rows, total: r.rows[0]?.total ?? 0 };
}

/** Places of the agency in the year of `date`, and how many are taken from that day on. */
export async function placeSituation(tx: Queryable, programmeId: string, agencyId: string, date: string) {
  const r = await tx.query<{ places: number; occupied: number }>(
    `SELECT coalesce((SELECT places FROM programme_places
                       WHERE programme_id = $1 AND agency_id = $2 AND year = extract(year FROM $3::date)), 0) AS places,
            (SELECT count(*)::int FROM enrolments
              WHERE programme_id = $1 AND agency_id = $2 AND status = 'active'
                AND (exit_date IS NULL OR exit_date >= $3::date)) AS occupied`,
    [programmeId, agencyId, date],
  );
  return r.rows[0] ?? { places: 0, occupied: 0 };
}

export function presentEnrolment(row: EnrolmentRow): EnrolmentView {
  return {
    id: row.id,
    programmeId: row.programme_id,
    client: { id: row.client_id, clientNumber: row.client_number, displayName: row.client_name },
    status: row.status,
    registeredOn: row.registered_on,
    entryDate: row.entry_date,
    exitDate: row.exit_date,
    exitReason: row.exit_reason,
    earlyEndReason: row.early_end_reason,
    employer: row.employer,
    project: row.project,
    coach: row.coach_user_id ? { id: row.coach_user_id, displayName: row.coach_name ?? '' } : null,
    overBooked: row.over_booked,
  };
}

/** Serialises the bookings of one programme and agency, so two requests cannot both take the last place. */
export async function lockBookings(tx: Queryable, programmeId: string, agencyId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `enrolment:${programmeId}:${agencyId}`,
  ]);
}

export async function isUserOfAgency(tx: Queryable, userId: string, agencyId: string): Promise<boolean> {
  return (
    (await tx.query('SELECT 1 FROM users WHERE id = $1 AND agency_id = $2', [userId, agencyId])).rowCount > 0
  );
}

/** Whether the client takes part in the programme or waits for a place. */
export async function hasOpenEnrolment(
  tx: Queryable,
  programmeId: string,
  clientId: string,
): Promise<boolean> {
  return (
    (
      await tx.query(
        `SELECT 1 FROM enrolments WHERE programme_id = $1 AND client_id = $2 AND status IN ('waiting', 'active')`,
        [programmeId, clientId],
      )
    ).rowCount > 0
  );
}

export interface NewEnrolment {
  id: string;
  agencyId: string;
  programmeId: string;
  clientId: string;
  status: 'active' | 'waiting';
  registeredOn: string;
  entryDate: string | null;
  employer: string | null;
  project: string | null;
  coachUserId: string | null;
  overBooked: boolean;
  overbookingReason: string | null;
  createdBy: string;
  at: Date;
}

export async function insertEnrolment(tx: Queryable, e: NewEnrolment): Promise<void> {
  await tx.query(
    `INSERT INTO enrolments (id, agency_id, programme_id, client_id, status, registered_on, entry_date, employer,
                             project, coach_user_id, over_booked, overbooking_reason, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
    [
      e.id,
      e.agencyId,
      e.programmeId,
      e.clientId,
      e.status,
      e.registeredOn,
      e.entryDate,
      e.employer,
      e.project,
      e.coachUserId,
      e.overBooked,
      e.overbookingReason,
      e.createdBy,
      e.at,
    ],
  );
}

export async function markAdmitted(
  tx: Queryable,
  id: string,
  entryDate: string,
  overBooked: boolean,
  overbookingReason: string | null,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE enrolments SET status = 'active', entry_date = $2, over_booked = $3, overbooking_reason = $4,
            updated_at = $5 WHERE id = $1`,
    [id, entryDate, overBooked, overbookingReason, at],
  );
}

export async function markExited(
  tx: Queryable,
  id: string,
  exit: { date: string; reason: ExitReason; earlyEndReason: EarlyEndReason | null },
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE enrolments SET status = 'exited', exit_date = $2, exit_reason = $3, early_end_reason = $4, updated_at = $5
      WHERE id = $1`,
    [id, exit.date, exit.reason, exit.earlyEndReason, at],
  );
}
