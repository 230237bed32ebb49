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
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { oneTimeLinks } from '../auth/one-time-links.ts';
import { assertNotErased, requireClient } from '../clients/access.ts';
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

/**
 * The partner's link: unknown, expired, used, revoked, or the client's data was erased is a 404 with a
 * plain message.
 */
const links = oneTimeLinks({
  resourceType: 'referral_feedback_link',
  days: REFERRAL_FEEDBACK_LINK_DAYS,
  pagePath: '/rueckmeldung/',
  usedState: 'used',
  usedConflict: 'Über diesen Link wurde bereits eine Rückmeldung gegeben.',
  lockByToken: lockLinkByToken,
  markRevoked: markLinkRevoked,
  isUsed: (link) => link.used_at !== null,
  usedNotice: 'Über diesen Link wurde schon eine Rückmeldung gegeben. Vielen Dank!',
  lapsed: (link) => !ASKABLE.includes(link.status),
  expiredNotice: 'Dieser Link ist abgelaufen.',
  auditDetails: (link) => ({ referralId: link.referral_id }),
});

const presentLink = (row: LinkRow, now: Date): ReferralFeedbackLinkSummary => ({
  id: row.id,
  referralId: row.referral_id,
  status: links.state(row, row.used_at !== null, now),
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

/** The referral for a write: feedback and links hang on the client's record, an erased one takes none. */
async function writableReferral(scope: ActorScope, referralId: string) {
  const loaded = await loadReferral(scope, referralId, 'referrals.write');
  assertNotErased(loaded.client);
  return loaded;
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
    const { referral, client } = await writableReferral(scope, referralId);
    if (!client.owned)
      throw conflict('Einen Link für Rückmeldungen kann nur die fallführende Stelle erstellen.');
    assertAskable(referral.status);
    const replaced = await revokeOpenLinks(scope.tx, referral.id, scope.now, actor.userId);
    const created = await links.create(
      scope,
      (link) =>
        insertLink(scope.tx, {
          ...link,
          agencyId: referral.agency_id,
          clientId: client.id,
          referralId: referral.id,
        }),
      {
        action: 'referrals.feedback_link.create',
        clientId: client.id,
        details: { referralId: referral.id, replaced },
      },
    );
    return { ...created, referralId: referral.id };
  });
}

export function listLinks(ctx: AppContext, actor: Actor, referralId: string) {
  return withActor(ctx, actor, async (scope) => {
    const { referral, client } = await loadReferral(scope, referralId, 'referrals.read');
    return links.listed(scope, await linksOfReferral(scope.tx, referral.id), presentLink, {
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
    await links.revoke(scope, link, link.used_at !== null, {
      action: 'referrals.feedback_link.revoke',
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
    const { referral, client } = await writableReferral(scope, referralId);
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

/** The public page: first name and surname initial, the offer and the date; nothing else. */
export function open(ctx: AppContext, token: string): Promise<PublicReferralFeedbackView> {
  return links.use(ctx, token, async (tx, link, _now, audit) => {
    const row = await feedbackPage(tx, link.referral_id);
    if (!row) throw notFound('Dieser Link ist ungültig.');
    await audit('referrals.feedback_link.open');
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
  return links.use(ctx, token, async (tx, link, now, audit) => {
    await recordFeedback(tx, link.referral_id, input, today(now), 'partner_link', now);
    await markLinkUsed(tx, link.id, now);
    await audit('referrals.feedback', { outcome: input.outcome, source: 'partner_link' });
  });
}
