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
import { assertRevocable, auditLinkUse, issueLinkToken, linkState } from '../auth/one-time-links.ts';
import { tokenHash } from '../auth/tokens.ts';
import { requireClient } from '../clients/access.ts';
import { definitionOf, findInstrument, presentInstrument } from '../instruments/instruments.service.ts';

interface LinkRow {
  id: string;
  agency_id: string;
  client_id: string;
  instrument_id: string;
  occasion: 'intake' | 'follow_up' | 'exit';
  draft_answers: Answers;
  expires_at: Date;
  draft_saved_at: Date | null;
  completed_at: Date | null;
}

const hasActiveConsent = async (tx: Queryable, clientId: string) =>
  ((
    await tx.query(
      `SELECT 1 FROM consents WHERE client_id = $1 AND purpose = 'self_assessment' AND withdrawn_at IS NULL`,
      [clientId],
    )
  ).rowCount ?? 0) > 0;

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
    const inserted = await scope.tx.query<{ id: string }>(
      `INSERT INTO self_assessment_links (agency_id, client_id, instrument_id, occasion, token_hash, created_by,
                                          created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        client.agency_id,
        client.id,
        instrument.id,
        input.occasion,
        tokenHash,
        actor.userId,
        scope.now,
        expiresAt,
      ],
    );
    const id = inserted.rows[0]?.id as string;
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

interface LinkListRow {
  id: string;
  client_id: string;
  instrument_id: string;
  definition: { title: SelfAssessmentLinkSummary['instrument']['title'] };
  occasion: LinkRow['occasion'];
  created_at: Date;
  created_by_name: string | null;
  expires_at: Date;
  draft_saved_at: Date | null;
  completed_at: Date | null;
  revoked_at: Date | null;
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

const SELECT_LINKS = `
  SELECT l.id, l.client_id, l.instrument_id, i.definition, l.occasion, l.created_at,
         lotse_user_display_name(l.created_by) AS created_by_name, l.expires_at, l.draft_saved_at,
         l.completed_at, l.revoked_at
    FROM self_assessment_links l JOIN instruments i ON i.id = l.instrument_id`;

/** The client's self-assessment links, newest first (status only, never a token). */
export function listLinks(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
): Promise<{ items: SelfAssessmentLinkSummary[] }> {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'assessments.read', clientId);
    const rows = await scope.tx.query<LinkListRow>(
      `${SELECT_LINKS} WHERE l.client_id = $1 ORDER BY l.created_at DESC, l.id`,
      [client.id],
    );
    await scope.audit({
      action: 'self_assessment.link.list',
      resourceType: 'client',
      resourceId: client.id,
      clientId: client.id,
      details: { count: rows.rows.length },
    });
    return { items: rows.rows.map((r) => presentLink(r, scope.now)) };
  });
}

/** A guide revokes an open link at once; the draft answers on it are dropped with it. */
export function revokeLink(
  ctx: AppContext,
  actor: Actor,
  linkId: string,
): Promise<SelfAssessmentLinkSummary> {
  return withActor(ctx, actor, async (scope) => {
    const found = await scope.tx.query<{
      client_id: string;
      completed_at: Date | null;
      revoked_at: Date | null;
    }>('SELECT client_id, completed_at, revoked_at FROM self_assessment_links WHERE id = $1 FOR UPDATE', [
      linkId,
    ]);
    const link = found.rows[0];
    if (!link) throw notFound('Link nicht gefunden.');
    await requireClient(scope, 'assessments.write', link.client_id);
    assertRevocable(link, link.completed_at !== null, 'Diese Selbsteinschätzung wurde schon abgeschickt.');
    await scope.tx.query(
      `UPDATE self_assessment_links SET revoked_at = $2, revoked_by = $3, draft_answers = '{}'::jsonb
        WHERE id = $1`,
      [linkId, scope.now, actor.userId],
    );
    await scope.audit({
      action: 'self_assessment.link.revoke',
      resourceType: 'self_assessment_link',
      resourceId: linkId,
      clientId: link.client_id,
    });
    const row = await scope.tx.query<LinkListRow>(`${SELECT_LINKS} WHERE l.id = $1`, [linkId]);
    return presentLink(row.rows[0] as LinkListRow, scope.now);
  });
}

/**
 * Withdrawing the consent to self-assessment revokes the client's open links for good: a consent
 * recorded later does not bring them back (a new link is needed).
 */
export async function revokeLinksOnWithdrawal(scope: ActorScope, clientId: string): Promise<number> {
  const revoked = await scope.tx.query(
    `UPDATE self_assessment_links SET revoked_at = $2, revoked_by = $3, draft_answers = '{}'::jsonb
      WHERE client_id = $1 AND completed_at IS NULL AND revoked_at IS NULL`,
    [clientId, scope.now, scope.actor.userId],
  );
  return revoked.rowCount ?? 0;
}

/**
 * The usable link behind a token (locked for the transaction), else 404 with a plain message:
 * unknown, expired, already submitted, revoked, or the consent was withdrawn after the link was made
 * (also when the withdrawal was recorded where the link row is not visible, and when a new consent
 * was recorded since).
 */
async function usableLink(tx: Queryable, token: string, now: Date): Promise<LinkRow> {
  const found = await tx.query<LinkRow & { revoked_at: Date | null; withdrawn_since: boolean }>(
    `SELECT l.id, l.agency_id, l.client_id, l.instrument_id, l.occasion, l.draft_answers, l.expires_at,
            l.draft_saved_at, l.completed_at, l.revoked_at,
            EXISTS (SELECT 1 FROM consents k WHERE k.client_id = l.client_id AND k.purpose = 'self_assessment'
                       AND k.withdrawn_at >= l.created_at) AS withdrawn_since
       FROM self_assessment_links l JOIN clients c ON c.id = l.client_id
      WHERE l.token_hash = $1 AND c.anonymised_at IS NULL
      FOR UPDATE OF l`,
    [tokenHash(token)],
  );
  const link = found.rows[0];
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
    const client = await tx.query<{ first_name: string }>('SELECT first_name FROM clients WHERE id = $1', [
      link.client_id,
    ]);
    await audit(tx, link, now, 'self_assessment.open');
    return {
      firstName: client.rows[0]?.first_name ?? '',
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
    await tx.query('UPDATE self_assessment_links SET draft_answers = $2, draft_saved_at = $3 WHERE id = $1', [
      link.id,
      JSON.stringify(answers),
      now,
    ]);
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
    await tx.query(
      `UPDATE self_assessment_links SET completed_at = $2, assessment_id = $3, draft_answers = '{}'::jsonb
        WHERE id = $1`,
      [link.id, now, assessmentId],
    );
    await audit(tx, link, now, 'self_assessment.submit', { instrumentId: instrument.id, assessmentId });
    return { assessmentId };
  });
}
