import { randomInt } from 'node:crypto';
import type { Queryable } from '../../platform/db.ts';
import { tokenHash } from './tokens.ts';

const COUNT = 10;
/** Unambiguous characters only: no 0/O, 1/I/L. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

const newCode = () => {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};
const normalise = (code: string) => code.trim().toLowerCase().replace(/[\s-]/g, '');

/** Replaces the user's recovery codes; returns the new codes in clear text, shown exactly once. */
export async function issueRecoveryCodes(tx: Queryable, user: { id: string; agency_id: string }) {
  await tx.query('DELETE FROM recovery_codes WHERE user_id = $1', [user.id]);
  const codes = Array.from({ length: COUNT }, newCode);
  for (const code of codes) {
    await tx.query('INSERT INTO recovery_codes (agency_id, user_id, code_hash) VALUES ($1, $2, $3)', [
      user.agency_id,
      user.id,
      tokenHash(normalise(code)),
    ]);
  }
  return codes;
}

/** Uses up one recovery code; true when it was valid and unused. */
export async function redeemRecoveryCode(tx: Queryable, userId: string, code: string, now: Date) {
  const r = await tx.query(
    'UPDATE recovery_codes SET used_at = $3 WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL',
    [userId, tokenHash(normalise(code)), now],
  );
  return r.rowCount === 1;
}
