import type { ReferralStatus, ReferralView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';

export interface ReferralRow {
  id: string;
  agency_id: string;
  client_id: string;
  offer_id: string;
  offer_title: string;
  partner_name: string;
  offer_district: string;
  status: ReferralStatus;
  reason: string | null;
  note: string | null;
  feedback: string | null;
  feedback_outcome: ReferralView['feedbackOutcome'];
  feedback_on: string | null;
  feedback_source: ReferralView['feedbackSource'];
  suggested_on: string | null;
  referred_on: string | null;
  started_on: string | null;
  ended_on: string | null;
  capacity_override: boolean;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

// Offers and partners may be hidden by row-level security (an offer withdrawn from the shared
// directory); the referral keeps what it needs to be shown through the definer function.
const SELECT_REFERRAL = `
  SELECT r.id, r.agency_id, r.client_id, r.offer_id, coalesce(o.title, 'Angebot nicht mehr sichtbar') AS offer_title,
         coalesce(p.name, '') AS partner_name, coalesce(o.district, '') AS offer_district, r.status, r.reason, r.note,
         r.feedback, r.feedback_outcome, r.feedback_on, r.feedback_source, r.suggested_on, r.referred_on, r.started_on, r.ended_on, r.capacity_override,
         lotse_user_display_name(r.created_by) AS created_by_name, r.created_at, r.updated_at
    FROM referrals r
    LEFT JOIN offers o ON o.id = r.offer_id
    LEFT JOIN partners p ON p.id = o.partner_id`;

export async function findReferral(tx: Queryable, id: string): Promise<ReferralRow | undefined> {
  return (await tx.query<ReferralRow>(`${SELECT_REFERRAL} WHERE r.id = $1`, [id])).rows[0];
}

export async function listReferrals(
  tx: Queryable,
  clientId: string,
  filter: { status?: ReferralStatus | undefined; open?: boolean | undefined },
  limit: number,
  offset: number,
) {
  const where = ['r.client_id = $1'];
  const params: unknown[] = [clientId];
  if (filter.status) {
    params.push(filter.status);
    where.push(`r.status = $${params.length}`);
  }
  if (filter.open !== undefined)
    where.push(`r.status ${filter.open ? '' : 'NOT '}IN ('suggested', 'referred', 'started')`);
  const n = params.length;
  const rows = await tx.query<ReferralRow>(
    `${SELECT_REFERRAL} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, limit, offset],
  );
  const count = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM referrals r WHERE ${where.join(' AND ')}`,
    params,
  );
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

/** Offers with an open referral of this client (not suggested again). */
export async function openReferralOfferIds(tx: Queryable, clientId: string): Promise<Set<string>> {
  const rows = await tx.query<{ offer_id: string }>(
    `SELECT offer_id FROM referrals WHERE client_id = $1 AND status IN ('suggested', 'referred', 'started')`,
    [clientId],
  );
  return new Set(rows.rows.map((r) => r.offer_id));
}

export interface OpenReferral {
  id: string;
  clientId: string;
  offerTitle: string;
  status: 'suggested' | 'referred' | 'started';
  /** Date of the last status change. */
  since: string;
}

/**
 * Open referrals (suggested, referred, started) of the given clients, oldest change first: for the
 * caseload view ("referrals waiting for feedback"). Runs in the caller's actor transaction, so
 * row-level security limits it to clients the actor's agency may see; the caller audits.
 */
export async function openReferralsOf(tx: Queryable, clientIds: readonly string[]): Promise<OpenReferral[]> {
  if (clientIds.length === 0) return [];
  const rows = await tx.query<{
    id: string;
    client_id: string;
    offer_title: string;
    status: OpenReferral['status'];
    since: string;
  }>(
    `SELECT r.id, r.client_id, coalesce(o.title, '') AS offer_title, r.status,
            coalesce(r.started_on, r.referred_on, r.suggested_on, (r.created_at AT TIME ZONE 'UTC')::date)::text AS since
       FROM referrals r LEFT JOIN offers o ON o.id = r.offer_id
      WHERE r.client_id = ANY ($1::uuid[]) AND r.status IN ('suggested', 'referred', 'started')
      ORDER BY since, r.id`,
    [clientIds],
  );
  return rows.rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    offerTitle: r.offer_title,
    status: r.status,
    since: r.since,
  }));
}

export function presentReferral(row: ReferralRow): ReferralView {
  return {
    id: row.id,
    clientId: row.client_id,
    offer: {
      id: row.offer_id,
      title: row.offer_title,
      partnerName: row.partner_name,
      district: row.offer_district,
    },
    status: row.status,
    reason: row.reason,
    note: row.note,
    feedback: row.feedback,
    feedbackOutcome: row.feedback_outcome,
    feedbackOn: row.feedback_on,
    feedbackSource: row.feedback_source,
    suggestedOn: row.suggested_on,
    referredOn: row.referred_on,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    capacityOverride: row.capacity_override,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Agencies the client has an active consent to share with. */
export async function sharingConsentAgencyIds(tx: Queryable, clientId: string): Promise<string[]> {
  const rows = await tx.query<{ partner_agency_id: string }>(
    `SELECT DISTINCT partner_agency_id FROM consents
      WHERE client_id = $1 AND purpose = 'sharing' AND withdrawn_at IS NULL AND partner_agency_id IS NOT NULL`,
    [clientId],
  );
  return rows.rows.map((r) => r.partner_agency_id);
}

/**
 * Takes a place of the offer; the free places after, -1 when none was left and `override` is false,
 * null when the offer counts no places.
 */
export async function takeOfferPlace(
  tx: Queryable,
  offerId: string,
  override: boolean,
): Promise<number | null | undefined> {
  const result = await tx.query<{ free: number | null }>(
    'SELECT lotse_offer_adjust_places($1, -1, $2) AS free',
    [offerId, override],
  );
  return result.rows[0]?.free;
}

export async function returnOfferPlace(tx: Queryable, offerId: string): Promise<void> {
  await tx.query('SELECT lotse_offer_adjust_places($1, 1, true)', [offerId]);
}

export interface NewReferral {
  agencyId: string;
  clientId: string;
  offerId: string;
  status: ReferralStatus;
  note: string | null;
  suggestedOn: string | null;
  referredOn: string | null;
  capacityOverride: boolean;
  createdBy: string;
  createdByAgency: string;
  at: Date;
}

export async function insertReferral(tx: Queryable, r: NewReferral): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO referrals (agency_id, client_id, offer_id, status, note, suggested_on, referred_on,
                            capacity_override, created_by, created_by_agency, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [
      r.agencyId,
      r.clientId,
      r.offerId,
      r.status,
      r.note,
      r.suggestedOn,
      r.referredOn,
      r.capacityOverride,
      r.createdBy,
      r.createdByAgency,
      r.at,
    ],
  );
  return inserted.rows[0]?.id as string;
}

export interface ReferralChange {
  status: ReferralStatus;
  reason: string | null;
  feedback: string | null;
  /** The status changes: `date` is the date of the new status. */
  statusChanged: boolean;
  date: string;
  capacityOverride: boolean;
}

export async function updateReferral(tx: Queryable, id: string, c: ReferralChange, at: Date): Promise<void> {
  await tx.query(
    `UPDATE referrals
        SET status = $2,
            reason = CASE WHEN $2 = 'dropped' THEN coalesce($3, reason) ELSE reason END,
            feedback = coalesce($4, feedback),
            referred_on = CASE WHEN $2 = 'referred' AND $5 THEN $6::date ELSE referred_on END,
            started_on = CASE WHEN $2 = 'started' AND $5 THEN $6::date ELSE started_on END,
            ended_on = CASE WHEN $2 IN ('completed', 'dropped') AND $5 THEN $6::date ELSE ended_on END,
            capacity_override = $7,
            updated_at = $8
      WHERE id = $1`,
    [id, c.status, c.reason, c.feedback, c.statusChanged, c.date, c.capacityOverride, at],
  );
}

/** Scores and date of the client's latest completed assessment (either perspective). */
export async function latestCompletedScores(
  tx: Queryable,
  clientId: string,
): Promise<{ scores: { dimension: string; need: boolean | null }[]; assessed_on: string } | undefined> {
  return (
    await tx.query<{ scores: { dimension: string; need: boolean | null }[]; assessed_on: string }>(
      `SELECT a.scores, a.assessed_on FROM assessments a
        WHERE a.client_id = $1 AND a.status = 'completed'
        ORDER BY a.assessed_on DESC, a.completed_at DESC LIMIT 1`,
      [clientId],
    )
  ).rows[0];
}

/** Dimensions of the client's open goals, sorted. */
export async function openGoalDimensions(tx: Queryable, clientId: string): Promise<string[]> {
  return (
    await tx.query<{ dimension: string }>(
      `SELECT DISTINCT dimension FROM goals WHERE client_id = $1 AND status = 'open' ORDER BY dimension`,
      [clientId],
    )
  ).rows.map((g) => g.dimension);
}
