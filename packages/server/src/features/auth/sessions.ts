import type { MfaState } from '@lotse/domain';
import type { Config } from '../../platform/config.ts';
import { type Actor, type AppContext, withSystem } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { newToken, tokenHash } from './tokens.ts';

export const SESSION_COOKIE = 'lotse_session';
/** Writing last_seen_at on every request would turn each read into a write; a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionRow {
  token_hash: string;
  agency_id: string;
  user_id: string;
  mfa_state: MfaState;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export async function createSession(
  tx: Queryable,
  user: { id: string; agency_id: string },
  mfa: MfaState,
  now: Date,
  session: Config['session'],
): Promise<string> {
  const token = newToken();
  await tx.query(
    `INSERT INTO sessions (token_hash, agency_id, user_id, mfa_state, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6)`,
    [tokenHash(token), user.agency_id, user.id, mfa, now, new Date(now.getTime() + session.absoluteMs)],
  );
  return token;
}

export type SessionLookup =
  | { status: 'valid'; session: SessionWithUser }
  | { status: 'expired' }
  | { status: 'none' };

/** A session with its user's roles and status, as `lotse_session_of` (migration 025) returns it. */
export interface SessionWithUser extends SessionRow {
  roles: Actor['roles'];
  user_status: string;
}

/**
 * Finds the session of a cookie token in one statement outside a transaction (every request pays
 * for it); only an ended session or an overdue touch write, in the system scope.
 */
export async function lookupSession(
  ctx: AppContext,
  token: string | undefined,
  now: Date,
): Promise<SessionLookup> {
  if (!token || token.length > 100) return { status: 'none' };
  const hash = tokenHash(token);
  const row = (await ctx.db.query<SessionWithUser>('SELECT * FROM lotse_session_of($1)', [hash])).rows[0];
  if (!row) return { status: 'none' };
  const idleSince = now.getTime() - row.last_seen_at.getTime();
  if (idleSince > ctx.config.session.idleMs || now >= row.expires_at) {
    await withSystem(ctx, (tx) => deleteSession(tx, hash));
    return { status: 'expired' };
  }
  if (row.user_status !== 'active') {
    await withSystem(ctx, (tx) => deleteSession(tx, hash));
    return { status: 'none' };
  }
  if (idleSince > TOUCH_INTERVAL_MS) {
    await withSystem(ctx, (tx) =>
      tx.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [hash, now]),
    );
  }
  return { status: 'valid', session: row };
}

export async function deleteSession(tx: Queryable, hash: string) {
  await tx.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
}

export async function deleteUserSessions(tx: Queryable, userId: string, exceptHash?: string) {
  await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [userId, exceptHash ?? '']);
}
