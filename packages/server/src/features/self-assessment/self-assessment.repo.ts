import type { Answers, SelfAssessmentLinkSummary } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import type { IssuedLink } from '../auth/one-time-links.ts';

type LinkTable = Row<
  'self_assessment_links',
  { occasion: 'intake' | 'follow_up' | 'exit'; draft_answers: Answers }
>;

export type LinkRow = Pick<
  LinkTable,
  | 'id'
  | 'agency_id'
  | 'client_id'
  | 'instrument_id'
  | 'occasion'
  | 'draft_answers'
  | 'expires_at'
  | 'draft_saved_at'
  | 'completed_at'
>;

export type LinkListRow = Pick<
  LinkTable,
  | 'id'
  | 'client_id'
  | 'instrument_id'
  | 'occasion'
  | 'created_at'
  | 'expires_at'
  | 'draft_saved_at'
  | 'completed_at'
  | 'revoked_at'
> & {
  definition: { title: SelfAssessmentLinkSummary['instrument']['title'] };
  created_by_name: string | null;
};

const SELECT_LINKS = `
  SELECT l.id, l.client_id, l.instrument_id, i.definition, l.occasion, l.created_at,
         lotse_user_display_name(l.created_by) AS created_by_name, l.expires_at, l.draft_saved_at,
         l.completed_at, l.revoked_at
    FROM self_assessment_links l JOIN instruments i ON i.id = l.instrument_id`;

export async function hasActiveConsent(tx: Queryable, clientId: string): Promise<boolean> {
  return (
    ((
      await tx.query(
        `SELECT 1 FROM consents WHERE client_id = $1 AND purpose = 'self_assessment' AND withdrawn_at IS NULL`,
        [clientId],
      )
    ).rowCount ?? 0) > 0
  );
}

export interface NewLink extends IssuedLink {
  agencyId: string;
  clientId: string;
  instrumentId: string;
  occasion: LinkRow['occasion'];
}

export async function insertLink(tx: Queryable, l: NewLink): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO self_assessment_links (agency_id, client_id, instrument_id, occasion, token_hash, created_by,
                                        created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [l.agencyId, l.clientId, l.instrumentId, l.occasion, l.tokenHash, l.createdBy, l.at, l.expiresAt],
  );
  return inserted.rows[0]?.id as string;
}

/** The client's links, newest first. */
export async function linksOfClient(tx: Queryable, clientId: string): Promise<LinkListRow[]> {
  return (
    await tx.query<LinkListRow>(`${SELECT_LINKS} WHERE l.client_id = $1 ORDER BY l.created_at DESC, l.id`, [
      clientId,
    ])
  ).rows;
}

export async function findLinkSummary(tx: Queryable, id: string): Promise<LinkListRow | undefined> {
  return (await tx.query<LinkListRow>(`${SELECT_LINKS} WHERE l.id = $1`, [id])).rows[0];
}

/** The link's state, locked for the transaction. */
export async function lockLink(
  tx: Queryable,
  id: string,
): Promise<Pick<LinkTable, 'client_id' | 'completed_at' | 'revoked_at'> | undefined> {
  return (
    await tx.query<Pick<LinkTable, 'client_id' | 'completed_at' | 'revoked_at'>>(
      'SELECT client_id, completed_at, revoked_at FROM self_assessment_links WHERE id = $1 FOR UPDATE',
      [id],
    )
  ).rows[0];
}

/** Revokes one link; its draft answers are dropped with it. */
export async function markLinkRevoked(tx: Queryable, id: string, at: Date, by: string): Promise<void> {
  await tx.query(
    `UPDATE self_assessment_links SET revoked_at = $2, revoked_by = $3, draft_answers = '{}'::jsonb
      WHERE id = $1`,
    [id, at, by],
  );
}

/** Revokes the client's open links; how many. */
export async function revokeOpenLinksOf(
  tx: Queryable,
  clientId: string,
  at: Date,
  by: string,
): Promise<number> {
  const revoked = await tx.query(
    `UPDATE self_assessment_links SET revoked_at = $2, revoked_by = $3, draft_answers = '{}'::jsonb
      WHERE client_id = $1 AND completed_at IS NULL AND revoked_at IS NULL`,
    [clientId, at, by],
  );
  return revoked.rowCount ?? 0;
}

export type TokenLinkRow = LinkRow & Pick<LinkTable, 'revoked_at'> & { withdrawn_since: boolean };

/**
 * The link behind a token hash (locked for the transaction) unless the client's data was erased;
 * `withdrawn_since`: the consent was withdrawn after the link was made (also when the withdrawal was
 * recorded where the link row is not visible, and when a new consent was recorded since).
 */
export async function lockLinkByToken(tx: Queryable, tokenHash: string): Promise<TokenLinkRow | undefined> {
  return (
    await tx.query<TokenLinkRow>(
      `SELECT l.id, l.agency_id, l.client_id, l.instrument_id, l.occasion, l.draft_answers, l.expires_at,
              l.draft_saved_at, l.completed_at, l.revoked_at,
              EXISTS (SELECT 1 FROM consents k WHERE k.client_id = l.client_id AND k.purpose = 'self_assessment'
                         AND k.withdrawn_at >= l.created_at) AS withdrawn_since
         FROM self_assessment_links l JOIN clients c ON c.id = l.client_id
        WHERE l.token_hash = $1 AND c.anonymised_at IS NULL
        FOR UPDATE OF l`,
      [tokenHash],
    )
  ).rows[0];
}

export async function clientFirstName(tx: Queryable, clientId: string): Promise<string | undefined> {
  return (await tx.query<{ first_name: string }>('SELECT first_name FROM clients WHERE id = $1', [clientId]))
    .rows[0]?.first_name;
}

export async function saveDraftAnswers(tx: Queryable, id: string, answers: Answers, at: Date): Promise<void> {
  await tx.query('UPDATE self_assessment_links SET draft_answers = $2, draft_saved_at = $3 WHERE id = $1', [
    id,
    JSON.stringify(answers),
    at,
  ]);
}

/** Uses the link up: it points to the stored assessment, the draft is dropped. */
export async function markLinkCompleted(
  tx: Queryable,
  id: string,
  at: Date,
  assessmentId: string,
): Promise<void> {
  await tx.query(
    `UPDATE self_assessment_links SET completed_at = $2, assessment_id = $3, draft_answers = '{}'::jsonb
      WHERE id = $1`,
    [id, at, assessmentId],
  );
}
