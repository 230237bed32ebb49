import {
  feedbackPersonLabel,
  type PublicReferralFeedbackView,
  REFERRAL_FEEDBACK_LINK_DAYS,
  type ReferralFeedbackLinkSummary,
  type ReferralFeedbackLinkView,
  type ReferralFeedbackRequest,
  type ReferralView,
  type StaffReferralFeedbackRequest,
} from '@lotse/domain';
import {
  type Actor,
  type ActorScope,
  type AppContext,
  withActor,
  withSystem,
} from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { assertRevocable, auditLinkUse, issueLinkToken, linkState } from '../auth/one-time-links.ts';
import { tokenHash } from '../auth/tokens.ts';
import { requireClient } from '../clients/access.ts';
import { assertDateWithin, DATE_RANGES, today } from '../clients/date-rules.ts';
import { findReferral, presentReferral, type ReferralRow } from './referrals.repo.ts';

/** Feedback is asked for referrals under way; suggested or dropped ones have nothing to report. */
const ASKABLE: readonly ReferralView['status'][] = ['referred', 'started', 'completed'];

interface LinkRow {
  id: string;
  referral_id: string;
  created_at: Date;
  created_by_name: string | null;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

const SELECT_LINKS = `
  SELECT id, referral_id, created_at, lotse_user_display_name(created_by) AS created_by_name, expires_at,
         used_at, revoked_at
    FROM referral_feedback_links`;

const presentLink = (row: LinkRow, now: Date): ReferralFeedbackLinkSummary => ({
  id: row.id,
  referralId: row.referral_id,
  status: linkState({ ...row, used: row.used_at !== null }, 'used', now),
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by_name,
  expiresAt: row.expires_at.toISOString(),
  usedAt: row.used_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** The referral and its client, for the actor; 404 when either is not visible. */
async function loadReferral(
  scope: ActorScope,
  referralId: string,
  action: 'referrals.read' | 'referrals.write',
) {
  const referral = await findReferral(scope.tx, referralId);
  if (!referral) throw notFound('Zuweisung nicht gefunden.');
  const client = await requireClient(scope, action, referral.client_id);
  return { referral, client };
}

async function recordFeedback(
  tx: Queryable,
  referralId: string,
  input: ReferralFeedbackRequest,
  date: string,
  source: 'staff' | 'partner_link',
  now: Date,
) {
  await tx.query(
    `UPDATE referrals SET feedback_outcome = $2, feedback = $3, feedback_on = $4, feedback_source = $5, updated_at = $6
      WHERE id = $1`,
    [referralId, input.outcome, input.note ?? null, date, source, now],
  );
}

/**
 * A guide creates a one-time feedback link for a referral. A newer link replaces an open older one, so
 * only the link last handed out works.
 */
export function createLink(
  ctx: AppContext,
  actor: Actor,
  referralId: string,
): Promise<ReferralFeedbackLinkView> {
  return withActor(ctx, actor, async (scope) => {
    const { referral, client } = await loadReferral(scope, referralId, 'referrals.write');
    if (client.anonymised_at) throw badRequest('Die Daten dieser Person wurden gelöscht.');
    if (!client.owned)
      throw conflict('Einen Link für Rückmeldungen kann nur die fallführende Stelle erstellen.');
    if (!ASKABLE.includes(referral.status))
      throw conflict(
        'Eine Rückmeldung gibt es nur zu zugewiesenen, begonnenen oder abgeschlossenen Zuweisungen.',
      );
    const replaced = await scope.tx.query(
      `UPDATE referral_feedback_links SET revoked_at = $2, revoked_by = $3
        WHERE referral_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2`,
      [referral.id, scope.now, actor.userId],
    );
    const { token, tokenHash, expiresAt } = issueLinkToken(scope.now, REFERRAL_FEEDBACK_LINK_DAYS);
    const inserted = await scope.tx.query<{ id: string }>(
      `INSERT INTO referral_feedback_links (agency_id, client_id, referral_id, token_hash, created_by, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [referral.agency_id, client.id, referral.id, tokenHash, actor.userId, scope.now, expiresAt],
    );
    const id = inserted.rows[0]?.id as string;
    await scope.audit({
      action: 'referrals.feedback_link.create',
      resourceType: 'referral_feedback_link',
      resourceId: id,
      clientId: client.id,
      details: { referralId: referral.id, replaced: replaced.rowCount ?? 0 },
    });
    return {
      id,
      referralId: referral.id,
      token,
      path: `/rueckmeldung/${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  });
}

export function listLinks(ctx: AppContext, actor: Actor, referralId: string) {
  return withActor(ctx, actor, async (scope) => {
    const { referral, client } = await loadReferral(scope, referralId, 'referrals.read');
    const rows = await scope.tx.query<LinkRow>(
      `${SELECT_LINKS} WHERE referral_id = $1 ORDER BY created_at DESC, id`,
      [referral.id],
    );
    await scope.audit({
      action: 'referrals.feedback_link.list',
      resourceType: 'referral',
      resourceId: referral.id,
      clientId: client.id,
      details: { count: rows.rows.length },
    });
    return { items: rows.rows.map((r) => presentLink(r, scope.now)) };
  });
}

export function revokeLink(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
): Promise<ReferralFeedbackLinkSummary> {
  return withActor(ctx, actor, async (scope) => {
    const found = await scope.tx.query<LinkRow>(`${SELECT_LINKS} WHERE id = $1 FOR UPDATE`, [linkId]);
    const link = found.rows[0];
    if (!link) throw notFound('Link nicht gefunden.');
    const { client } = await loadReferral(scope, link.referral_id, 'referrals.write');
    assertRevocable(link, link.used_at !== null, 'Über diesen Link wurde bereits eine Rückmeldung gegeben.');
    await scope.tx.query(
      'UPDATE referral_feedback_links SET revoked_at = $2, revoked_by = $3 WHERE id = $1',
      [linkId, scope.now, actor.userId],
    );
    await scope.audit({
      action: 'referrals.feedback_link.revoke',
      resourceType: 'referral_feedback_link',
      resourceId: linkId,
      clientId: client.id,
      details: { referralId: link.referral_id },
    });
    const row = await scope.tx.query<LinkRow>(`${SELECT_LINKS} WHERE id = $1`, [linkId]);
    return presentLink(row.rows[0] as LinkRow, scope.now);
  });
}

/** Staff record the partner's feedback on the referral (told by phone or mail). */
export function recordByStaff(
  ctx: AppContext,
  actor: Actor,
  referralId: string,
  input: StaffReferralFeedbackRequest,
): Promise<ReferralView> {
  return withActor(ctx, actor, async (scope) => {
    const { referral, client } = await loadReferral(scope, referralId, 'referrals.write');
    if (client.anonymised_at) throw badRequest('Die Daten dieser Person wurden gelöscht.');
    if (!ASKABLE.includes(referral.status))
      throw conflict(
        'Eine Rückmeldung gibt es nur zu zugewiesenen, begonnenen oder abgeschlossenen Zuweisungen.',
      );
    if (input.date) assertDateWithin('date', input.date, scope.now, DATE_RANGES.event);
    await recordFeedback(scope.tx, referral.id, input, input.date ?? today(scope.now), 'staff', scope.now);
    await scope.audit({
      action: 'referrals.feedback',
      resourceType: 'referral',
      resourceId: referral.id,
      clientId: client.id,
      details: { outcome: input.outcome, source: 'staff' },
    });
    return presentReferral((await findReferral(scope.tx, referral.id)) as ReferralRow);
  });
}

interface PublicLinkRow {
  id: string;
  agency_id: string;
  client_id: string;
  referral_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  status: ReferralView['status'];
}

/**
 * The usable link behind a token (locked for the transaction), else 404 with a plain message:
 * unknown, expired, used, revoked, or the client's data was erased.
 */
async function usableLink(tx: Queryable, token: string, now: Date): Promise<PublicLinkRow> {
  const found = await tx.query<PublicLinkRow>(
    `SELECT l.id, l.agency_id, l.client_id, l.referral_id, l.expires_at, l.used_at, l.revoked_at, r.status
       FROM referral_feedback_links l
       JOIN referrals r ON r.id = l.referral_id
       JOIN clients c ON c.id = l.client_id
      WHERE l.token_hash = $1 AND c.anonymised_at IS NULL
      FOR UPDATE OF l`,
    [tokenHash(token)],
  );
  const link = found.rows[0];
  if (!link) throw notFound('Dieser Link ist ungültig.');
  if (link.used_at) throw notFound('Über diesen Link wurde schon eine Rückmeldung gegeben. Vielen Dank!');
  if (link.revoked_at || !ASKABLE.includes(link.status)) throw notFound('Dieser Link ist nicht mehr gültig.');
  if (link.expires_at <= now) throw notFound('Dieser Link ist abgelaufen.');
  return link;
}

const auditPublic = (tx: Queryable, link: PublicLinkRow, now: Date, action: string, details = {}) =>
  auditLinkUse(tx, link, 'referral_feedback_link', now, action, {
    referralId: link.referral_id,
    ...details,
  });

/** The public page: first name and surname initial, the offer and the date; nothing else. */
export function open(ctx: AppContext, token: string): Promise<PublicReferralFeedbackView> {
  return withSystem(ctx, async (tx, now) => {
    const link = await usableLink(tx, token, now);
    const shown = await tx.query<{
      first_name: string;
      last_name: string;
      title: string | null;
      partner_name: string | null;
      referred_on: string | null;
    }>(
      `SELECT c.first_name, c.last_name, o.title, p.name AS partner_name, coalesce(r.referred_on, r.suggested_on) AS referred_on
         FROM referrals r JOIN clients c ON c.id = r.client_id
         LEFT JOIN offers o ON o.id = r.offer_id LEFT JOIN partners p ON p.id = o.partner_id
        WHERE r.id = $1`,
      [link.referral_id],
    );
    const row = shown.rows[0];
    if (!row) throw notFound('Dieser Link ist ungültig.');
    await auditPublic(tx, link, now, 'referrals.feedback_link.open');
    return {
      person: feedbackPersonLabel(row.first_name, row.last_name),
      offer: { title: row.title ?? '', partnerName: row.partner_name ?? '' },
      referredOn: row.referred_on,
      expiresAt: link.expires_at.toISOString(),
    };
  });
}

/** The partner reports once; the link is used up. */
export function submit(ctx: AppContext, token: string, input: ReferralFeedbackRequest) {
  return withSystem(ctx, async (tx, now) => {
    const link = await usableLink(tx, token, now);
    await recordFeedback(tx, link.referral_id, input, today(now), 'partner_link', now);
    await tx.query('UPDATE referral_feedback_links SET used_at = $2 WHERE id = $1', [link.id, now]);
    await auditPublic(tx, link, now, 'referrals.feedback', {
      outcome: input.outcome,
      source: 'partner_link',
    });
  });
}
