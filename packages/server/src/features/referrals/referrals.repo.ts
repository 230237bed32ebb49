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
