import type { ActorScope } from '../../platform/context.ts';

export { suppressionThreshold } from '../agency/suppression-threshold.ts';

import { numericToCents } from '@lotse/domain';
import { spendingRows } from './budgets.repo.ts';
import { countRows } from './programmes.repo.ts';

/** Counts per agency, metric and category from the narrow counting function (no identities). */
export class Counts {
  private readonly map = new Map<string, number>();
  constructor(rows: { agency_id: string; metric: string; category: string; n: number }[]) {
    for (const r of rows) this.map.set(`${r.agency_id}|${r.metric}|${r.category}`, Number(r.n));
  }
  get(agencyId: string, metric: string, category = ''): number {
    return this.map.get(`${agencyId}|${metric}|${category}`) ?? 0;
  }
  sum(agencyId: string, metric: string, categories: readonly string[]): number {
    return categories.reduce((s, c) => s + this.get(agencyId, metric, c), 0);
  }
}

export async function programmeCounts(scope: ActorScope, programmeId: string, from: string, to: string) {
  return new Counts(await countRows(scope.tx, programmeId, from, to));
}

/** Spent cents per agency, year and funding line in the period (exact numeric sums). */
export async function programmeSpending(scope: ActorScope, programmeId: string, from: string, to: string) {
  const rows = await spendingRows(scope.tx, programmeId, from, to);
  return rows.map((x) => ({ ...x, cents: numericToCents(x.spent) }));
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = to.slice(0, 7);
  while (true) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    months.push(key);
    if (key >= endKey || months.length > 1200) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
