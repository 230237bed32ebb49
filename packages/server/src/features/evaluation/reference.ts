import {
  askedIn,
  correctedItemTotal,
  covarianceMatrix,
  cronbachAlpha,
  type InstrumentDefinition,
  type ItemSums,
  type Perspective,
  type ReferenceValues,
  referenceValues,
  sampleVariance,
  scaleCovariance,
  stratifiedAlpha,
} from '@lotse/domain';
import type { ActorScope } from '../../platform/context.ts';
import {
  instrumentStatistics,
  type StoredReference,
  storedReferences,
  upsertReference,
} from './evaluation.repo.ts';

/** Key of the total score among the dimension statistics. */
export const TOTAL = '_total';
/** Estimated reference values are recomputed when older than this. */
const REFERENCE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface ScoredItem {
  key: string;
  /** +-1 / (max - min): turns the raw answer into the 0-1 share the score averages. */
  factor: number;
}

/** The scored scale items of each dimension asked in a perspective. */
export function scoredItems(def: InstrumentDefinition, perspective: Perspective) {
  return def.dimensions.map((d) => ({
    key: d.key,
    items: d.items
      .filter(
        (i) => i.type === 'scale' && i.scored && i.role === 'rating' && askedIn(i, perspective) && i.scale,
      )
      .map((i): ScoredItem => {
        const values = (i.scale?.options ?? []).map((o) => o.value);
        const range = Math.max(...values) - Math.min(...values);
        return { key: i.key, factor: (i.reverse ? -1 : 1) / range };
      }),
  }));
}

export interface ItemFigures {
  key: string;
  n: number;
  mean: number | null;
  sd: number | null;
  missingShare: number | null;
  itemTotal: number | null;
}

export interface DimensionFigures {
  key: string;
  score: { n: number; sum: number; sumSquares: number; floor: number; ceiling: number };
  alpha: number | null;
  alphaN: number;
  items: ItemFigures[];
}

/**
 * Statistics of the completed assessments of one occasion of an instrument version across all
 * agencies (sums from the database function, figures from the domain statistics).
 */
export async function instrumentFigures(
  scope: ActorScope,
  instrumentId: string,
  def: InstrumentDefinition,
  perspective: Perspective,
  occasion = 'intake',
): Promise<{ assessments: number; dimensions: DimensionFigures[] }> {
  const dims = scoredItems(def, perspective);
  const rows = await instrumentStatistics(
    scope.tx,
    instrumentId,
    perspective,
    occasion,
    JSON.stringify(dims.map((d) => ({ key: d.key, items: d.items.map((i) => i.key) }))),
  );
  const assessments = rows.find((r) => r.kind === 'total')?.n ?? 0;
  const score = (key: string) => {
    const r = rows.find((x) => x.kind === 'score' && x.dimension === key);
    return {
      n: r?.n ?? 0,
      sum: r?.sum_a ?? 0,
      sumSquares: r?.sum_ab ?? 0,
      floor: r?.n_floor ?? 0,
      ceiling: r?.n_ceiling ?? 0,
    };
  };
  const dimensions = dims.map((d): DimensionFigures => {
    const k = d.items.length;
    const pair = (a: string, b: string) =>
      rows.find((r) => r.kind === 'pair' && r.dimension === d.key && r.item_a === a && r.item_b === b);
    const alphaN = k > 0 ? (pair(d.items[0]?.key as string, d.items[0]?.key as string)?.n ?? 0) : 0;
    const sums: ItemSums = {
      n: alphaN,
      sums: d.items.map((i) => pair(i.key, i.key)?.sum_a ?? 0),
      products: d.items.map((a) => d.items.map((b) => pair(a.key, b.key)?.sum_ab ?? 0)),
    };
    const raw = covarianceMatrix(sums);
    const cov = raw
      ? scaleCovariance(
          raw,
          d.items.map((i) => i.factor),
        )
      : null;
    const itemTotal = correctedItemTotal(cov);
    return {
      key: d.key,
      score: score(d.key),
      alpha: cronbachAlpha(cov),
      alphaN,
      items: d.items.map((item, i) => {
        const r = rows.find((x) => x.kind === 'item' && x.dimension === d.key && x.item_a === item.key);
        const n = r?.n ?? 0;
        const variance = sampleVariance(n, r?.sum_a ?? 0, r?.sum_ab ?? 0);
        return {
          key: item.key,
          n,
          mean: n > 0 ? (r?.sum_a as number) / n : null,
          sd: variance === null ? null : Math.sqrt(variance),
          missingShare: assessments > 0 ? 1 - n / assessments : null,
          itemTotal: itemTotal[i] ?? null,
        };
      }),
    };
  });
  return {
    assessments,
    dimensions: [...dimensions, { key: TOTAL, score: score(TOTAL), alpha: null, alphaN: 0, items: [] }],
  };
}

export interface References {
  estimatedAt: Date | null;
  byDimension: Map<string, ReferenceValues>;
}

/**
 * The RCI reference values of an instrument version and perspective: estimated from all agencies'
 * intake assessments (SD of the score, Cronbach's alpha) once n >= 100, else the instrument's
 * defaults. Estimates are kept a day in `instrument_reference_values` so reports stay fast; the
 * total score uses the SD of intake totals and the stratified alpha of the area scores.
 */
export async function referencesFor(
  scope: ActorScope,
  instrumentId: string,
  def: InstrumentDefinition,
  perspective: Perspective,
): Promise<References> {
  let stored = await storedReferences(scope.tx, instrumentId, perspective);
  const fresh =
    stored.length > 0 &&
    stored.every((s) => scope.now.getTime() - s.estimated_at.getTime() < REFERENCE_MAX_AGE_MS);
  if (!fresh) {
    const figures = await instrumentFigures(scope, instrumentId, def, perspective);
    stored = figures.dimensions.map((d) => {
      const variance = sampleVariance(d.score.n, d.score.sum, d.score.sumSquares);
      return {
        dimension: d.key,
        n: d.score.n,
        sd: variance === null ? null : Math.sqrt(variance),
        alpha: d.alpha,
        alpha_n: d.alphaN,
        estimated_at: scope.now,
      };
    });
    for (const s of stored) await upsertReference(scope.tx, instrumentId, perspective, s);
  }
  const byDimension = new Map<string, ReferenceValues>();
  const fromStored = (s: StoredReference | undefined, defaults: { sd: number; reliability: number }) =>
    referenceValues(
      { n: s?.n ?? 0, sum: 0, sumSquares: s?.sd == null || !s ? 0 : s.sd * s.sd * Math.max(0, s.n - 1) },
      { value: s?.alpha ?? null, n: s?.alpha_n ?? 0 },
      defaults,
    );
  for (const d of def.dimensions)
    byDimension.set(
      d.key,
      fromStored(
        stored.find((s) => s.dimension === d.key),
        d.reference,
      ),
    );
  // The total: the mean of the area scores.
  const areas = def.dimensions.filter((d) => d.kind === 'area');
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const totalDefaults = {
    sd: mean(areas.map((d) => d.reference.sd)),
    reliability: mean(areas.map((d) => d.reference.reliability)),
  };
  const totalStored = stored.find((s) => s.dimension === TOTAL);
  const totalRef = fromStored(totalStored, totalDefaults);
  if (totalRef.source === 'estimated') {
    const parts = areas.map((d) => {
      const r = byDimension.get(d.key) as ReferenceValues;
      return { variance: r.sd * r.sd, reliability: r.reliability };
    });
    totalRef.reliability = stratifiedAlpha(parts, totalRef.sd * totalRef.sd) ?? totalDefaults.reliability;
  }
  byDimension.set(TOTAL, totalRef);
  const estimatedAt = stored[0]?.estimated_at ?? null;
  return { estimatedAt, byDimension };
}
