import { describe, expect, it } from 'vitest';
import {
  countOrNull,
  formatPublishedCount,
  isSuppressed,
  publishedCount,
  SUPPRESSED,
  SUPPRESSION_SYMBOL,
} from './published-count.ts';
import { suppressSplits } from './suppression.ts';

describe('published counts', () => {
  it('[trust #14] marks a secondarily suppressed cell like a small one: no value, no "<5"', () => {
    // PRO AKTIV: 119 participants, 91 aged 25-54; the two other age groups are hidden although one
    // of them may be far above the threshold.
    const r = suppressSplits(119, { age: [3, 91, 25] }, 5);
    expect(r.splits.age).toEqual([SUPPRESSED, 91, SUPPRESSED]);
    expect(JSON.stringify(r)).toBe(
      '{"total":119,"splits":{"age":[{"suppressed":true},91,{"suppressed":true}]}}',
    );
    expect(r.splits.age.map((v) => formatPublishedCount(v))).toEqual(['*', '91', '*']);
  });

  it('validates, tests and formats the shape', () => {
    expect(publishedCount.parse({ suppressed: true })).toEqual(SUPPRESSED);
    expect(publishedCount.parse(7)).toBe(7);
    for (const bad of ['<5', { suppressed: false }, { suppressed: true, value: 3 }, -1, 1.5])
      expect(publishedCount.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(isSuppressed(SUPPRESSED)).toBe(true);
    expect(isSuppressed(0)).toBe(false);
    expect(countOrNull(SUPPRESSED)).toBeNull();
    expect(countOrNull(12)).toBe(12);
    expect(formatPublishedCount(1234, (n) => n.toLocaleString('de-DE'))).toBe('1.234');
    expect(SUPPRESSION_SYMBOL).toBe('*');
  });
});
