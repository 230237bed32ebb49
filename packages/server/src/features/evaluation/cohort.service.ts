import {
  type CohortComparison,
  type CohortFigure,
  type CohortFilter,
  type CohortReport,
  type CompareQuery,
  type InstrumentDefinition,
  isSuppressedFigure,
  type PairedSums,
  pairedChange,
  type ReferenceValues,
  reliableChangeThreshold,
  SUPPRESSED_FIGURE,
  welchDifference,
} from '@lotse/domain';
import type { Actor, ActorScope, AppContext } from '../../platform/context.ts';
import { withActor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { suppressionThreshold } from '../agency/suppression-threshold.ts';
import { definitionOf, type InstrumentRow } from '../instruments/instruments.service.ts';
import { differencingRefusal, guardCohortRelease } from './differencing.ts';
import { type CohortSumRow, cohortSums, reportInstrumentRow } from './evaluation.repo.ts';
import { protectCounts, protectedShare, protectStatistic } from './protect.ts';
import { referencesFor, TOTAL } from './reference.ts';

/** The change of one dimension: pairs, sums of before, after, difference and its square. */
type ChangeRow = Omit<CohortSumRow, 'kind' | 'scored'>;

interface AttritionRow {
  stayed: number;
  dropped: number;
  stayed_n: number;
  stayed_sum: number | null;
  dropped_n: number;
  dropped_sum: number | null;
}

/** The published version of an instrument key the report uses: the latest shared or own one. */
async function reportInstrument(scope: ActorScope, key: string): Promise<InstrumentRow> {
  const row = await reportInstrumentRow(scope.tx, key);
  if (!row) throw notFound('Instrument nicht gefunden.');
  return row;
}

/** The filter as the database function reads it (only the set keys). */
function filterJson(f: Partial<CohortFilter>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || k === 'instrumentKey') continue;
    if (k === 'agencyId') out.agencyIds = [v];
    else out[k] = v;
  }
  return out;
}

/** One row of the report: statistics of the change with small cells hidden. */
function figure(
  key: string,
  title: string,
  row: ChangeRow | undefined,
  threshold: number,
): CohortFigure & { sums: PairedSums } {
  const n = row?.n ?? 0;
  const sums: PairedSums = {
    n,
    sumX: row?.sum_x ?? 0,
    sumY: row?.sum_y ?? 0,
    sumD: row?.sum_d ?? 0,
    sumD2: row?.sum_d2 ?? 0,
  };
  const improved = row?.improved ?? 0;
  const worsened = row?.worsened ?? 0;
  const [pn, pi, pu, pw] = protectCounts(
    [n, improved, n - improved - worsened, worsened],
    [{ total: 0, parts: [1, 2, 3] }],
    threshold,
  );
  if (isSuppressedFigure(pn))
    return {
      key,
      title,
      suppressed: true,
      n: SUPPRESSED_FIGURE,
      meanT0: SUPPRESSED_FIGURE,
      meanT1: SUPPRESSED_FIGURE,
      meanChange: SUPPRESSED_FIGURE,
      ci95: SUPPRESSED_FIGURE,
      srm: SUPPRESSED_FIGURE,
      improved: SUPPRESSED_FIGURE,
      unchanged: SUPPRESSED_FIGURE,
      worsened: SUPPRESSED_FIGURE,
      sums,
    };
  const c = pairedChange(sums);
  return {
    key,
    title,
    n: pn as number,
    meanT0: protectStatistic(c.meanT0, n, threshold),
    meanT1: protectStatistic(c.meanT1, n, threshold),
    meanChange: protectStatistic(c.meanChange, n, threshold),
    ci95: c.ci95,
    srm: protectStatistic(c.srm, n, threshold),
    improved: pi ?? SUPPRESSED_FIGURE,
    unchanged: pu ?? SUPPRESSED_FIGURE,
    worsened: pw ?? SUPPRESSED_FIGURE,
    sums,
  };
}

interface CohortData {
  instrument: InstrumentRow;
  def: InstrumentDefinition;
  threshold: number;
  refs: Awaited<ReturnType<typeof referencesFor>>;
  rows: ChangeRow[];
  attrition: AttritionRow;
}

/** The sums of one cohort from the aggregate functions (counts and sums only). */
async function cohortData(ctx: AppContext, scope: ActorScope, f: CohortFilter): Promise<CohortData> {
  const instrument = await reportInstrument(scope, f.instrumentKey);
  const def = definitionOf(instrument);
  const threshold = await suppressionThreshold(ctx, scope);
  const refs = await referencesFor(scope, instrument.id, def, f.perspective);
  const thresholds: Record<string, number> = {};
  for (const [key, ref] of refs.byDimension)
    thresholds[key] = reliableChangeThreshold(ref, def.scoring.rciCriterion);
  const filter = JSON.stringify(filterJson(f));
  // One pairing pass gives the change per dimension and the attrition (migration 021).
  const sums = await cohortSums(scope.tx, f.instrumentKey, filter, JSON.stringify(thresholds));
  const rows = sums.filter((r) => r.kind === 'change');
  const stayed = sums.find((r) => r.kind === 'stayed');
  const dropped = sums.find((r) => r.kind === 'dropped');
  const attrition: AttritionRow = {
    stayed: stayed?.n ?? 0,
    dropped: dropped?.n ?? 0,
    stayed_n: stayed?.scored ?? 0,
    stayed_sum: stayed?.sum_x ?? null,
    dropped_n: dropped?.scored ?? 0,
    dropped_sum: dropped?.sum_x ?? null,
  };
  return { instrument, def, threshold, refs, rows, attrition };
}

const scopeKeyOf = (f: CohortFilter) => `${f.instrumentKey}|${f.perspective}|${f.pair}`;
const filterKeyOf = (f: CohortFilter) => JSON.stringify(filterJson(f));

/** The differencing defence for one cohort: its size is the people paired and those with an intake. */
const releaseCohort = (scope: ActorScope, f: CohortFilter, d: CohortData) =>
  guardCohortRelease(
    scope,
    scopeKeyOf(f),
    filterKeyOf(f),
    { paired: d.attrition.stayed, intake: d.attrition.stayed + d.attrition.dropped },
    d.threshold,
  );

function present(f: CohortFilter, d: CohortData): CohortReport {
  const { def, threshold, refs, rows, attrition } = d;
  const strip = ({ sums: _sums, ...rest }: ReturnType<typeof figure>): CohortFigure => rest;
  const dimensions = def.dimensions.map((dim) =>
    strip(
      figure(
        dim.key,
        dim.title.de,
        rows.find((r) => r.dimension === dim.key),
        threshold,
      ),
    ),
  );
  const total = strip(
    figure(
      TOTAL,
      'Gesamtwert',
      rows.find((r) => r.dimension === TOTAL),
      threshold,
    ),
  );
  const intake = attrition.stayed + attrition.dropped;
  const [pIntake, pStayed, pDropped] = protectCounts(
    [intake, attrition.stayed, attrition.dropped],
    [{ total: 0, parts: [1, 2] }],
    threshold,
  ) as [CohortFigure['n'], CohortFigure['n'], CohortFigure['n']];
  const meanOf = (n: number, sum: number | null, published: CohortFigure['n']) =>
    isSuppressedFigure(published)
      ? SUPPRESSED_FIGURE
      : protectStatistic(n > 0 ? (sum ?? 0) / n : null, n, threshold);
  const references = [...refs.byDimension].map(([key, r]: [string, ReferenceValues]) => ({
    key,
    source: r.source,
    sd: r.sd,
    reliability: r.reliability,
    n: r.n,
    alphaN: r.alphaN,
  }));
  const sources = new Set(references.map((r) => r.source));
  return {
    instrument: {
      key: d.instrument.key,
      versionId: d.instrument.id,
      version: d.instrument.version,
      title: def.title.de,
    },
    perspective: f.perspective,
    pair: f.pair,
    filters: Object.fromEntries(
      Object.entries(filterJson(f)).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]),
    ),
    threshold,
    criterion: def.scoring.rciCriterion,
    dimensions,
    total,
    attrition: {
      intake: pIntake,
      stayed: pStayed,
      dropped: pDropped,
      droppedShare: protectedShare(pDropped, pIntake),
      intakeMeanStayed: meanOf(attrition.stayed_n, attrition.stayed_sum, pStayed),
      intakeMeanDropped: meanOf(attrition.dropped_n, attrition.dropped_sum, pDropped),
    },
    reference: {
      source: sources.size === 1 ? (references[0]?.source ?? 'instrument_default') : 'mixed',
      minN: 100,
      estimatedAt: refs.estimatedAt ? refs.estimatedAt.toISOString() : null,
      instrumentVersionId: d.instrument.id,
      dimensions: references,
    },
  };
}

/**
 * The cohort report: per dimension and for the total score the change from intake to the paired
 * later assessment with CI, SRM and reliable change classes, attrition, and the reference values used.
 * Agency-wide for leads and coordinators; with a programme, across the participating agencies when
 * the own agency manages it (aggregate functions only). Audited; guarded against differencing.
 */
export async function cohortReport(
  ctx: AppContext,
  actor: Actor,
  f: CohortFilter,
  format: 'json' | 'pdf' | 'xlsx' = 'json',
): Promise<CohortReport> {
  authorize(actor, 'reports.read');
  const result = await withActor(ctx, actor, async (scope) => {
    const data = await cohortData(ctx, scope, f);
    if (!(await releaseCohort(scope, f, data))) return { refused: data.threshold } as const;
    await scope.audit({
      action: 'reports.cohort',
      resourceType: 'cohort',
      details: { filter: filterKeyOf(f), format, perspective: f.perspective, pair: f.pair },
    });
    return { report: present(f, data) } as const;
  });
  if ('refused' in result) throw differencingRefusal(result.refused as number);
  return result.report;
}

/**
 * Two cohorts side by side (with vs. without a recognised disability, or programme A vs. B): the
 * difference of their mean change per dimension with a Welch 95 % interval; "too small" when a
 * group has fewer people than the threshold. Both cohorts pass the differencing defence.
 */
export async function compareCohorts(
  ctx: AppContext,
  actor: Actor,
  q: CompareQuery,
): Promise<CohortComparison> {
  authorize(actor, 'reports.read');
  const { by, programmeA, programmeB, ...base } = q;
  const filters: [CohortFilter, CohortFilter] =
    by === 'disability'
      ? [
          { ...base, disability: 'yes' },
          { ...base, disability: 'no' },
        ]
      : [
          { ...base, programmeId: programmeA as string },
          { ...base, programmeId: programmeB as string },
        ];
  const labels: [string, string] =
    by === 'disability' ? ['yes', 'no'] : [programmeA as string, programmeB as string];
  const result = await withActor(ctx, actor, async (scope) => {
    const data: CohortData[] = [];
    for (const f of filters) {
      const d = await cohortData(ctx, scope, f);
      if (!(await releaseCohort(scope, f, d))) return { refused: d.threshold } as const;
      data.push(d);
    }
    await scope.audit({
      action: 'reports.cohort',
      resourceType: 'cohort_comparison',
      details: { by, filter: filterKeyOf(base as CohortFilter) },
    });
    const [a, b] = data as [CohortData, CohortData];
    const threshold = a.threshold;
    const keys = [
      ...a.def.dimensions.map((d) => ({ key: d.key, title: d.title.de })),
      { key: TOTAL, title: 'Gesamtwert' },
    ];
    const dimensions = keys.map(({ key, title }) => {
      const fa = figure(
        key,
        title,
        a.rows.find((r) => r.dimension === key),
        threshold,
      );
      const fb = figure(
        key,
        title,
        b.rows.find((r) => r.dimension === key),
        threshold,
      );
      const tooSmall = fa.sums.n < threshold || fb.sums.n < threshold;
      const ca = pairedChange(fa.sums);
      const cb = pairedChange(fb.sums);
      const diff =
        !tooSmall && ca.meanChange !== null && cb.meanChange !== null
          ? welchDifference(
              { n: ca.n, mean: ca.meanChange, sd: ca.sdChange ?? 0 },
              { n: cb.n, mean: cb.meanChange, sd: cb.sdChange ?? 0 },
            )
          : null;
      return {
        key,
        title,
        meanChangeA: fa.meanChange,
        meanChangeB: fb.meanChange,
        difference: tooSmall ? SUPPRESSED_FIGURE : (diff?.difference ?? null),
        ci95: tooSmall ? SUPPRESSED_FIGURE : (diff?.ci95 ?? null),
        tooSmall,
      };
    });
    const groupN = (d: CohortData) =>
      protectCounts([d.attrition.stayed], [], threshold)[0] ?? SUPPRESSED_FIGURE;
    return {
      comparison: {
        by,
        groups: [
          { label: labels[0], n: groupN(a) },
          { label: labels[1], n: groupN(b) },
        ],
        dimensions,
        threshold,
      } satisfies CohortComparison,
    } as const;
  });
  if ('refused' in result) throw differencingRefusal(result.refused as number);
  return result.comparison;
}
