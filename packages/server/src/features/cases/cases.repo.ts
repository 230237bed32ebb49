import type { CaseView, Outcome } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';

export interface CaseRow {
  id: string;
  agency_id: string;
  client_id: string;
  status: 'open' | 'closed';
  guide_user_id: string | null;
  deputy_user_ids: string[];
  opened_on: string;
  closed_on: string | null;
  outcome: Outcome | null;
  closure_reason: string | null;
  created_at: Date;
}

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

/** Every case of the client, newest first, with history and active sharings. */
export async function casesOfClient(
  tx: Queryable,
  clientId: string,
  ownAgencyId: string,
): Promise<CaseView[]> {
  const cases = (
    await tx.query<CaseRow>(
      `SELECT * FROM cases WHERE client_id = $1 ORDER BY (status = 'open') DESC, opened_on DESC, created_at DESC`,
      [clientId],
    )
  ).rows;
  if (cases.length === 0) return [];
  const events = (
    await tx.query<{
      id: string;
      case_id: string;
      kind: CaseEventKind;
      at: Date;
      actor_user_id: string | null;
      from_user_id: string | null;
      to_user_id: string | null;
      partner_agency_id: string | null;
      reason: string | null;
    }>(
      `SELECT * FROM case_events WHERE case_id = ANY ($1::uuid[])
      ORDER BY at, array_position(ARRAY['opened', 'reopened', 'handover', 'deputies', 'shared', 'sharing_ended',
                                        'closed'], kind)`,
      [cases.map((c) => c.id)],
    )
  ).rows;
  const shares = (
    await tx.query<{ partner_agency_id: string; created_at: Date; consent_id: string }>(
      `SELECT partner_agency_id, created_at, consent_id FROM case_shares
        WHERE client_id = $1 AND ended_at IS NULL ORDER BY created_at`,
      [clientId],
    )
  ).rows;
  const names = await userNames(tx, [
    ...cases.flatMap((c) => [c.guide_user_id, ...c.deputy_user_ids]),
    ...events.flatMap((e) => [e.actor_user_id, e.from_user_id, e.to_user_id]),
  ]);
  const agencies = await agencyNames(tx, ownAgencyId);
  const person = (id: string | null) => (id ? { id, displayName: names.get(id) ?? '' } : null);
  const agency = (id: string | null) => (id ? { id, name: agencies.get(id) ?? '' } : null);
  return cases.map((c, index) => ({
    id: c.id,
    status: c.status,
    guide: person(c.guide_user_id),
    deputies: c.deputy_user_ids.map((id) => ({ id, displayName: names.get(id) ?? '' })),
    openedOn: c.opened_on,
    closedOn: c.closed_on,
    outcome: c.outcome,
    closureReason: c.closure_reason,
    // Sharing belongs to the client; it is shown on the current case.
    sharedWith:
      index === 0
        ? shares.map((s) => ({
            agency: { id: s.partner_agency_id, name: agencies.get(s.partner_agency_id) ?? '' },
            since: s.created_at.toISOString(),
            consentId: s.consent_id,
          }))
        : [],
    events: events
      .filter((e) => e.case_id === c.id)
      .map((e) => ({
        id: e.id,
        kind: e.kind,
        at: e.at.toISOString(),
        actor: person(e.actor_user_id),
        from: person(e.from_user_id),
        to: person(e.to_user_id),
        partnerAgency: agency(e.partner_agency_id),
        reason: e.reason,
      })),
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
