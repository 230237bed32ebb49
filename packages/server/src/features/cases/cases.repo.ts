import type { CaseView, Outcome } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row, Tables } from '../../platform/rows.ts';

export type CaseRow = Row<'cases', { status: 'open' | 'closed'; outcome: Outcome | null }>;

export type CaseEventKind = CaseView['events'][number]['kind'];

export async function openCaseOf(tx: Queryable, clientId: string): Promise<CaseRow | undefined> {
  return (await tx.query<CaseRow>(`SELECT * FROM cases WHERE client_id = $1 AND status = 'open'`, [clientId]))
    .rows[0];
}

/**
 * The day a case's work began: its opening day, or an earlier contact recorded for it (guides often
 * enter a case after the first visits, from paper). A closure before this day contradicts the record.
 */
export async function caseBeganOn(tx: Queryable, c: Pick<CaseRow, 'id' | 'opened_on'>): Promise<string> {
  const r = await tx.query<{ began_on: string }>(
    `SELECT LEAST($2::date, (SELECT min(contact_date) FROM contacts WHERE case_id = $1))::text AS began_on`,
    [c.id, c.opened_on],
  );
  return r.rows[0]?.began_on ?? c.opened_on;
}

export async function insertCase(
  tx: Queryable,
  c: { agencyId: string; clientId: string; guideUserId: string | null; openedOn: string; now: Date },
): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO cases (agency_id, client_id, status, guide_user_id, opened_on, created_at)
     VALUES ($1, $2, 'open', $3, $4, $5) RETURNING id`,
    [c.agencyId, c.clientId, c.guideUserId, c.openedOn, c.now],
  );
  return inserted.rows[0]?.id as string;
}

export async function insertCaseEvent(
  tx: Queryable,
  e: {
    agencyId: string;
    caseId: string;
    kind: CaseEventKind;
    at: Date;
    actorUserId: string | null;
    fromUserId?: string | null;
    toUserId?: string | null;
    partnerAgencyId?: string | null;
    reason?: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_events (agency_id, case_id, kind, at, actor_user_id, from_user_id, to_user_id,
                              partner_agency_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.agencyId,
      e.caseId,
      e.kind,
      e.at,
      e.actorUserId,
      e.fromUserId ?? null,
      e.toUserId ?? null,
      e.partnerAgencyId ?? null,
      e.reason ?? null,
    ],
  );
}

/** Names of all agencies the actor can name (its own and every possible partner). */
export async function agencyNames(tx: Queryable, ownAgencyId: string): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; name: string }>(
    `SELECT id, name FROM lotse_partner_agencies()
     UNION ALL SELECT id, name FROM agencies WHERE id = $1`,
    [ownAgencyId],
  );
  return new Map(rows.rows.map((r) => [r.id, r.name]));
}

/** Display names of users, across agencies (the guide of a shared case belongs to the owner). */
export async function userNames(tx: Queryable, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const rows = await tx.query<{ id: string; name: string | null }>(
    'SELECT id, lotse_user_display_name(id) AS name FROM unnest($1::uuid[]) AS id',
    [unique],
  );
  return new Map(rows.rows.map((r) => [r.id, r.name ?? '']));
}

const EVENT_ORDER = `array_position(ARRAY['opened', 'reopened', 'handover', 'deputies', 'shared', 'sharing_ended',
  'closed'], e.kind)`;

/** A person reference as JSON: null without an id, else id and display name ('' when unknown). */
const personJson = (col: string) => `CASE WHEN ${col} IS NULL THEN NULL
  ELSE json_build_object('id', ${col}, 'displayName', coalesce(lotse_user_display_name(${col}), '')) END`;

/** ISO 8601 with milliseconds and Z, like Date.toISOString(). */
const isoJson = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Every case of the client with history and active sharings in ONE statement (it took five round
 * trips: cases, events, sharings, user names, agency names). Agency names: the own agency and every
 * possible partner (lotse_partner_agencies), as before. Plan: ../clients/clients.plans.md.
 */
export const CASES_OF_CLIENT_SQL = `
  WITH ag AS (SELECT id, name FROM lotse_partner_agencies() UNION ALL SELECT id, name FROM agencies WHERE id = $2)
  SELECT k.id, k.status, ${personJson('k.guide_user_id')} AS guide,
         (SELECT coalesce(json_agg(json_build_object('id', d, 'displayName', coalesce(lotse_user_display_name(d), ''))
                                   ORDER BY o), '[]')
            FROM unnest(k.deputy_user_ids) WITH ORDINALITY AS u(d, o)) AS deputies,
         k.opened_on, k.closed_on, k.outcome, k.closure_reason,
         -- Same rule as caseBeganOn: the closure form checks its date against this day.
         LEAST(k.opened_on, (SELECT min(c.contact_date) FROM contacts c
                              WHERE c.client_id = $1 AND c.case_id = k.id))::text AS began_on,
         (SELECT coalesce(json_agg(json_build_object('agency', json_build_object('id', s.partner_agency_id,
                   'name', coalesce((SELECT ag.name FROM ag WHERE ag.id = s.partner_agency_id LIMIT 1), '')),
                   'since', ${isoJson('s.created_at')}, 'consentId', s.consent_id) ORDER BY s.created_at), '[]')
            FROM case_shares s WHERE s.client_id = $1 AND s.ended_at IS NULL) AS shared_with,
         (SELECT coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'at', ${isoJson('e.at')},
                   'actor', ${personJson('e.actor_user_id')}, 'from', ${personJson('e.from_user_id')},
                   'to', ${personJson('e.to_user_id')},
                   'partnerAgency', CASE WHEN e.partner_agency_id IS NULL THEN NULL
                     ELSE json_build_object('id', e.partner_agency_id,
                       'name', coalesce((SELECT ag.name FROM ag WHERE ag.id = e.partner_agency_id LIMIT 1), '')) END,
                   'reason', e.reason) ORDER BY e.at, ${EVENT_ORDER}), '[]')
            FROM case_events e WHERE e.case_id = k.id) AS events
    FROM cases k
   WHERE k.client_id = $1
   ORDER BY (k.status = 'open') DESC, k.opened_on DESC, k.created_at DESC`;

/** Every case of the client, newest first, with history and active sharings. */
export async function casesOfClient(
  tx: Queryable,
  clientId: string,
  ownAgencyId: string,
): Promise<CaseView[]> {
  const rows = (
    await tx.query<{
      id: string;
      status: CaseView['status'];
      guide: CaseView['guide'];
      deputies: CaseView['deputies'];
      opened_on: string;
      began_on: string;
      closed_on: string | null;
      outcome: Outcome | null;
      closure_reason: string | null;
      shared_with: CaseView['sharedWith'];
      events: CaseView['events'];
    }>(CASES_OF_CLIENT_SQL, [clientId, ownAgencyId])
  ).rows;
  return rows.map((c, index) => ({
    id: c.id,
    status: c.status,
    guide: c.guide,
    deputies: c.deputies,
    openedOn: c.opened_on,
    beganOn: c.began_on,
    closedOn: c.closed_on,
    outcome: c.outcome,
    closureReason: c.closure_reason,
    // Sharing belongs to the client; it is shown on the current case.
    sharedWith: index === 0 ? c.shared_with : [],
    events: c.events,
  }));
}

/** Active staff of the agency who can guide cases (caseworkers and leads). */
export async function guidesOf(tx: Queryable, agencyId: string) {
  return (
    await tx.query<{ id: string; displayName: string }>(
      `SELECT id, display_name AS "displayName" FROM users
        WHERE agency_id = $1 AND status = 'active' AND roles && ARRAY['caseworker', 'lead']::text[]
        ORDER BY display_name`,
      [agencyId],
    )
  ).rows;
}

export async function closeCase(
  tx: Queryable,
  caseId: string,
  c: { closedOn: string; outcome: Outcome; reason: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE cases SET status = 'closed', closed_on = $2, outcome = $3, closure_reason = $4 WHERE id = $1`,
    [caseId, c.closedOn, c.outcome, c.reason],
  );
}

/** The client's most recently closed case (when no case is open, the last one). */
export async function lastClosedCase(
  tx: Queryable,
  clientId: string,
): Promise<(Pick<CaseRow, 'guide_user_id'> & { closed_on: string }) | undefined> {
  const last = await tx.query<Pick<CaseRow, 'guide_user_id'> & { closed_on: string }>(
    `SELECT guide_user_id, closed_on FROM cases WHERE client_id = $1 ORDER BY closed_on DESC LIMIT 1`,
    [clientId],
  );
  return last.rows[0];
}

export async function assignCase(
  tx: Queryable,
  caseId: string,
  guideUserId: string | null,
  deputyUserIds: string[],
): Promise<void> {
  await tx.query('UPDATE cases SET guide_user_id = $2, deputy_user_ids = $3 WHERE id = $1', [
    caseId,
    guideUserId,
    deputyUserIds,
  ]);
}

/** The newest standing consent of the client to share with the partner agency. */
export async function sharingConsentId(
  tx: Queryable,
  clientId: string,
  partnerAgencyId: string,
): Promise<string | undefined> {
  const consent = await tx.query<Pick<Tables['consents'], 'id'>>(
    `SELECT id FROM consents WHERE client_id = $1 AND purpose = 'sharing' AND partner_agency_id = $2
        AND withdrawn_at IS NULL ORDER BY recorded_at DESC LIMIT 1`,
    [clientId, partnerAgencyId],
  );
  return consent.rows[0]?.id;
}

/** Whether the client is currently shared with the partner agency. */
export async function activeShareExists(
  tx: Queryable,
  clientId: string,
  partnerAgencyId: string,
): Promise<boolean> {
  const existing = await tx.query(
    'SELECT 1 FROM case_shares WHERE client_id = $1 AND partner_agency_id = $2 AND ended_at IS NULL',
    [clientId, partnerAgencyId],
  );
  return existing.rowCount > 0;
}

export async function insertCaseShare(
  tx: Queryable,
  s: {
    agencyId: string;
    clientId: string;
    partnerAgencyId: string;
    consentId: string;
    sharedBy: string;
    now: Date;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_shares (agency_id, client_id, partner_agency_id, consent_id, shared_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [s.agencyId, s.clientId, s.partnerAgencyId, s.consentId, s.sharedBy, s.now],
  );
}

/** The agencies the current agency may share clients with (a SECURITY DEFINER function). */
export async function listPartnerAgencies(
  tx: Queryable,
): Promise<Pick<Tables['agencies'], 'id' | 'name' | 'kind'>[]> {
  const rows = await tx.query<Pick<Tables['agencies'], 'id' | 'name' | 'kind'>>(
    'SELECT id, name, kind FROM lotse_partner_agencies()',
  );
  return rows.rows;
}
