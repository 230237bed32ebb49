import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCents, moneyAmount, numericToCents, parseCents, sumEuros } from './money.ts';

describe('money', () => {
  it('adds 0.10 and 0.20 to exactly 0.30', () => {
    expect(sumEuros(['0.10', '0.20'])).toBe('0.30');
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  it('parses euros into integer cents', () => {
    expect(parseCents('0')).toBe(0);
    expect(parseCents('0.1')).toBe(10);
    expect(parseCents('0.01')).toBe(1);
    expect(parseCents('1234.50')).toBe(123_450);
    expect(parseCents('380000')).toBe(38_000_000);
    expect(parseCents('9999999999.99')).toBe(999_999_999_999);
  });

  it.each(['', 'abc', '1.234', '-1.00', '+1', '1e3', ' 1', '1 ', '01.00', '1,50', '.5', '1.', '10000000000'])(
    'refuses %j',
    (s) => {
      expect(() => parseCents(s)).toThrow(RangeError);
      expect(moneyAmount.safeParse(s).success).toBe(false);
    },
  );

  it('refuses numbers, zero and null as an amount', () => {
    for (const v of [12.5, 0, null, undefined, '0', '0.00', {}])
      expect(moneyAmount.safeParse(v).success).toBe(false);
    expect(moneyAmount.safeParse('0.01').success).toBe(true);
  });

  it('formats cents with two decimals, negatives included', () => {
    expect(formatCents(0)).toBe('0.00');
    expect(formatCents(5)).toBe('0.05');
    expect(formatCents(-1205)).toBe('-12.05');
    expect(formatCents(38_000_000)).toBe('380000.00');
    expect(() => formatCents(0.5)).toThrow(RangeError);
  });

  it('reads database numerics exactly', () => {
    expect(numericToCents('0.30')).toBe(30);
    expect(numericToCents('-5.5')).toBe(-550);
    expect(numericToCents('12')).toBe(1200);
    expect(numericToCents('3.100')).toBe(310);
    expect(numericToCents(null)).toBe(0);
    expect(() => numericToCents('1.234')).toThrow(RangeError);
  });

  it('round-trips every amount: format(parse(s)) is s with two decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (cents) => {
        expect(parseCents(formatCents(cents))).toBe(cents);
        expect(numericToCents(formatCents(cents))).toBe(cents);
      }),
    );
  });

  it('sums any list exactly (compared with BigInt arithmetic)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99_999_999 }), { maxLength: 200 }), (list) => {
        const expected = list.reduce((s, c) => s + BigInt(c), 0n);
        expect(parseCents(sumEuros(list.map(formatCents)))).toBe(Number(expected));
      }),
    );
  });
});
