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
import {
  assertRevocable,
  auditLinkUse,
  issueLinkToken,
  linkState,
  listedLinks,
} from '../auth/one-time-links.ts';
import { tokenHash } from '../auth/tokens.ts';
import { requireClient } from '../clients/access.ts';
import { assertDateWithin, DATE_RANGES, today } from '../clients/date-rules.ts';
import {
  feedbackPage,
  findLink,
  insertLink,
  type LinkRow,
  linksOfReferral,
  lockLinkByToken,
  markLinkRevoked,
  markLinkUsed,
  type PublicLinkRow,
  recordFeedback,
  revokeOpenLinks,
} from './referral-feedback.repo.ts';
import { findReferral, presentReferral, type ReferralRow } from './referrals.repo.ts';

/** Feedback is asked for referrals under way; suggested or dropped ones have nothing to report. */
const ASKABLE: readonly ReferralView['status'][] = ['referred', 'started', 'completed'];

function assertAskable(status: ReferralView['status']) {
  if (!ASKABLE.includes(status))
    throw conflict(
      'Eine Rückmeldung gibt es nur zu zugewiesenen, begonnenen oder abgeschlossenen Zuweisungen.',
    );
}

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
    assertAskable(referral.status);
    const replaced = await revokeOpenLinks(scope.tx, referral.id, scope.now, actor.userId);
    const { token, tokenHash, expiresAt } = issueLinkToken(scope.now, REFERRAL_FEEDBACK_LINK_DAYS);
    const id = await insertLink(scope.tx, {
      agencyId: referral.agency_id,
      clientId: client.id,
      referralId: referral.id,
      tokenHash,
      createdBy: actor.userId,
      at: scope.now,
      expiresAt,
    });
    await scope.audit({
      action: 'referrals.feedback_link.create',
      resourceType: 'referral_feedback_link',
      resourceId: id,
      clientId: client.id,
      details: { referralId: referral.id, replaced },
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
    return listedLinks(scope, await linksOfReferral(scope.tx, referral.id), presentLink, {
      action: 'referrals.feedback_link.list',
      resourceType: 'referral',
      resourceId: referral.id,
      clientId: client.id,
    });
  });
}

export function revokeLink(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
): Promise<ReferralFeedbackLinkSummary> {
  return withActor(ctx, actor, async (scope) => {
    const link = await findLink(scope.tx, linkId, true);
    if (!link) throw notFound('Link nicht gefunden.');
    const { client } = await loadReferral(scope, link.referral_id, 'referrals.write');
    assertRevocable(link, link.used_at !== null, 'Über diesen Link wurde bereits eine Rückmeldung gegeben.');
    await markLinkRevoked(scope.tx, linkId, scope.now, actor.userId);
    await scope.audit({
      action: 'referrals.feedback_link.revoke',
      resourceType: 'referral_feedback_link',
      resourceId: linkId,
      clientId: client.id,
      details: { referralId: link.referral_id },
    });
    return presentLink((await findLink(scope.tx, linkId)) as LinkRow, scope.now);
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
    assertAskable(referral.status);
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

/**
 * The usable link behind a token (locked for the transaction), else 404 with a plain message:
 * unknown, expired, used, revoked, or the client's data was erased.
 */
async function usableLink(tx: Queryable, token: string, now: Date): Promise<PublicLinkRow> {
  const link = await lockLinkByToken(tx, tokenHash(token));
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
    const row = await feedbackPage(tx, link.referral_id);
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
    await markLinkUsed(tx, link.id, now);
    await auditPublic(tx, link, now, 'referrals.feedback', {
      outcome: input.outcome,
      source: 'partner_link',
    });
  });
}
