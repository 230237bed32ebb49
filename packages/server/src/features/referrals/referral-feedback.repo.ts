import type { ReferralFeedbackRequest, ReferralView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import type { IssuedLink } from '../auth/one-time-links.ts';

type LinkTable = Row<'referral_feedback_links'>;

export type LinkRow = Pick<
  LinkTable,
  'id' | 'referral_id' | 'created_at' | 'expires_at' | 'used_at' | 'revoked_at'
> & { created_by_name: string | null };

const SELECT_LINKS = `
  SELECT id, referral_id, created_at, lotse_user_display_name(created_by) AS created_by_name, expires_at,
         used_at, revoked_at
    FROM referral_feedback_links`;

export async function recordFeedback(
  tx: Queryable,
  referralId: string,
  input: ReferralFeedbackRequest,
  date: string,
  source: 'staff' | 'partner_link',
  now: Date,
): Promise<void> {
  await tx.query(
    `UPDATE referrals SET feedback_outcome = $2, feedback = $3, feedback_on = $4, feedback_source = $5, updated_at = $6
      WHERE id = $1`,
    [referralId, input.outcome, input.note ?? null, date, source, now],
  );
}

/** Revokes the referral's open links that have not expired; how many. */
export async function revokeOpenLinks(
  tx: Queryable,
  referralId: string,
  at: Date,
  by: string,
): Promise<number> {
  const replaced = await tx.query(
    `UPDATE referral_feedback_links SET revoked_at = $2, revoked_by = $3
      WHERE referral_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2`,
    [referralId, at, by],
  );
  return replaced.rowCount ?? 0;
}

export interface NewLink extends IssuedLink {
  agencyId: string;
  clientId: string;
  referralId: string;
}

export async function insertLink(tx: Queryable, l: NewLink): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO referral_feedback_links (agency_id, client_id, referral_id, token_hash, created_by, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [l.agencyId, l.clientId, l.referralId, l.tokenHash, l.createdBy, l.at, l.expiresAt],
  );
  return inserted.rows[0]?.id as string;
}

/** The referral's links, newest first. */
export async function linksOfReferral(tx: Queryable, referralId: string): Promise<LinkRow[]> {
  return (
    await tx.query<LinkRow>(`${SELECT_LINKS} WHERE referral_id = $1 ORDER BY created_at DESC, id`, [
      referralId,
    ])
  ).rows;
}

export async function findLink(tx: Queryable, id: string, forUpdate = false): Promise<LinkRow | undefined> {
  return (await tx.query<LinkRow>(`${SELECT_LINKS} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]))
    .rows[0];
}

export async function markLinkRevoked(tx: Queryable, id: string, at: Date, by: string): Promise<void> {
  await tx.query('UPDATE referral_feedback_links SET revoked_at = $2, revoked_by = $3 WHERE id = $1', [
    id,
    at,
    by,
  ]);
}

export type PublicLinkRow = Pick<
  LinkTable,
  'id' | 'agency_id' | 'client_id' | 'referral_id' | 'expires_at' | 'used_at' | 'revoked_at'
> & { status: ReferralView['status'] };

/** The link behind a token hash (locked for the transaction) unless the client's data was erased. */
export async function lockLinkByToken(tx: Queryable, tokenHash: string): Promise<PublicLinkRow | undefined> {
  return (
    await tx.query<PublicLinkRow>(
      `SELECT l.id, l.agency_id, l.client_id, l.referral_id, l.expires_at, l.used_at, l.revoked_at, r.status
         FROM referral_feedback_links l
         JOIN referrals r ON r.id = l.referral_id
         JOIN clients c ON c.id = l.client_id
        WHERE l.token_hash = $1 AND c.anonymised_at IS NULL
        FOR UPDATE OF l`,
      [tokenHash],
    )
  ).rows[0];
}

export interface FeedbackPageRow {
  first_name: string;
  last_name: string;
  title: string | null;
  partner_name: string | null;
  referred_on: string | null;
}

/** What the partner's page shows of the referral. */
export async function feedbackPage(tx: Queryable, referralId: string): Promise<FeedbackPageRow | undefined> {
  return (
    await tx.query<FeedbackPageRow>(
      `SELECT c.first_name, c.last_name, o.title, p.name AS partner_name, coalesce(r.referred_on, r.suggested_on) AS referred_on
         FROM referrals r JOIN clients c ON c.id = r.client_id
         LEFT JOIN offers o ON o.id = r.offer_id LEFT JOIN partners p ON p.id = o.partner_id
        WHERE r.id = $1`,
      [referralId],
    )
  ).rows[0];
}

export async function markLinkUsed(tx: Queryable, id: string, at: Date): Promise<void> {
  await tx.query('UPDATE referral_feedback_links SET used_at = $2 WHERE id = $1', [id, at]);
}
