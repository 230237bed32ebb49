import { createHash } from 'node:crypto';
import type { Queryable } from '../../platform/db.ts';
import { tooManyRequests } from '../../platform/errors.ts';
import {
  countFailure,
  deleteThrottleRow,
  lockThrottleRow,
  lockThrottleUntil,
  throttleRows,
} from './auth.repo.ts';

/**
 * Sign-in throttling with two counters: per account and per source address.
 * The account counter locks only briefly (1 minute, doubling up to 15), so an attacker cannot keep a
 * victim out for long; the source counter stops an address after many failures across accounts (its
 * default is high, because a whole office may sign in through one proxy address).
 * Counters are forgotten after a quiet period. Unknown accounts are counted like known ones, so
 * throttling does not reveal which accounts exist.
 *
 * Attempts on one account are serialised: `beginAttempt` locks the account's counter row until the
 * transaction ends, so parallel guesses each see the failures of the ones before and no more than
 * the allowed number of passwords (or second-factor codes) is ever checked.
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

/**
 * Starts a sign-in step for `email` from `source`: takes the account's row lock for the rest of the
 * transaction, then refuses (429) when the account or the source is locked.
 */
export async function beginAttempt(tx: Queryable, email: string, source: string, now: Date) {
  await lockThrottleRow(tx, key('acct', email), now);
  const rows = await throttleRows(tx, [key('acct', email), key('src', source)]);
  const lockedUntil = Math.max(0, ...rows.map((r) => r.locked_until?.getTime() ?? 0));
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

/** Called when a sign-in is complete (password and, if enabled, the second factor). */
export async function recordSuccess(tx: Queryable, email: string): Promise<void> {
  // Only the account counter is reset: an attacker must not clear their source counter by signing
  // in to an account of their own between guesses.
  await deleteThrottleRow(tx, key('acct', email));
}

/** Counts one failure atomically (one statement), then sets the lock the new count calls for. */
async function bump(tx: Queryable, k: string, now: Date, lockFor: (failures: number) => number) {
  const failures = await countFailure(tx, k, now, new Date(now.getTime() - QUIET_PERIOD));
  const ms = lockFor(failures);
  if (ms > 0) await lockThrottleUntil(tx, k, new Date(now.getTime() + ms));
}
