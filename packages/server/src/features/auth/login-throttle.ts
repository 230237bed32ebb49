import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db.ts';
import { tooManyRequests } from '../../platform/errors.ts';

/**
 * Sign-in throttling with two counters: per account and per source address.
 * The account counter locks only briefly (1 minute, doubling up to 15), so an attacker cannot keep a
 * victim out for long; the source counter stops the attacker's address for longer.
 * Counters are forgotten after a quiet period. Unknown accounts are counted like known ones, so
 * throttling does not reveal which accounts exist.
 */
export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerSource: number;
}

const MINUTE = 60_000;
const ACCOUNT_MAX_LOCK = 15 * MINUTE;
const SOURCE_LOCK = 15 * MINUTE;
const QUIET_PERIOD = 60 * MINUTE;

const key = (kind: 'acct' | 'src', value: string) =>
  `${kind}:${createHash('sha256').update(value.toLowerCase()).digest('hex')}`;

interface Row {
  key: string;
  failures: number;
  locked_until: Date | null;
  updated_at: Date;
}

export async function assertNotThrottled(tx: Queryable, email: string, source: string, now: Date) {
  const rows = await tx.query<Row>('SELECT * FROM login_throttle WHERE key = ANY($1)', [
    [key('acct', email), key('src', source)],
  ]);
  const lockedUntil = Math.max(0, ...rows.rows.map((r) => r.locked_until?.getTime() ?? 0));
  if (lockedUntil > now.getTime()) throw tooManyRequests((lockedUntil - now.getTime()) / 1000);
}

export async function recordFailure(
  tx: Queryable,
  email: string,
  source: string,
  now: Date,
  limits: ThrottleLimits,
): Promise<void> {
  await bump(tx, key('acct', email), now, (failures) =>
    failures >= limits.maxFailuresPerAccount
      ? Math.min(ACCOUNT_MAX_LOCK, MINUTE * 2 ** (failures - limits.maxFailuresPerAccount))
      : 0,
  );
  await bump(tx, key('src', source), now, (failures) =>
    failures >= limits.maxFailuresPerSource ? SOURCE_LOCK : 0,
  );
}

export async function recordSuccess(tx: Queryable, email: string): Promise<void> {
  // Only the account counter is reset: an attacker must not clear their source counter by signing
  // in to an account of their own between guesses.
  await tx.query('DELETE FROM login_throttle WHERE key = $1', [key('acct', email)]);
}

async function bump(tx: Queryable, k: string, now: Date, lockFor: (failures: number) => number) {
  const current = await tx.query<Row>('SELECT * FROM login_throttle WHERE key = $1 FOR UPDATE', [k]);
  const row = current.rows[0];
  const stale = !row || now.getTime() - row.updated_at.getTime() > QUIET_PERIOD;
  const failures = (stale ? 0 : row.failures) + 1;
  const ms = lockFor(failures);
  const lockedUntil = ms > 0 ? new Date(now.getTime() + ms) : null;
  await tx.query(
    `INSERT INTO login_throttle (key, failures, locked_until, updated_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (key) DO UPDATE SET failures = $2, locked_until = $3, updated_at = $4`,
    [k, failures, lockedUntil, now],
  );
}
