import type { AgencyKind, Role } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';

// The demo seed writes many rows at once with multi-row inserts and unnest(); the statements live
// here so the seeders hold only the generated data.

export async function anyAgencyExists(tx: Queryable): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM agencies LIMIT 1')).rowCount > 0;
}

export async function insertDemoAgency(
  tx: Queryable,
  name: string,
  kind: AgencyKind,
  at: Date,
): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    'INSERT INTO agencies (name, kind, is_demo, created_at) VALUES ($1, $2, true, $3) RETURNING id',
    [name, kind, at],
  );
  return inserted.rows[0]?.id as string;
}

export async function insertDemoUser(
  tx: Queryable,
  agencyId: string,
  user: { email: string; displayName: string; roles: Role[] },
  passwordHash: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO users (agency_id, email, display_name, roles, status, password_hash, password_changed_at,
                        is_demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'active', $5, $6, true, $6, $6)`,
    [agencyId, user.email, user.displayName, user.roles, passwordHash, at],
  );
}

export async function demoUsers(tx: Queryable): Promise<{ id: string; email: string }[]> {
  return (await tx.query<{ id: string; email: string }>('SELECT id, email FROM users WHERE is_demo')).rows;
}

/** The first version of the shared default instrument. */
export async function defaultInstrument(
  tx: Queryable,
): Promise<{ id: string; definition: unknown } | undefined> {
  return (
    await tx.query<{ id: string; definition: unknown }>(
      `SELECT id, definition FROM instruments WHERE agency_id IS NULL AND key = 'teilhabe_bogen' AND version = 1`,
    )
  ).rows[0];
}

export interface DemoClient {
  id: string;
  agency_id: string;
  client_number: string;
  opened_on: string;
  closed_on: string | null;
  guide_user_id: string | null;
}

/** The demo agencies' clients with their case, by client number. */
export async function demoClientsWithCases(tx: Queryable): Promise<DemoClient[]> {
  return (
    await tx.query<DemoClient>(
      `SELECT c.id, c.agency_id, c.client_number, k.opened_on, k.closed_on, k.guide_user_id
         FROM clients c JOIN cases k ON k.client_id = c.id AND k.agency_id = c.agency_id
         JOIN agencies a ON a.id = c.agency_id AND a.is_demo
        ORDER BY c.client_number`,
    )
  ).rows;
}

/** Per client of the agency with an open case: the dimension of its first open goal and the guide. */
export async function openGoalPerClient(
  tx: Queryable,
  agencyId: string,
): Promise<{ client_id: string; dimension: string; guide: string | null }[]> {
  return (
    await tx.query<{ client_id: string; dimension: string; guide: string | null }>(
      `SELECT DISTINCT ON (g.client_id) g.client_id, g.dimension, k.guide_user_id AS guide
         FROM goals g JOIN cases k ON k.client_id = g.client_id AND k.status = 'open'
        WHERE g.agency_id = $1 AND g.status = 'open'
        ORDER BY g.client_id, g.created_at`,
      [agencyId],
    )
  ).rows;
}

export async function offerDimensions(
  tx: Queryable,
  agencyId: string,
): Promise<{ id: string; dimensions: string[] }[]> {
  return (
    await tx.query<{ id: string; dimensions: string[] }>(
      'SELECT id, dimensions FROM offers WHERE agency_id = $1 ORDER BY id',
      [agencyId],
    )
  ).rows;
}

/** The demo staff who register for the demo events. */
export async function eventRegistrants(
  tx: Queryable,
): Promise<{ id: string; agency_id: string; email: string }[]> {
  return (
    await tx.query<{ id: string; agency_id: string; email: string }>(
      `SELECT id, agency_id, email FROM users WHERE is_demo AND email IN ('lotse@jc-en.example', 'lotse2@jc-en.example',
        'koordination@jc-en.example', 'lotse@jc-mk.example') ORDER BY email`,
    )
  ).rows;
}

export async function insertProgrammeAgencies(
  tx: Queryable,
  programmeId: string,
  agencies: readonly { id: string; role: string }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO programme_agencies (programme_id, agency_id, role)
     SELECT $1, * FROM unnest($2::uuid[], $3::text[])`,
    [programmeId, agencies.map((a) => a.id), agencies.map((a) => a.role)],
  );
}

export async function insertBudgets(
  tx: Queryable,
  programmeId: string,
  rows: readonly (readonly [agencyId: string, year: number, line: string, amount: string])[],
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO budgets (programme_id, agency_id, year, funding_line, amount, updated_at)
     SELECT $1, u.a, u.y, u.l, u.m::numeric, $6 FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) AS u (a, y, l, m)`,
    [
      programmeId,
      rows.map((r) => r[0]),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
      rows.map((r) => r[3]),
      at,
    ],
  );
}

/** Clients an agency may enrol: its own, or (`shared`) those whose cases are shared with it. */
export async function enrolableClients(
  tx: Queryable,
  agencyId: string,
  shared: boolean,
): Promise<{ id: string }[]> {
  return (
    await tx.query<{ id: string }>(
      shared
        ? `SELECT DISTINCT c.id, c.client_number FROM clients c JOIN case_shares s ON s.client_id = c.id
            WHERE s.partner_agency_id = $1 AND s.ended_at IS NULL ORDER BY c.client_number`
        : `SELECT id, client_number FROM clients WHERE agency_id = $1 AND anonymised_at IS NULL ORDER BY client_number`,
      [agencyId],
    )
  ).rows;
}

/**
 * Enrolments of a programme; each row: agency, client, status, registered on, entry, exit, exit
 * reason, early-end reason.
 */
export async function insertEnrolments(
  tx: Queryable,
  programmeId: string,
  rows: readonly (readonly (string | null)[])[],
  employer: string | null,
  at: Date,
): Promise<void> {
  const col = (i: number) => rows.map((r) => r[i] ?? null);
  await tx.query(
    `INSERT INTO enrolments (agency_id, programme_id, client_id, status, registered_on, entry_date, exit_date,
                             exit_reason, early_end_reason, employer, created_at, updated_at)
     SELECT u.a, $1, u.c, u.s, u.r, u.e, u.x, u.reason, u.why, $10, $11, $11
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::date[], $7::date[], $8::text[], $9::text[])
            AS u (a, c, s, r, e, x, reason, why)`,
    [programmeId, col(0), col(1), col(2), col(3), col(4), col(5), col(6), col(7), employer, at],
  );
}

/** Bookings of a programme; each row: agency, funding line, amount, date, reference. */
export async function insertExpenditures(
  tx: Queryable,
  programmeId: string,
  rows: readonly (readonly string[])[],
  at: Date,
): Promise<void> {
  const col = (i: number) => rows.map((r) => r[i]);
  await tx.query(
    `INSERT INTO expenditures (agency_id, programme_id, funding_line, amount, booked_on, reference, created_at)
     SELECT u.a, $1, u.l, u.m::numeric, u.d, u.ref, $7
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::text[]) AS u (a, l, m, d, ref)`,
    [programmeId, col(0), col(1), col(2), col(3), col(4), at],
  );
}
