import { numericToCents } from '@lotse/domain';
import type { ActorScope, AppContext } from '../../platform/context.ts';

/**
 * The suppression threshold for figures of the actor's agency: the installation's value
 * (LOTSE_SUPPRESSION_THRESHOLD, default 5), raised by the agency setting `suppressionThreshold` if
 * that is higher. An agency can make suppression stricter, never weaker.
 */
export async function suppressionThreshold(ctx: AppContext, scope: ActorScope): Promise<number> {
  const r = await scope.tx.query<{ t: string | null }>(
    `SELECT settings->>'suppressionThreshold' AS t FROM agencies WHERE id = $1`,
    [scope.actor.agencyId],
  );
  const own = Number(r.rows[0]?.t);
  const base = ctx.config.statistics.suppressionThreshold;
  return Number.isInteger(own) && own > base && own <= 100 ? own : base;
}

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
  const r = await scope.tx.query<{ agency_id: string; metric: string; category: string; n: number }>(
    'SELECT agency_id, metric, category, n FROM lotse_programme_counts($1, $2, $3)',
    [programmeId, from, to],
  );
  return new Counts(r.rows);
}

/** Spent cents per agency, year and funding line in the period (exact numeric sums). */
export async function programmeSpending(scope: ActorScope, programmeId: string, from: string, to: string) {
  const r = await scope.tx.query<{ agency_id: string; year: number; funding_line: string; spent: string }>(
    'SELECT agency_id, year, funding_line, spent FROM lotse_programme_spending($1, $2, $3)',
    [programmeId, from, to],
  );
  return r.rows.map((x) => ({ ...x, cents: numericToCents(x.spent) }));
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
