// Plain module (no schemas): the web app imports it directly.

/** Report periods that are over: the last complete month, quarter or year. */
export const reportPeriods = ['month', 'quarter', 'year'] as const;
export type ReportPeriod = (typeof reportPeriods)[number];

/**
 * The last complete month, quarter or year before the day `today` ('YYYY-MM-DD'): a report of a
 * period that is over, so nothing in it lies in the future.
 */
export function lastCompletePeriod(today: string, kind: ReportPeriod): { from: string; to: string } {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  const iso = (year: number, month: number, day: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (kind === 'year') return { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) };
  if (kind === 'quarter') {
    const q = Math.floor((m - 1) / 3); // current quarter, 0-based
    const year = q === 0 ? y - 1 : y;
    const first = q === 0 ? 10 : (q - 1) * 3 + 1;
    return { from: iso(year, first, 1), to: iso(year, first + 2, lastDay(year, first + 2)) };
  }
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  return { from: iso(year, month, 1), to: iso(year, month, lastDay(year, month)) };
}
