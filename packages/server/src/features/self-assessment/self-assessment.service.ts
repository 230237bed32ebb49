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
import {
  type Actor,
  type ActorScope,
  type AppContext,
  withActor,
  withSystem,
} from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { checkAnswers, insertAssessment } from '../assessments/assessments.service.ts';
import {
  assertRevocable,
  auditLinkUse,
  issueLinkToken,
  linkState,
  listedLinks,
} from '../auth/one-time-links.ts';
import { tokenHash } from '../auth/tokens.ts';
import { requireClient } from '../clients/access.ts';
import { definitionOf, findInstrument, presentInstrument } from '../instruments/instruments.service.ts';
import {
  clientFirstName,
  findLinkSummary,
  hasActiveConsent,
  insertLink,
  type LinkListRow,
  type LinkRow,
  linksOfClient,
  lockLink,
  lockLinkByToken,
  markLinkCompleted,
  markLinkRevoked,
  revokeOpenLinksOf,
  saveDraftAnswers,
} from './self-assessment.repo.ts';

/** A guide creates a one-time link; it needs the client's active consent to self-assessment. */
export function createLink(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  input: CreateSelfAssessmentLinkRequest,
): Promise<SelfAssessmentLinkView> {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'assessments.write', clientId);
    if (client.anonymised_at) throw badRequest('Die Daten dieser Person wurden gelöscht.');
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
    const { token, tokenHash, expiresAt } = issueLinkToken(scope.now, SELF_ASSESSMENT_LINK_DAYS);
    const id = await insertLink(scope.tx, {
      agencyId: client.agency_id,
      clientId: client.id,
      instrumentId: instrument.id,
      occasion: input.occasion,
      tokenHash,
      createdBy: actor.userId,
      at: scope.now,
      expiresAt,
    });
    await scope.audit({
      action: 'self_assessment.link.create',
      resourceType: 'self_assessment_link',
      resourceId: id,
      clientId: client.id,
      details: { instrumentId: instrument.id, occasion: input.occasion },
    });
    return {
      id,
      clientId: client.id,
      instrumentId: instrument.id,
      occasion: input.occasion,
      token,
      path: `/selbsteinschaetzung/${token}`,
      expiresAt: expiresAt.toISOString(),
    };
  });
}

const linkStatus = (row: LinkListRow, now: Date): SelfAssessmentLinkStatus =>
  linkState({ ...row, used: row.completed_at !== null }, 'completed', now);

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
    return listedLinks(scope, await linksOfClient(scope.tx, client.id), presentLink, {
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
    assertRevocable(link, link.completed_at !== null, 'Diese Selbsteinschätzung wurde schon abgeschickt.');
    await markLinkRevoked(scope.tx, linkId, scope.now, actor.userId);
    await scope.audit({
      action: 'self_assessment.link.revoke',
      resourceType: 'self_assessment_link',
      resourceId: linkId,
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

/**
 * The usable link behind a token (locked for the transaction), else 404 with a plain message:
 * unknown, expired, already submitted, revoked, or the consent was withdrawn after the link was made
 * (also when the withdrawal was recorded where the link row is not visible, and when a new consent
 * was recorded since).
 */
async function usableLink(tx: Queryable, token: string, now: Date): Promise<LinkRow> {
  const link = await lockLinkByToken(tx, tokenHash(token));
  if (!link) throw notFound('Dieser Link ist ungültig.');
  if (link.completed_at) throw notFound('Diese Selbsteinschätzung wurde schon abgeschickt. Vielen Dank!');
  if (link.revoked_at || link.withdrawn_since) throw notFound('Dieser Link ist nicht mehr gültig.');
  if (link.expires_at <= now)
    throw notFound('Dieser Link ist abgelaufen. Bitte fragen Sie nach einem neuen Link.');
  if (!(await hasActiveConsent(tx, link.client_id))) throw notFound('Dieser Link ist nicht mehr gültig.');
  return link;
}

async function instrumentOf(tx: Queryable, link: LinkRow) {
  const row = await findInstrument(tx, link.instrument_id);
  if (row?.status !== 'published') throw notFound('Dieser Link ist nicht mehr gültig.');
  return row;
}

const audit = (tx: Queryable, link: LinkRow, now: Date, action: string, details = {}) =>
  auditLinkUse(tx, link, 'self_assessment_link', now, action, details);

/** The public page: the instrument, the draft so far, the first name - no other client data. */
export function open(ctx: AppContext, token: string): Promise<PublicSelfAssessmentView> {
  return withSystem(ctx, async (tx, now) => {
    const link = await usableLink(tx, token, now);
    const instrument = await instrumentOf(tx, link);
    const firstName = await clientFirstName(tx, link.client_id);
    await audit(tx, link, now, 'self_assessment.open');
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
  return withSystem(ctx, async (tx, now) => {
    const link = await usableLink(tx, token, now);
    checkAnswers(definitionOf(await instrumentOf(tx, link)), 'self', answers, false);
    await saveDraftAnswers(tx, link.id, answers, now);
    await audit(tx, link, now, 'self_assessment.draft.save', { answered: Object.keys(answers).length });
    return { savedAt: now.toISOString() };
  });
}

/** Submitting stores the completed self-assessment (mode self_link) and uses the link up. */
export function submit(ctx: AppContext, token: string, answers: Answers) {
  return withSystem(ctx, async (tx, now) => {
    const link = await usableLink(tx, token, now);
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
    await audit(tx, link, now, 'self_assessment.submit', { instrumentId: instrument.id, assessmentId });
    return { assessmentId };
  });
}
