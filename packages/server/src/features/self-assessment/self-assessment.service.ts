import {
  type Answers,
  type CreateSelfAssessmentLinkRequest,
  type PublicSelfAssessmentView,
  SELF_ASSESSMENT_LINK_DAYS,
  type SelfAssessmentLinkStatus,
  type SelfAssessmentLinkSummary,
  type SelfAssessmentLinkView,
  scoreAssessment,
} from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { checkAnswers, insertAssessment } from '../assessments/assessments.service.ts';
import { oneTimeLinks } from '../auth/one-time-links.ts';
import { requireClient, requireWritableClient } from '../clients/access.ts';
import { definitionOf, findInstrument, presentInstrument } from '../instruments/instruments.service.ts';
import {
  clientFirstName,
  findLinkSummary,
  hasActiveConsent,
  insertLink,
  type LinkListRow,
  linksOfClient,
  lockLink,
  lockLinkByToken,
  markLinkCompleted,
  markLinkRevoked,
  revokeOpenLinksOf,
  saveDraftAnswers,
  type TokenLinkRow,
} from './self-assessment.repo.ts';

/**
 * The client's link: unknown, expired, already submitted, revoked, or the consent was withdrawn after
 * the link was made (also when the withdrawal was recorded where the link row is not visible, and when
 * a new consent was recorded since) is a 404 with a plain message.
 */
const links = oneTimeLinks({
  resourceType: 'self_assessment_link',
  days: SELF_ASSESSMENT_LINK_DAYS,
  pagePath: '/selbsteinschaetzung/',
  usedState: 'completed',
  usedConflict: 'Diese Selbsteinschätzung wurde schon abgeschickt.',
  lockByToken: lockLinkByToken,
  markRevoked: markLinkRevoked,
  isUsed: (link) => link.completed_at !== null,
  usedNotice: 'Diese Selbsteinschätzung wurde schon abgeschickt. Vielen Dank!',
  lapsed: (link) => link.withdrawn_since,
  expiredNotice: 'Dieser Link ist abgelaufen. Bitte fragen Sie nach einem neuen Link.',
  stillValid: (tx, link) => hasActiveConsent(tx, link.client_id),
});

/** A guide creates a one-time link; it needs the client's active consent to self-assessment. */
export function createLink(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  input: CreateSelfAssessmentLinkRequest,
): Promise<SelfAssessmentLinkView> {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireWritableClient(scope, 'assessments.write', clientId);
    if (!client.owned)
      throw conflict('Einen Link zur Selbsteinschätzung kann nur die zuständige Stelle erstellen.');
    if (!(await hasActiveConsent(scope.tx, client.id)))
      throw conflict(
        'Für einen Link zur Selbsteinschätzung braucht es die Einwilligung der Person zur Selbsteinschätzung. Bitte erfassen Sie zuerst die Einwilligung.',
      );
    const instrument = await findInstrument(scope.tx, input.instrumentId);
    if (instrument?.status !== 'published')
      throw badRequest('Ungültige Eingabe.', [
        { path: 'instrumentId', message: `Kein veröffentlichter Erhebungsbogen: ${input.instrumentId}.` },
      ]);
    const created = await links.create(
      scope,
      (link) =>
        insertLink(scope.tx, {
          ...link,
          agencyId: client.agency_id,
          clientId: client.id,
          instrumentId: instrument.id,
          occasion: input.occasion,
        }),
      {
        action: 'self_assessment.link.create',
        clientId: client.id,
        details: { instrumentId: instrument.id, occasion: input.occasion },
      },
    );
    return { ...created, clientId: client.id, instrumentId: instrument.id, occasion: input.occasion };
  });
}

const linkStatus = (row: LinkListRow, now: Date): SelfAssessmentLinkStatus =>
  links.state(row, row.completed_at !== null, now);

const presentLink = (row: LinkListRow, now: Date): SelfAssessmentLinkSummary => ({
  id: row.id,
  clientId: row.client_id,
  instrument: { id: row.instrument_id, title: row.definition.title },
  occasion: row.occasion,
  status: linkStatus(row, now),
  createdAt: row.created_at.toISOString(),
  createdBy: row.created_by_name,
  expiresAt: row.expires_at.toISOString(),
  draftSavedAt: row.draft_saved_at?.toISOString() ?? null,
  completedAt: row.completed_at?.toISOString() ?? null,
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

/** The client's self-assessment links, newest first (status only, never a token). */
export function listLinks(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
): Promise<{ items: SelfAssessmentLinkSummary[] }> {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'assessments.read', clientId);
    return links.listed(scope, await linksOfClient(scope.tx, client.id), presentLink, {
      action: 'self_assessment.link.list',
      resourceType: 'client',
      resourceId: client.id,
      clientId: client.id,
    });
  });
}

/** A guide revokes an open link at once; the draft answers on it are dropped with it. */
export function revokeLink(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
): Promise<SelfAssessmentLinkSummary> {
  return withActor(ctx, actor, async (scope) => {
    const link = await lockLink(scope.tx, linkId);
    if (!link) throw notFound('Link nicht gefunden.');
    await requireClient(scope, 'assessments.write', link.client_id);
    await links.revoke(scope, { ...link, id: linkId }, link.completed_at !== null, {
      action: 'self_assessment.link.revoke',
      clientId: link.client_id,
    });
    return presentLink((await findLinkSummary(scope.tx, linkId)) as LinkListRow, scope.now);
  });
}

/**
 * Withdrawing the consent to self-assessment revokes the client's open links for good: a consent
 * recorded later does not bring them back (a new link is needed).
 */
export async function revokeLinksOnWithdrawal(scope: ActorScope, clientId: string): Promise<number> {
  return revokeOpenLinksOf(scope.tx, clientId, scope.now, scope.actor.userId);
}

async function instrumentOf(tx: Queryable, link: TokenLinkRow) {
  const row = await findInstrument(tx, link.instrument_id);
  if (row?.status !== 'published') throw notFound('Dieser Link ist nicht mehr gültig.');
  return row;
}

/** The public page: the instrument, the draft so far, the first name - no other client data. */
export function open(ctx: AppContext, token: string): Promise<PublicSelfAssessmentView> {
  return links.use(ctx, token, async (tx, link, _now, audit) => {
    const instrument = await instrumentOf(tx, link);
    const firstName = await clientFirstName(tx, link.client_id);
    await audit('self_assessment.open');
    return {
      firstName: firstName ?? '',
      occasion: link.occasion,
      expiresAt: link.expires_at.toISOString(),
      answers: link.draft_answers,
      draftSavedAt: link.draft_saved_at?.toISOString() ?? null,
      // The instrument's description is written for staff (scoring, reference values for the RCI); the
      // client's page has its own introduction from the locale files.
      instrument: { ...presentInstrument(instrument), description: undefined },
    };
  });
}

/** Autosave of the client's draft (answers checked against the instrument, nothing stored if wrong). */
export function saveDraft(ctx: AppContext, token: string, answers: Answers) {
  return links.use(ctx, token, async (tx, link, now, audit) => {
    checkAnswers(definitionOf(await instrumentOf(tx, link)), 'self', answers, false);
    await saveDraftAnswers(tx, link.id, answers, now);
    await audit('self_assessment.draft.save', { answered: Object.keys(answers).length });
    return { savedAt: now.toISOString() };
  });
}

/** Submitting stores the completed self-assessment (mode self_link) and uses the link up. */
export function submit(ctx: AppContext, token: string, answers: Answers) {
  return links.use(ctx, token, async (tx, link, now, audit) => {
    const instrument = await instrumentOf(tx, link);
    const def = definitionOf(instrument);
    checkAnswers(def, 'self', answers, true);
    const scored = scoreAssessment(def, 'self', answers);
    const assessmentId = await insertAssessment(tx, {
      agencyId: link.agency_id,
      clientId: link.client_id,
      instrumentId: instrument.id,
      occasion: link.occasion,
      perspective: 'self',
      mode: 'self_link',
      date: now.toISOString().slice(0, 10),
      status: 'completed',
      answers,
      scores: scored.dimensions,
      total: scored.total,
      enteredBy: null,
      now,
    });
    await markLinkCompleted(tx, link.id, now, assessmentId);
    await audit('self_assessment.submit', { instrumentId: instrument.id, assessmentId });
    return { assessmentId };
  });
}
