import {
  districtKeyOf,
  isSuppressed,
  type PlanningCell,
  type PlanningResponse,
  type PublishedCount,
  suppressCrossTable,
} from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { authorize } from '../../platform/policy.ts';
import { suppressionThreshold } from '../agency/suppression-threshold.ts';
import { today } from '../clients/date-rules.ts';
import { listDistricts } from '../districts/districts.service.ts';
import { needCounts, offerSupply, publishedDefinitions } from './planning.repo.ts';

/** Area dimensions of the published instruments (keys stable across versions), with a German title. */
async function areaDimensions(tx: Queryable): Promise<{ key: string; label: string }[]> {
  const rows = await publishedDefinitions(tx);
  const seen = new Map<string, string>();
  for (const r of rows)
    for (const d of r.definition.dimensions ?? [])
      if ((d.kind ?? 'area') === 'area' && !seen.has(d.key)) seen.set(d.key, d.title?.de ?? d.key);
  return [...seen].map(([key, label]) => ({ key, label }));
}

/**
 * Needs versus supply per district and dimension: clients of the own agency with an open case and need
 * in a dimension (small counts suppressed, with secondary suppression over the district x dimension
 * table and its margins), and the offers (own and shared directory) with their free places.
 */
export async function needsVsOffers(
  ctx: AppContext,
  actor: Actor,
  q: { district?: string | undefined; dimension?: string | undefined },
): Promise<PlanningResponse> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'planning.read');
    const threshold = await suppressionThreshold(ctx, scope);
    const dims = await areaDimensions(scope.tx);
    const districts = await listDistricts(scope.tx, actor.agencyId);
    const needRows = await needCounts(scope.tx, actor.agencyId);
    const offerRows = await offerSupply(scope.tx, today(scope.now));
    const di = new Map(districts.map((d, i) => [d.key, i]));
    const mi = new Map(dims.map((d, i) => [d.key, i]));
    const need = districts.map(() => dims.map(() => 0));
    for (const r of needRows) {
      const d = di.get(districtKeyOf(r.district, districts) ?? '');
      const m = mi.get(r.dimension);
      if (d === undefined || m === undefined) continue;
      (need[d] as number[])[m] = ((need[d] as number[])[m] as number) + r.n;
    }
    const supply = new Map(offerRows.map((r) => [`${r.district}|${r.dimension}`, r]));
    const published = suppressCrossTable(need, threshold);
    const cells: PlanningCell[] = [];
    districts.forEach((d, i) => {
      if (q.district && q.district !== d.key) return;
      dims.forEach((m, j) => {
        if (q.dimension && q.dimension !== m.key) return;
        const shown = published.cells[i]?.[j] as PublishedCount;
        const s = supply.get(`${d.key}|${m.key}`);
        const offers = s?.offers ?? 0;
        const freePlaces = s?.free_places ?? 0;
        const unlimited = s?.unlimited ?? 0;
        let gap: PlanningCell['gap'] = null;
        if (!isSuppressed(shown)) {
          if (shown === 0) gap = 'none';
          else if (offers === 0) gap = 'gap';
          else if (unlimited === 0 && freePlaces < shown) gap = 'tight';
          else gap = 'ok';
        }
        cells.push({
          district: d.key,
          dimension: m.key,
          clientsWithNeed: shown,
          offers,
          freePlaces,
          unlimitedOffers: unlimited,
          gap,
        });
      });
    });
    await scope.audit({
      action: 'planning.read',
      resourceType: 'planning',
      details: { district: q.district ?? null, dimension: q.dimension ?? null },
    });
    return {
      threshold,
      districts: districts
        .filter((d) => !q.district || q.district === d.key)
        .map((d) => ({ key: d.key, name: d.name })),
      dimensions: dims.filter((m) => !q.dimension || q.dimension === m.key),
      cells,
      totals: {
        byDistrict: Object.fromEntries(
          districts.map((d, i) => [d.key, published.rowTotals[i] as PublishedCount]),
        ),
        byDimension: Object.fromEntries(
          dims.map((m, j) => [m.key, published.columnTotals[j] as PublishedCount]),
        ),
        all: published.total,
      },
    };
  });
}
