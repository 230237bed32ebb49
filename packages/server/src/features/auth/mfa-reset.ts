import type { Queryable } from '../../platform/db.ts';
import { deleteRecoveryCodes, disableMfa } from './auth.repo.ts';

/**
 * Removes a user's second factor: the TOTP secret and every recovery code. Used when users turn it off
 * themselves and when an admin resets it; a module of its own so the users feature can call it
 * without depending on the auth service, which depends on the users feature.
 */
export async function clearMfa(tx: Queryable, userId: string, now: Date) {
  await disableMfa(tx, userId, now);
  await deleteRecoveryCodes(tx, userId);
}
