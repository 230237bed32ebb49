import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import { CLIENT_DATA, pathToClient } from './client-data-map.ts';

/** The client's rows of `table`, oldest first. */
async function rowsOfClient<R>(
  tx: Queryable,
  table: string,
  columns: readonly string[],
  clientId: string,
): Promise<R[]> {
  return (
    await tx.query<R>(
      `SELECT ${columns.join(', ')} FROM ${table} WHERE client_id = $1 ORDER BY created_at, id`,
      [clientId],
    )
  ).rows;
}

const SHARE_COLUMNS = [
  'id',
  'partner_agency_id',
  'consent_id',
  'shared_by',
  'created_at',
  'ended_at',
] as const;
export type ShareRow = Pick<Row<'case_shares'>, (typeof SHARE_COLUMNS)[number]>;

/** Every sharing of the client's cases, oldest first. */
export const caseSharesOf = (tx: Queryable, clientId: string) =>
  rowsOfClient<ShareRow>(tx, 'case_shares', SHARE_COLUMNS, clientId);

const SELF_ASSESSMENT_LINK_COLUMNS = [
  'id',
  'instrument_id',
  'occasion',
  'created_at',
  'expires_at',
  'draft_answers',
  'draft_saved_at',
  'completed_at',
  'revoked_at',
  'assessment_id',
] as const;
export type SelfAssessmentLinkRow = Pick<
  Row<'self_assessment_links', { draft_answers: Record<string, unknown> }>,
  (typeof SELF_ASSESSMENT_LINK_COLUMNS)[number]
>;

/** The client's self-assessment links with their drafts, oldest first. */
export const selfAssessmentLinkRows = (tx: Queryable, clientId: string) =>
  rowsOfClient<SelfAssessmentLinkRow>(tx, 'self_assessment_links', SELF_ASSESSMENT_LINK_COLUMNS, clientId);

const FEEDBACK_LINK_COLUMNS = [
  'id',
  'referral_id',
  'created_at',
  'expires_at',
  'used_at',
  'revoked_at',
] as const;
export type FeedbackLinkRow = Pick<Row<'referral_feedback_links'>, (typeof FEEDBACK_LINK_COLUMNS)[number]>;

/** The client's referral feedback links, oldest first. */
export const feedbackLinkRows = (tx: Queryable, clientId: string) =>
  rowsOfClient<FeedbackLinkRow>(tx, 'referral_feedback_links', FEEDBACK_LINK_COLUMNS, clientId);

export type OwnEnrolmentRow = Pick<Row<'enrolments'>, 'id' | 'programme_id' | 'overbooking_reason'> & {
  programme_name: string | null;
};

/** The agency's own enrolments of the client with the programme's name. */
export async function ownEnrolmentsOf(
  tx: Queryable,
  clientId: string,
  agencyId: string,
): Promise<OwnEnrolmentRow[]> {
  return (
    await tx.query<OwnEnrolmentRow>(
      `SELECT e.id, e.programme_id, p.name AS programme_name, e.overbooking_reason
        FROM enrolments e LEFT JOIN programmes p ON p.id = e.programme_id
       WHERE e.client_id = $1 AND e.agency_id = $2 ORDER BY e.registered_on, e.created_at, e.id`,
      [clientId, agencyId],
    )
  ).rows;
}

export type EnrolmentExpenditureRow = Pick<
  Row<'expenditures', { enrolment_id: string }>,
  'id' | 'enrolment_id' | 'booked_on' | 'funding_line' | 'amount' | 'reference'
>;

/** Expenditures booked on these enrolments. */
export async function expendituresOf(
  tx: Queryable,
  enrolmentIds: string[],
): Promise<EnrolmentExpenditureRow[]> {
  return (
    await tx.query<EnrolmentExpenditureRow>(
      `SELECT id, enrolment_id, booked_on, funding_line, amount::text AS amount, reference
       FROM expenditures WHERE enrolment_id = ANY ($1::uuid[]) ORDER BY booked_on, id`,
      [enrolmentIds],
    )
  ).rows;
}

export interface AccessLogRow {
  id: number;
  at: Date;
  agency_id: string | null;
  agency_name: string | null;
  actor_user_id: string | null;
  actor_name: string | null;
  actor_roles: string[] | null;
  action: string;
  outcome: string;
}

/** Who accessed the client's data (the audit entries about the client). */
export async function accessLogRows(tx: Queryable, clientId: string): Promise<AccessLogRow[]> {
  return (await tx.query<AccessLogRow>('SELECT * FROM lotse_client_access_log($1)', [clientId])).rows;
}

/** Open cases of the client and the date the last one was closed. */
export async function caseState(
  tx: Queryable,
  clientId: string,
): Promise<{ open: number; last_closed: string | null } | undefined> {
  return (
    await tx.query<{ open: number; last_closed: string | null }>(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, max(closed_on)::text AS last_closed
         FROM cases WHERE client_id = $1`,
      [clientId],
    )
  ).rows[0];
}

/** Deletes the client row; the client's records go with it by cascade. */
export async function deleteClient(tx: Queryable, clientId: string): Promise<void> {
  await tx.query('DELETE FROM clients WHERE id = $1', [clientId]);
}

/** Applies the erasure map: first the client row (which marks it anonymised), then every other table. */
export async function anonymiseClient(tx: Queryable, clientId: string, now: Date) {
  const params: unknown[] = [clientId, now];
  const sets = ['anonymised_at = $2', 'updated_at = $2'];
  for (const [column, r] of Object.entries(CLIENT_DATA.clients?.columns ?? {})) {
    if (r.rule === 'clear') sets.push(`${column} = NULL`);
    else if (r.rule === 'derive') sets.push(`${column} = ${r.sql}`);
    else if (r.rule === 'replace') {
      params.push(r.value);
      sets.push(`${column} = $${params.length}`);
    }
  }
  await tx.query(`UPDATE clients SET ${sets.join(', ')} WHERE id = $1`, params);
  await tx.query('UPDATE case_shares SET ended_at = $2 WHERE client_id = $1 AND ended_at IS NULL', [
    clientId,
    now,
  ]);
  for (const [table, entry] of Object.entries(CLIENT_DATA)) {
    if (entry.belongs === 'self') continue;
    const assignments: Record<string, unknown> = {};
    for (const [column, r] of Object.entries(entry.columns)) {
      if (r.rule === 'clear') assignments[column] = null;
      else if (r.rule === 'replace') assignments[column] = r.value;
      else if (r.rule === 'derive')
        throw new Error(`${table}.${column}: 'derive' is for the client row only`);
    }
    if (Object.keys(assignments).length === 0) continue;
    // Owner rights in the database: rows of other agencies (a partner's enrolment) and the
    // append-only amendments are included; the function checks that the client is ours and anonymised.
    const { tables, columns } = pathToClient(table);
    await tx.query('SELECT lotse_anonymise_client_rows($1, $2, $3, $4)', [
      clientId,
      tables,
      columns,
      JSON.stringify(assignments),
    ]);
  }
}

/** German titles of the dimensions of all published instruments, by dimension key. */
export async function dimensionTitles(tx: Queryable): Promise<{ key: string; title: string }[]> {
  return (
    await tx.query<{ key: string; title: string }>(
      `SELECT DISTINCT ON (d->>'key') d->>'key' AS key, d->'title'->>'de' AS title
         FROM instruments i, jsonb_array_elements(i.definition->'dimensions') AS d
        WHERE i.status = 'published'`,
    )
  ).rows;
}
