import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSuppressed, SUPPRESSED as S } from './published-count.ts';
import {
  applyMask,
  publishCount,
  type Relation,
  suppressAcrossAgencies,
  suppressBreakdown,
  suppressBreakdowns,
  suppressCrossTable,
  suppressionMask,
  suppressSplits,
} from './suppression.ts';

/** The protection every published table must have, checked independently of the algorithm. */
function assertProtected(values: number[], relations: Relation[], mask: boolean[], t: number) {
  values.forEach((v, i) => {
    if (v > 0 && v < t) expect(mask[i], `cell ${i} = ${v} must be suppressed`).toBe(true);
  });
  for (const r of relations) {
    const hidden = r.parts.filter((p) => mask[p]);
    if (mask[r.total]) {
      if (r.parts.length > 0) expect(hidden.length).toBeGreaterThanOrEqual(1);
    } else if (hidden.length > 0) {
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(hidden.reduce((s, p) => s + (values[p] as number), 0)).toBeGreaterThanOrEqual(t);
    }
  }
}

/**
 * The reader sees the published table and knows the relations, but not which hidden cells were small:
 * every original table that shows the same visible values is a candidate. No hidden cell may have
 * only one candidate value. The universe of candidates reaches one beyond the originals' range, so
 * that the range's edge does not fake a disclosure.
 */
function assertNoExactDisclosure(
  originals: number[][],
  universe: number[][],
  relations: Relation[],
  t: number,
) {
  for (const values of originals) {
    const mask = suppressionMask(values, relations, t);
    if (!mask.some(Boolean)) continue;
    const candidates = universe.filter((other) => other.every((v, j) => mask[j] || v === values[j]));
    mask.forEach((hidden, j) => {
      if (hidden)
        expect(new Set(candidates.map((c) => c[j])).size, `${values} cell ${j}`).toBeGreaterThanOrEqual(2);
    });
  }
}

/** All tables of `n` cells with values 0..max, as arrays. */
function* allTables(n: number, max: number): Generator<number[]> {
  const cur = new Array<number>(n).fill(0);
  while (true) {
    yield [...cur];
    let i = 0;
    while (i < n && cur[i] === max) cur[i++] = 0;
    if (i === n) return;
    cur[i] = (cur[i] as number) + 1;
  }
}

describe('primary suppression', () => {
  it('shows 0 and counts at or above the threshold, hides 1 to threshold-1', () => {
    expect([0, 1, 4, 5, 17].map((n) => publishCount(n, 5))).toEqual([0, S, S, 5, 17]);
    expect(publishCount(2, 3)).toBe(S);
    expect(publishCount(1, 1)).toBe(1);
  });

  it('refuses a threshold outside 1..100 and negative or fractional counts', () => {
    expect(() => publishCount(3, 0)).toThrow(RangeError);
    expect(() => publishCount(3, 2.5)).toThrow(RangeError);
    expect(() => suppressionMask([-1], [], 5)).toThrow(RangeError);
    expect(() => suppressionMask([1.5], [], 5)).toThrow(RangeError);
  });
});

describe('secondary suppression of a breakdown', () => {
  it('hides a second cell when exactly one cell is small', () => {
    const r = suppressBreakdown({ female: 3, male: 12, diverse: 0, not_stated: 7 }, 22, 5);
    expect(r.parts).toEqual({ female: S, male: 12, diverse: 0, not_stated: S });
    expect(r.total).toBe(22);
  });

  it('keeps adding cells until the hidden cells sum to the threshold', () => {
    const r = suppressBreakdown({ a: 1, b: 1, c: 9, d: 20 }, 31, 5);
    expect(r.parts).toEqual({ a: S, b: S, c: S, d: 20 });
  });

  it('suppresses the total when no visible part is left to hide', () => {
    const r = suppressBreakdown({ only: 3 }, 3, 5);
    expect(r).toEqual({ parts: { only: S }, total: S });
    const z = suppressBreakdown({ a: 2, b: 0 }, 2, 5);
    expect(z.total).toBe(S);
  });

  it('changes nothing when no cell is small', () => {
    expect(suppressBreakdown({ a: 5, b: 0, c: 40 }, 45, 5)).toEqual({
      parts: { a: 5, b: 0, c: 40 },
      total: 45,
    });
  });

  it('protects several breakdowns of one total together', () => {
    const r = suppressBreakdowns(
      { gender: { female: 2, male: 2 }, age: { under_25: 0, from_25_to_54: 4 } },
      4,
      5,
    );
    expect(r.total).toBe(S);
    expect(r.breakdowns.gender).toEqual({ female: S, male: S });
    expect(r.breakdowns.age).toEqual({ under_25: 0, from_25_to_54: S });
  });

  it('holds the protection rules for any breakdown (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 2, max: 11 }),
        (parts, t) => {
          const values = [...parts, parts.reduce((s, v) => s + v, 0)];
          const relations = [{ total: parts.length, parts: parts.map((_, i) => i) }];
          const mask = suppressionMask(values, relations, t);
          assertProtected(values, relations, mask, t);
          const published = applyMask(values, mask);
          published.forEach((p, i) => {
            if (typeof p === 'number') expect(p).toBe(values[i]);
            else expect(p).toEqual(S);
          });
          if (!values.some((v) => v > 0 && v < t)) expect(mask.every((m) => !m)).toBe(true);
        },
      ),
    );
  });

  it('never lets a reader pin down a hidden cell from the published table (all 3-part tables 0..9)', () => {
    const withTotal = (p: number[]) => [...p, p.reduce((x, y) => x + y, 0)];
    const relations = [{ total: 3, parts: [0, 1, 2] }];
    assertNoExactDisclosure(
      [...allTables(3, 9)].map(withTotal),
      [...allTables(3, 10)].map(withTotal),
      relations,
      5,
    );
  });
});

describe('figures of several agencies seen by one of them', () => {
  it('shows the own figure exactly and protects the others against it', () => {
    // Own 3 is known to the reader; the single other agency's 2 would follow from the total 5.
    const r = suppressAcrossAgencies([3, 2], 0, 5);
    expect(r.values).toEqual([3, S]);
    expect(r.total).toBe(S);
  });

  it('hides a second other agency rather than the known own figure', () => {
    const r = suppressAcrossAgencies([1, 2, 30], 0, 5);
    expect(r.values).toEqual([1, S, S]);
    expect(r.total).toBe(33);
  });

  it('leaves everything visible when no agency is small', () => {
    expect(suppressAcrossAgencies([5, 7, 9], 0, 5)).toEqual({ values: [5, 7, 9], total: 21 });
  });

  it('suppresses a small own figure for strangers and still protects the others from the own agency', () => {
    // For strangers own 2 needs a second hidden cell (7); for the own agency, which knows its 2, the
    // hidden 7 alone would follow from the total, so 9 is hidden as well.
    expect(suppressAcrossAgencies([2, 7, 9], 0, 5, false)).toEqual({ values: [S, S, S], total: 18 });
    expect(suppressAcrossAgencies([2, 7, 9], 0, 5, true)).toEqual({ values: [2, S, S], total: 18 });
  });

  it('discloses nothing to strangers nor to the agency that knows its own figure (all 3-agency tables 0..9)', () => {
    const withTotal = (p: number[]) => [...p, p.reduce((x, y) => x + y, 0)];
    const relations = [{ total: 3, parts: [0, 1, 2] }];
    const universe = [...allTables(3, 10)].map(withTotal);
    for (const values of [...allTables(3, 9)].map(withTotal)) {
      const known = [true, false, false, false];
      const mask = suppressionMask(values, relations, 5, known);
      // The own agency reads its own cell exactly; strangers see the mask as it is.
      for (const reader of ['own', 'stranger']) {
        // A total the own agency can add up from visible cells tells it nothing about the others.
        const othersHidden = mask[1] || mask[2];
        const seen = reader === 'own' ? mask.map((m, j) => m && j !== 0 && (j !== 3 || othersHidden)) : mask;
        if (!seen.some(Boolean)) continue;
        const candidates = universe.filter((o) => o.every((v, j) => seen[j] || v === values[j]));
        seen.forEach((hidden, j) => {
          if (hidden)
            expect(new Set(candidates.map((c) => c[j])).size, `${reader}: ${values}`).toBeGreaterThanOrEqual(
              2,
            );
        });
      }
    }
  });
});

describe('one total split several ways', () => {
  it('keeps the splits consistent: a total hidden in one split is hidden in all', () => {
    const r = suppressSplits(4, { agency: [3, 1], gender: [2, 2] }, 5);
    expect(r.total).toBe(S);
    expect(r.splits.agency).toEqual([S, S]);
  });

  it('protects the other agencies against the own agency in every split (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 2, max: 7 }),
        (agencies, genderSeed, t) => {
          const total = agencies.reduce((a, b) => a + b, 0);
          // A second split of the same total.
          const gender = genderSeed.map(() => 0);
          let rest = total;
          genderSeed.forEach((g, i) => {
            const take = i === genderSeed.length - 1 ? rest : Math.min(rest, g);
            gender[i] = take;
            rest -= take;
          });
          const r = suppressSplits(total, { agency: agencies, gender }, t, { split: 'agency', index: 0 });
          const values = [total, ...agencies, ...gender];
          const mask = [r.total, ...r.splits.agency, ...r.splits.gender].map((p) => isSuppressed(p));
          const relations = [
            { total: 0, parts: agencies.map((_, i) => 1 + i) },
            { total: 0, parts: gender.map((_, i) => 1 + agencies.length + i) },
          ];
          assertProtected(values, relations, mask, t);
        },
      ),
    );
  });
});

describe('cross tables with margins', () => {
  it('suppresses inner cells and margins consistently', () => {
    const r = suppressCrossTable(
      [
        [1, 9, 9],
        [9, 9, 9],
      ],
      5,
    );
    expect(r.cells[0]?.[0]).toBe(S);
    expect(r.total).toBe(46);
    const hiddenInRow0 = r.cells[0]?.filter((c) => isSuppressed(c)).length;
    expect(hiddenInRow0).toBeGreaterThanOrEqual(2);
  });

  it('holds the protection rules for any cross table (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((cols) =>
          fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: cols, maxLength: cols }), {
            minLength: 1,
            maxLength: 6,
          }),
        ),
        fc.integer({ min: 2, max: 8 }),
        (cells, t) => {
          const r = suppressCrossTable(cells, t);
          const rows = cells.length;
          const cols = cells[0]?.length ?? 0;
          const values = [
            ...cells.flat(),
            ...cells.map((row) => row.reduce((s, v) => s + v, 0)),
            ...Array.from({ length: cols }, (_, c) => cells.reduce((s, row) => s + (row[c] as number), 0)),
            cells.flat().reduce((s, v) => s + v, 0),
          ];
          const mask = [...r.cells.flat(), ...r.rowTotals, ...r.columnTotals, r.total].map((p) =>
            isSuppressed(p),
          );
          const relations: Relation[] = [];
          for (let i = 0; i < rows; i++)
            relations.push({
              total: rows * cols + i,
              parts: Array.from({ length: cols }, (_, c) => i * cols + c),
            });
          for (let c = 0; c < cols; c++)
            relations.push({
              total: rows * cols + rows + c,
              parts: Array.from({ length: rows }, (_, i) => i * cols + c),
            });
          const grand = rows * cols + rows + cols;
          relations.push({ total: grand, parts: Array.from({ length: rows }, (_, i) => rows * cols + i) });
          relations.push({
            total: grand,
            parts: Array.from({ length: cols }, (_, c) => rows * cols + rows + c),
          });
          assertProtected(values, relations, mask, t);
        },
      ),
    );
  });

  it('never lets a reader pin down a hidden cell of a 2x2 table with margins (all tables 0..6)', () => {
    // Layout: a b / c d, row totals, column totals, grand total.
    const withMargins = (cells: number[]) => {
      const [a = 0, b = 0, c = 0, d = 0] = cells;
      return [a, b, c, d, a + b, c + d, a + c, b + d, a + b + c + d];
    };
    const relations = [
      { total: 4, parts: [0, 1] },
      { total: 5, parts: [2, 3] },
      { total: 6, parts: [0, 2] },
      { total: 7, parts: [1, 3] },
      { total: 8, parts: [4, 5] },
      { total: 8, parts: [6, 7] },
    ];
    assertNoExactDisclosure(
      [...allTables(4, 6)].map(withMargins),
      [...allTables(4, 7)].map(withMargins),
      relations,
      5,
    );
  });
});
