import { randomInt } from 'node:crypto';
import type { Config } from '../../platform/config.ts';
import type { Queryable } from '../../platform/db.ts';
import { keyedHash, keyedHashMatches } from '../../platform/secret-key.ts';
import {
  deleteRecoveryCodes,
  insertRecoveryCode,
  unusedRecoveryCodes,
  useRecoveryCode,
} from './auth.repo.ts';
import { tokenHash } from './tokens.ts';

const COUNT = 10;
/** Unambiguous characters only: no 0/O, 1/I/L. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const newCode = () => {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};
const normalise = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');
/** Only input shaped like a recovery code is compared (a six-digit TOTP code never is). */
const looksLikeRecoveryCode = (code: string) => new RegExp(`^[${ALPHABET}]{10}$`).test(normalise(code));

/**
 * Stored form of a code: a salted hash keyed with the installation's secret key (kept outside the
 * database) over the code's SHA-256. Codes stored before were the bare SHA-256, so they can be
 * converted without knowing the codes (see secrets-at-rest.ts).
 */
export const storedRecoveryHash = (config: Config, sha256Hex: string) => keyedHash(config, sha256Hex);

/** Replaces the user's recovery codes; returns the new codes in clear text, shown exactly once. */
export async function issueRecoveryCodes(
  tx: Queryable,
  config: Config,
  user: { id: string; agency_id: string },
) {
  await deleteRecoveryCodes(tx, user.id);
  const codes = Array.from({ length: COUNT }, newCode);
  for (const code of codes) {
    await insertRecoveryCode(tx, user, storedRecoveryHash(config, tokenHash(normalise(code))));
  }
  return codes;
}

/** Uses up one recovery code; true when it was valid and unused. */
export async function redeemRecoveryCode(
  tx: Queryable,
  config: Config,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  if (!looksLikeRecoveryCode(code)) return false;
  const digest = tokenHash(normalise(code));
  const open = await unusedRecoveryCodes(tx, userId);
  const match = open.find((r) => keyedHashMatches(config, digest, r.code_hash));
  if (!match) return false;
  return useRecoveryCode(tx, match.id, now);
}
