import { describe, expect, it } from 'vitest';
import { burnRate, plannedPercent } from './budget.ts';

describe('planned share of the year', () => {
  it('counts whole days of the year up to the reference day', () => {
    expect(plannedPercent(2026, '2026-01-01', '2020-01-01', '2030-12-31')).toBe(0.3);
    expect(plannedPercent(2026, '2026-07-02', '2020-01-01', '2030-12-31')).toBe(50.1);
    expect(plannedPercent(2026, '2026-12-31', '2020-01-01', '2030-12-31')).toBe(100);
    expect(plannedPercent(2026, '2027-03-01', '2020-01-01', '2030-12-31')).toBe(100);
    expect(plannedPercent(2026, '2025-12-31', '2020-01-01', '2030-12-31')).toBe(0);
  });

  it('plans over the part of the year in which the programme runs', () => {
    expect(plannedPercent(2026, '2026-09-30', '2026-07-01', '2028-06-30')).toBe(50);
    expect(plannedPercent(2026, '2026-05-01', '2026-07-01', '2028-06-30')).toBe(0);
    expect(plannedPercent(2029, '2029-05-01', '2026-07-01', '2028-06-30')).toBe(0);
  });
});

describe('burn rate', () => {
  it('computes remaining budget exactly in cents', () => {
    const r = burnRate(30, 30, 50);
    expect(r).toMatchObject({ budget: '0.30', spent: '0.30', remaining: '0.00', spentPercent: 100 });
  });

  it('warns when spending runs more than 10 points ahead of the elapsed time', () => {
    expect(burnRate(100_000, 60_000, 50).warning).toBeNull();
    expect(burnRate(100_000, 60_100, 50).warning).toBe('ahead_of_plan');
    expect(burnRate(100_000, 100_001, 100).warning).toBe('over_budget');
    expect(burnRate(100_000, 100_000, 100).warning).toBeNull();
  });

  it('treats spending without a budget as over budget', () => {
    expect(burnRate(0, 1, 10)).toMatchObject({
      spentPercent: null,
      warning: 'over_budget',
      remaining: '-0.01',
    });
    expect(burnRate(0, 0, 10)).toMatchObject({ spentPercent: null, warning: null });
  });
});
