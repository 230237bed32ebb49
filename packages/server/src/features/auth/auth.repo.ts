import type { MfaState } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row, Tables } from '../../platform/rows.ts';

// Users: sign-in, second factor, password.

export async function setLastLogin(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx.query('UPDATE users SET last_login_at = $2 WHERE id = $1', [userId, now]);
}

/** The time step of the last TOTP code used, so the same code cannot be used twice. */
export async function setMfaLastStep(tx: Queryable, userId: string, step: number): Promise<void> {
  await tx.query('UPDATE users SET mfa_last_step = $2 WHERE id = $1', [userId, step]);
}

/** Stores a new (sealed) TOTP secret of an enrolment not yet confirmed. */
export async function setPendingMfaSecret(tx: Queryable, userId: string, sealed: string, now: Date) {
  await tx.query('UPDATE users SET mfa_secret = $2, updated_at = $3 WHERE id = $1', [userId, sealed, now]);
}

export async function enableMfa(tx: Queryable, userId: string, step: number, now: Date): Promise<void> {
  await tx.query('UPDATE users SET mfa_enabled = true, mfa_last_step = $2, updated_at = $3 WHERE id = $1', [
    userId,
    step,
    now,
  ]);
}

/** Removes the TOTP secret and turns the second factor off (the recovery codes go separately). */
export async function disableMfa(tx: Queryable, userId: string, now: Date): Promise<void> {
  await tx.query(
    'UPDATE users SET mfa_enabled = false, mfa_secret = NULL, mfa_last_step = NULL, updated_at = $2 WHERE id = $1',
    [userId, now],
  );
}

/**
 * Sets a user's password. Through a one-time link (`activate`) an invited user also becomes active:
 * choosing the first password completes the invitation.
 */
export async function setPassword(
  tx: Queryable,
  userId: string,
  passwordHash: string,
  now: Date,
  activate = false,
): Promise<void> {
  await tx.query(
    `UPDATE users SET password_hash = $2, password_changed_at = $3, updated_at = $3,
            status = CASE WHEN $4::boolean AND status = 'invited' THEN 'active' ELSE status END
      WHERE id = $1`,
    [userId, passwordHash, now, activate],
  );
}

/** Every stored TOTP secret (start-up: sealing secrets still in clear). */
export async function storedMfaSecrets(tx: Queryable): Promise<{ id: string; mfa_secret: string }[]> {
  const secrets = await tx.query<{ id: string; mfa_secret: string }>(
    'SELECT id, mfa_secret FROM users WHERE mfa_secret IS NOT NULL',
  );
  return secrets.rows;
}

export async function replaceMfaSecret(tx: Queryable, userId: string, sealed: string): Promise<void> {
  await tx.query('UPDATE users SET mfa_secret = $2 WHERE id = $1', [userId, sealed]);
}

// One-time tokens (invitation and password reset links).

export type OneTimeTokenRow = Pick<
  Row<'one_time_tokens', { purpose: 'invite' | 'reset' }>,
  'token_hash' | 'user_id' | 'agency_id' | 'purpose' | 'expires_at' | 'used_at'
>;

export async function findOneTimeToken(tx: Queryable, hash: string): Promise<OneTimeTokenRow | undefined> {
  return (await tx.query<OneTimeTokenRow>('SELECT * FROM one_time_tokens WHERE token_hash = $1', [hash]))
    .rows[0];
}

export async function markOneTimeTokenUsed(tx: Queryable, hash: string, now: Date): Promise<void> {
  await tx.query('UPDATE one_time_tokens SET used_at = $2 WHERE token_hash = $1', [hash, now]);
}

// Sessions.

export type SessionRow = Pick<
  Row<'sessions', { mfa_state: MfaState }>,
  'token_hash' | 'agency_id' | 'user_id' | 'mfa_state' | 'created_at' | 'last_seen_at' | 'expires_at'
>;

export async function insertSession(
  tx: Queryable,
  s: { tokenHash: string; agencyId: string; userId: string; mfa: MfaState; now: Date; expiresAt: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO sessions (token_hash, agency_id, user_id, mfa_state, created_at, last_seen_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $5, $6)`,
    [s.tokenHash, s.agencyId, s.userId, s.mfa, s.now, s.expiresAt],
  );
}

/** The session of a token hash with its user's roles and status (`lotse_session_of`, migration 025). */
export async function sessionOf<T extends SessionRow>(db: Queryable, hash: string): Promise<T | undefined> {
  return (await db.query<T>('SELECT * FROM lotse_session_of($1)', [hash])).rows[0];
}

export async function touchSession(tx: Queryable, hash: string, now: Date): Promise<void> {
  await tx.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [hash, now]);
}

export async function deleteSession(tx: Queryable, hash: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE token_hash = $1', [hash]);
}

/** Ends every session of the user but the one of `exceptHash`. */
export async function deleteUserSessions(tx: Queryable, userId: string, exceptHash?: string): Promise<void> {
  await tx.query('DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2', [userId, exceptHash ?? '']);
}

/** Counts a second-factor attempt of a session awaiting one; undefined once `max` attempts were made. */
export async function countMfaAttempt(tx: Queryable, hash: string, max: number): Promise<number | undefined> {
  const counted = await tx.query<Pick<Tables['sessions'], 'mfa_attempts'>>(
    `UPDATE sessions SET mfa_attempts = mfa_attempts + 1
      WHERE token_hash = $1 AND mfa_state = 'verify' AND mfa_attempts < $2
      RETURNING mfa_attempts`,
    [hash, max],
  );
  return counted.rows[0]?.mfa_attempts;
}

/** The session completed its second factor (enrolment during sign-in). */
export async function completeSessionMfa(tx: Queryable, hash: string): Promise<void> {
  await tx.query(`UPDATE sessions SET mfa_state = 'ok' WHERE token_hash = $1`, [hash]);
}

// Sign-in throttle (login-throttle.ts).

export type ThrottleRow = Pick<Tables['login_throttle'], 'key' | 'failures' | 'locked_until'>;

/** Creates the counter row if missing and locks it for the rest of the transaction (one statement). */
export async function lockThrottleRow(tx: Queryable, key: string, now: Date): Promise<void> {
  // An upsert that changes nothing still locks the row (and creates it if missing), in one statement.
  await tx.query(
    `INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES ($1, 0, NULL, $2)
     ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures`,
    [key, now],
  );
}

export async function throttleRows(tx: Queryable, keys: string[]): Promise<ThrottleRow[]> {
  const rows = await tx.query<ThrottleRow>(
    'SELECT key, failures, locked_until FROM login_throttle WHERE key = ANY($1)',
    [keys],
  );
  return rows.rows;
}

export async function deleteThrottleRow(tx: Queryable, key: string): Promise<void> {
  await tx.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}

/** Counts one failure (a count older than `forgetBefore` starts again at 1); returns the new count. */
export async function countFailure(
  tx: Queryable,
  key: string,
  now: Date,
  forgetBefore: Date,
): Promise<number> {
  const counted = await tx.query<Pick<ThrottleRow, 'failures'>>(
    `INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES ($1, 1, NULL, $2)
     ON CONFLICT (key) DO UPDATE
       SET failures = CASE WHEN login_throttle.updated_at < $3 THEN 1 ELSE login_throttle.failures + 1 END,
           updated_at = $2
     RETURNING failures`,
    [key, now, forgetBefore],
  );
  return counted.rows[0]?.failures ?? 1;
}

export async function lockThrottleUntil(tx: Queryable, key: string, until: Date): Promise<void> {
  await tx.query('UPDATE login_throttle SET locked_until = $2 WHERE key = $1', [key, until]);
}

// Recovery codes.

export type RecoveryCodeRow = Pick<Tables['recovery_codes'], 'id' | 'code_hash'>;

export async function deleteRecoveryCodes(tx: Queryable, userId: string): Promise<void> {
  await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [userId]);
}

export async function insertRecoveryCode(
  tx: Queryable,
  user: { id: string; agency_id: string },
  codeHash: string,
): Promise<void> {
  await tx.query('INSERT INTO recovery_codes (agency_id, user_id, code_hash) VALUES ($1, $2, $3)', [
    user.agency_id,
    user.id,
    codeHash,
  ]);
}

export async function unusedRecoveryCodes(tx: Queryable, userId: string): Promise<RecoveryCodeRow[]> {
  const open = await tx.query<RecoveryCodeRow>(
    'SELECT id, code_hash FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL',
    [userId],
  );
  return open.rows;
}

/** Uses up the code; false when it was used meanwhile. */
export async function useRecoveryCode(tx: Queryable, id: string, now: Date): Promise<boolean> {
  const used = await tx.query('UPDATE recovery_codes SET used_at = $2 WHERE id = $1 AND used_at IS NULL', [
    id,
    now,
  ]);
  return used.rowCount === 1;
}

/** Recovery codes stored as bare SHA-256 (before keyed hashes). */
export async function legacyRecoveryCodes(tx: Queryable): Promise<RecoveryCodeRow[]> {
  const legacy = await tx.query<RecoveryCodeRow>(
    `SELECT id, code_hash FROM recovery_codes WHERE code_hash ~ '^[0-9a-f]{64}$'`,
  );
  return legacy.rows;
}

export async function replaceRecoveryCodeHash(tx: Queryable, id: string, codeHash: string): Promise<void> {
  await tx.query('UPDATE recovery_codes SET code_hash = $2 WHERE id = $1', [id, codeHash]);
}
