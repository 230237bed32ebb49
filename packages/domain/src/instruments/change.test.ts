import { describe, expect, it } from 'vitest';
import {
  buildSeries,
  comparePerspectives,
  currentIntake,
  dueOccasion,
  followUpDue,
  reliableChange,
} from './change.ts';
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

const meta = [
  { key: 'a', kind: 'area' as const, title: { de: 'A' }, reference: { sd: 12, reliability: 0.85 } },
];
const input = (
  id: string,
  date: string,
  s: number | null,
  occasion = 'follow_up',
  recordedAt = `${date}T09:00:00Z`,
) => ({
  id,
  date,
  recordedAt,
  occasion,
  perspective: 'self' as const,
  instrumentKey: 'x',
  instrumentVersion: 1,
  scores: [score('a', s)],
  total: s,
});

describe('buildSeries', () => {
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

  it('compares the intake with the latest follow-up by default, not a later intake', () => {
    const series = buildSeries(
      'self',
      'x',
      [
        input('1', '2025-01-01', 34, 'intake'),
        input('2', '2025-06-01', 40, 'follow_up'),
        input('3', '2025-12-01', 49, 'follow_up'),
        input('4', '2026-02-01', 20, 'intake'),
      ],
      meta,
      1.96,
    );
    expect(series.compared).toEqual({ fromId: '1', toId: '3' });
    expect(series.dimensions[0]?.change).toMatchObject({ fromAssessmentId: '1', toAssessmentId: '3' });
    // A re-admission (intake after an exit) compares within its own episode.
    const again = buildSeries(
      'self',
      'x',
      [
        input('1', '2024-01-01', 30, 'intake'),
        input('2', '2024-12-01', 40, 'exit'),
        input('3', '2025-06-01', 35, 'intake'),
        input('4', '2025-12-01', 45, 'follow_up'),
      ],
      meta,
      1.96,
    );
    expect(again.compared).toEqual({ fromId: '3', toId: '4' });
    // Without any follow-up: first against latest, as before.
    const intakes = buildSeries(
      'self',
      'x',
      [input('1', '2025-01-01', 30, 'intake'), input('2', '2025-02-01', 35, 'intake')],
      meta,
      1.96,
    );
    expect(intakes.compared).toEqual({ fromId: '1', toId: '2' });
  });

  it('orders same-day assessments by entry time and numbers them', () => {
    const series = buildSeries(
      'self',
      'x',
      [
        input('b', '2025-06-01', 40, 'follow_up', '2025-06-01T15:00:00Z'),
        input('a', '2025-06-01', 38, 'follow_up', '2025-06-01T09:30:00Z'),
        input('c', '2025-01-01', 30, 'intake'),
      ],
      meta,
      1.96,
    );
    expect(series.assessments.map((a) => [a.id, a.sequence, a.sameDay])).toEqual([
      ['c', 1, 1],
      ['a', 1, 2],
      ['b', 2, 2],
    ]);
    expect(series.compared).toEqual({ fromId: 'c', toId: 'b' });
  });
});

describe('occasions', () => {
  const e = (occasion: string, date: string, status: 'draft' | 'completed' = 'completed') => ({
    occasion,
    date,
    status,
  });

  it('suggests an intake first, then follow-ups; after an exit a new intake', () => {
    expect(dueOccasion([])).toBe('intake');
    expect(dueOccasion([e('intake', '2025-01-01')])).toBe('follow_up');
    expect(dueOccasion([e('intake', '2025-01-01', 'draft')])).toBe('follow_up');
    expect(dueOccasion([e('intake', '2025-01-01'), e('follow_up', '2025-07-01')])).toBe('follow_up');
    expect(dueOccasion([e('intake', '2025-01-01'), e('exit', '2025-12-01')])).toBe('intake');
    // A draft exit does not end the episode yet.
    expect(dueOccasion([e('intake', '2025-01-01'), e('exit', '2025-12-01', 'draft')])).toBe('follow_up');
  });

  it('finds the intake of the current episode', () => {
    const first = e('intake', '2025-01-01');
    expect(currentIntake([first, e('intake', '2026-02-01')])).toBe(first);
    const second = e('intake', '2026-03-01');
    expect(currentIntake([first, e('exit', '2025-12-01'), second])).toBe(second);
  });
});
