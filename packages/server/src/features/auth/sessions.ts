import type { MfaState } from '@lotse/domain';
import type { Config } from '../../platform/config.ts';
import { type Actor, type AppContext, withSystem } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import {
  deleteSession,
  deleteUserSessions,
  insertSession,
  type SessionRow,
  sessionOf,
  touchSession,
} from './auth.repo.ts';
import { newToken, tokenHash } from './tokens.ts';

export const SESSION_COOKIE = 'lotse_session';
/** Writing last_seen_at on every request would turn each read into a write; a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

export type { SessionRow };
export { deleteSession, deleteUserSessions };

export async function createSession(
  tx: Queryable,
  user: { id: string; agency_id: string },
  mfa: MfaState,
  now: Date,
  session: Config['session'],
): Promise<string> {
  const token = newToken();
  await insertSession(tx, {
    tokenHash: tokenHash(token),
    agencyId: user.agency_id,
    userId: user.id,
    mfa,
    now,
    expiresAt: new Date(now.getTime() + session.absoluteMs),
  });
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
  const row = await sessionOf<SessionWithUser>(ctx.db, hash);
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
    await withSystem(ctx, (tx) => touchSession(tx, hash, now));
  }
  return { status: 'valid', session: row };
}
