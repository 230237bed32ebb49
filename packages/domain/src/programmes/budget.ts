import { formatCents } from './money.ts';

/** Spending may run this many percentage points ahead of the elapsed time before a warning. */
export const BURN_RATE_TOLERANCE_POINTS = 10;

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);

/**
 * Share of the planned spending time elapsed at `asOf`, in percent with one decimal: the part of
 * `year` in which the programme runs (a programme starting in July plans its year budget over
 * July to December), counted in whole days including `asOf`.
 */
export function plannedPercent(year: number, asOf: string, startsOn: string, endsOn: string): number {
  const first = Math.max(dayNumber(`${year}-01-01`), dayNumber(startsOn));
  const last = Math.min(dayNumber(`${year}-12-31`), dayNumber(endsOn));
  if (last < first) return 0;
  const today = dayNumber(asOf);
  if (today < first) return 0;
  if (today >= last) return 100;
  return Math.round(((today - first + 1) * 1000) / (last - first + 1)) / 10;
}

export interface BurnRate {
  budget: string;
  spent: string;
  remaining: string;
  spentPercent: number | null;
  plannedPercent: number;
  warning: 'ahead_of_plan' | 'over_budget' | null;
}

/** Budget, spending and the burn-rate warning of one funding line (or a total), all in exact cents. */
export function burnRate(budgetCents: number, spentCents: number, planned: number): BurnRate {
  const spentPercent = budgetCents > 0 ? Math.round((spentCents * 1000) / budgetCents) / 10 : null;
  let warning: BurnRate['warning'] = null;
  if (spentCents > budgetCents) warning = 'over_budget';
  else if (spentPercent !== null && spentPercent > planned + BURN_RATE_TOLERANCE_POINTS)
    warning = 'ahead_of_plan';
  return {
    budget: formatCents(budgetCents),
    spent: formatCents(spentCents),
    remaining: formatCents(budgetCents - spentCents),
    spentPercent,
    plannedPercent: planned,
    warning,
  };
}
