import { describe, expect, it } from 'vitest';
import type { CohortFigure, CohortReport, FunnelReport } from './evaluation.schema.ts';
import { changeSummary, funnelSummary, reliableChangeSummary } from './evaluation.summary.ts';

const hidden = { suppressed: true } as const;
const fig = (
  key: string,
  title: string,
  meanChange: number | null,
  ci: [number, number] | null,
): CohortFigure => ({
  key,
  title,
  n: 20,
  meanT0: 40,
  meanT1: 40 + (meanChange ?? 0),
  meanChange,
  ci95: ci,
  srm: 0.5,
  improved: 8,
  unchanged: 10,
  worsened: 2,
});
const report = (dimensions: CohortFigure[], total: CohortFigure) =>
  ({ dimensions, total }) as unknown as CohortReport;

describe('chart summaries', () => {
  it('name how many areas improved and the largest change', () => {
    const r = report(
      [fig('a', 'Gesundheit', 6.25, [1, 11.5]), fig('b', 'Wohnen', 1, [-2, 4])],
      fig('_total', 'Gesamt', 3, [1, 5]),
    );
    expect(changeSummary(r, 'de')).toBe(
      'In 1 von 2 Bereichen hat sich die Teilhabe im Mittel verbessert (95-%-Konfidenzintervall über null); am stärksten in „Gesundheit“ (+6,3 Punkte).',
    );
    expect(changeSummary(r, 'en')).toContain('in 1 of 2 areas');
    expect(reliableChangeSummary(r, 'de')).toBe(
      'Von 20 Personen haben sich im Gesamtwert 40 % verlässlich verbessert und 10 % verlässlich verschlechtert.',
    );
  });

  it('say so when the figures are hidden', () => {
    const r = report([{ ...fig('a', 'Gesundheit', null, null), meanChange: hidden, ci95: hidden }], {
      ...fig('_total', 'Gesamt', null, null),
      n: hidden,
    });
    expect(changeSummary(r, 'de')).toMatch(/zu wenige Personen/);
    expect(reliableChangeSummary(r, 'en')).toMatch(/too small/);
  });

  it('find the step of the funnel where most people drop out', () => {
    const f = {
      steps: [
        { key: 'intake', count: 100, share: 1 },
        { key: 'goals', count: 90, share: 0.9 },
        { key: 'referred', count: 40, share: 0.4 },
        { key: 'outcome', count: hidden, share: hidden },
      ],
    } as unknown as FunnelReport;
    expect(
      funnelSummary(f, 'de', {
        intake: 'Aufnahme',
        goals: 'Ziel',
        referred: 'vermittelt',
        outcome: 'Abschluss',
      }),
    ).toBe(
      'Im Zeitraum wurden 100 Personen aufgenommen; die meisten gehen zwischen „Ziel“ und „vermittelt“ verloren (50).',
    );
  });
});
