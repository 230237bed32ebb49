import { z } from 'zod';

/**
 * Money in euros as exact decimal strings on the wire ("1234.50") and integer cents in arithmetic.
 * Never a JavaScript number with a fraction: 0.10 + 0.20 must be 0.30, not 0.30000000000000004.
 * The largest amount fits PostgreSQL numeric(12,2) (9,999,999,999.99 EUR) and stays far below 2^53 cents.
 */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/;
export const MAX_CENTS = 999_999_999_999;

/** Euros string -> integer cents; throws on anything that is not a plain non-negative decimal. */
export function parseCents(euros: string): number {
  const m = MONEY_PATTERN.exec(euros);
  if (!m) throw new RangeError(`not a money amount: ${JSON.stringify(euros)}`);
  const whole = Number(m[1]);
  const fraction = (m[2] ?? '.').slice(1).padEnd(2, '0');
  return whole * 100 + Number(fraction);
}

/** Integer cents -> euros string with exactly two decimals ("-12.05" for negatives). */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Sums euros strings exactly. */
export function sumEuros(amounts: readonly string[]): string {
  return formatCents(amounts.reduce((acc, a) => acc + parseCents(a), 0));
}

/** A database numeric (possibly negative, any scale up to 2) -> integer cents. */
export function numericToCents(value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const s = String(value);
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const [whole = '0', fraction = ''] = body.split('.');
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction) || fraction.replace(/0+$/, '').length > 2)
    throw new RangeError(`not a money value: ${s}`);
  const cents = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  return negative ? -cents : cents;
}

/**
 * A positive amount in euros as a string with at most two decimals. Numbers, negatives, zero, "abc",
 * "1.234", "1e3", " 1" and "01.00" are rejected.
 */
export const moneyAmount = z
  .string()
  .regex(MONEY_PATTERN, 'Betrag als Text in Euro mit höchstens zwei Nachkommastellen, z. B. "1234.50"')
  .refine((s) => MONEY_PATTERN.test(s) && parseCents(s) > 0, 'Der Betrag muss größer als 0 sein');

/** Like moneyAmount but zero is allowed (budgets may be 0.00). */
export const moneyAmountOrZero = z
  .string()
  .regex(MONEY_PATTERN, 'Betrag als Text in Euro mit höchstens zwei Nachkommastellen, z. B. "1234.50"');
