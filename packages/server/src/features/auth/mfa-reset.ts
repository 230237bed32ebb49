import type { Queryable } from '../../platform/db.ts';

/**
 * Removes a user's second factor: the TOTP secret and every recovery code. Used when users turn it off
 * themselves and when an admin resets it; a module of its own so the users feature can call it
 * without depending on the auth service, which depends on the users feature.
 */
export async function clearMfa(tx: Queryable, userId: string, now: Date) {
  await tx.query(
    'UPDATE users SET mfa_enabled = false, mfa_secret = NULL, mfa_last_step = NULL, updated_at = $2 WHERE id = $1',
    [userId, now],
  );
  await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
}
