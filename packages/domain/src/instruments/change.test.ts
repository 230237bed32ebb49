import { describe, expect, it } from 'vitest';
import { buildSeries, comparePerspectives, followUpDue, reliableChange } from './change.ts';
import type { DimensionScore } from './scoring.ts';

describe('reliableChange (Jacobson & Truax)', () => {
  it('reproduces the reference example: SD 12, r .85 -> S_diff 6.573; 34 -> 49 gives RCI 2.28, improved', () => {
    const sDiff = Math.sqrt(2) * 12 * Math.sqrt(1 - 0.85); // 6.5727...
    const r = reliableChange(34, 49, { sd: 12, reliability: 0.85 });
    expect(r.sDiff).toBeCloseTo(sDiff, 3);
    expect(r.sDiff).toBe(6.573);
    expect(r.rci).toBe(2.28);
    expect(r.class).toBe('improved');
    expect(r.difference).toBe(15);
  });

  it('classifies a drop of 25 points with SD 20, r .78 as unchanged (|RCI| 1.88) and of 30 as worsened (2.26)', () => {
    // SE = 20 * sqrt(.22) = 9.3808; S_diff = 13.2665
    expect(reliableChange(75, 50, { sd: 20, reliability: 0.78 })).toMatchObject({
      rci: -1.88,
      class: 'unchanged',
    });
    expect(reliableChange(75, 45, { sd: 20, reliability: 0.78 })).toMatchObject({
      rci: -2.26,
      class: 'worsened',
    });
  });

  it('uses the criterion strictly: exactly 1.96 is not yet reliable', () => {
    const sDiff = Math.sqrt(2) * 10 * Math.sqrt(1 - 0.5);
    expect(reliableChange(0, 1.96 * sDiff, { sd: 10, reliability: 0.5 }).class).toBe('unchanged');
    expect(reliableChange(0, 1.97 * sDiff, { sd: 10, reliability: 0.5 }).class).toBe('improved');
  });
});

const score = (dimension: string, s: number | null): DimensionScore => ({
  dimension,
  kind: 'area',
  score: s,
  answered: 2,
  items: 2,
  need: s === null ? null : s < 50,
  workOn: null,
});

describe('buildSeries', () => {
  const meta = [
    { key: 'a', kind: 'area' as const, title: { de: 'A' }, reference: { sd: 12, reliability: 0.85 } },
  ];
  const input = (id: string, date: string, s: number | null) => ({
    id,
    date,
    occasion: 'follow_up',
    perspective: 'self' as const,
    instrumentKey: 'x',
    instrumentVersion: 1,
    scores: [score('a', s)],
    total: s,
  });

  it('orders points by date and compares the first with the latest', () => {
    const series = buildSeries(
      'self',
      'x',
      [input('3', '2025-12-01', 49), input('1', '2025-01-01', 34), input('2', '2025-06-01', 40)],
      meta,
      1.96,
    );
    const a = series.dimensions[0];
    expect(a?.points.map((p) => p.score)).toEqual([34, 40, 49]);
    expect(a?.change).toMatchObject({
      fromAssessmentId: '1',
      toAssessmentId: '3',
      rci: 2.28,
      class: 'improved',
    });
  });

  it('compares any two chosen assessments', () => {
    const series = buildSeries(
      'self',
      'x',
      [input('1', '2025-01-01', 34), input('2', '2025-06-01', 40), input('3', '2025-12-01', 49)],
      meta,
      1.96,
      { fromId: '2', toId: '3' },
    );
    // (49 - 40) / 6.5727 = 1.37
    expect(series.dimensions[0]?.change).toMatchObject({ rci: 1.37, class: 'unchanged', from: 40, to: 49 });
  });

  it('has no change with a single assessment or a missing score', () => {
    expect(
      buildSeries('self', 'x', [input('1', '2025-01-01', 34)], meta, 1.96).dimensions[0]?.change,
    ).toBeNull();
    expect(
      buildSeries('self', 'x', [input('1', '2025-01-01', 34), input('2', '2025-02-01', null)], meta, 1.96)
        .dimensions[0]?.change,
    ).toBeNull();
  });
});

describe('comparePerspectives', () => {
  it('highlights differences of 20 points or more between self and professional view', () => {
    const rows = comparePerspectives(
      [score('a', 80), score('b', 50)],
      [score('a', 55), score('b', 60)],
      ['a', 'b', 'c'],
    );
    expect(rows).toEqual([
      { dimension: 'a', self: 80, professional: 55, difference: -25, highlighted: true },
      { dimension: 'b', self: 50, professional: 60, difference: 10, highlighted: false },
      { dimension: 'c', self: null, professional: null, difference: null, highlighted: false },
    ]);
  });
});

describe('followUpDue', () => {
  it('adds months and clamps to the end of the month', () => {
    expect(followUpDue('2025-01-10', 6)).toBe('2025-07-10');
    expect(followUpDue('2025-08-31', 6)).toBe('2026-02-28');
    expect(followUpDue('2024-08-31', 6)).toBe('2025-02-28');
    expect(followUpDue('2023-08-31', 6)).toBe('2024-02-29');
  });
});
