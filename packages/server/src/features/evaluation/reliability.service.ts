import { type Perspective, type ReliabilityReport, SUPPRESSED_FIGURE, sampleVariance } from '@lotse/domain';
import type { Actor, AppContext } from '../../platform/context.ts';
import { withActor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { suppressionThreshold } from '../agency/suppression-threshold.ts';
import { definitionOf, findInstrument } from '../instruments/instruments.service.ts';
import { protectCounts, protectStatistic } from './protect.ts';
import { instrumentFigures } from './reference.ts';

/**
 * Instrument quality from all agencies' intake assessments of one version (aggregates only): per
 * dimension Cronbach's alpha with its n, score mean and SD, floor and ceiling shares; per item mean,
 * SD, share missing and corrected item-total correlation. Figures over fewer people than the
 * threshold are hidden.
 */
export async function reliabilityReport(
  ctx: AppContext,
  actor: Actor,
  instrumentVersionId: string,
  perspective: Perspective,
): Promise<ReliabilityReport> {
  authorize(actor, 'reports.reliability');
  return withActor(ctx, actor, async (scope) => {
    const row = await findInstrument(scope.tx, instrumentVersionId);
    if (row?.status !== 'published') throw notFound('Instrument nicht gefunden.');
    const def = definitionOf(row);
    const threshold = await suppressionThreshold(ctx, scope);
    const figures = await instrumentFigures(scope, row.id, def, perspective);
    const count = (n: number) => protectCounts([n], [], threshold)[0] ?? SUPPRESSED_FIGURE;
    await scope.audit({
      action: 'reports.reliability',
      resourceType: 'instrument',
      resourceId: row.id,
      details: { perspective },
    });
    return {
      instrumentVersionId: row.id,
      instrument: def.title.de,
      version: row.version,
      perspective,
      occasion: 'intake',
      assessments: count(figures.assessments),
      threshold,
      dimensions: def.dimensions.map((d) => {
        const f = figures.dimensions.find((x) => x.key === d.key);
        const s = f?.score ?? { n: 0, sum: 0, sumSquares: 0, floor: 0, ceiling: 0 };
        const variance = sampleVariance(s.n, s.sum, s.sumSquares);
        return {
          key: d.key,
          title: d.title.de,
          alpha: protectStatistic(f?.alpha ?? null, f?.alphaN ?? 0, threshold),
          alphaN: count(f?.alphaN ?? 0),
          n: count(s.n),
          mean: protectStatistic(s.n > 0 ? s.sum / s.n : null, s.n, threshold),
          sd: protectStatistic(variance === null ? null : Math.sqrt(variance), s.n, threshold),
          floorShare: protectStatistic(s.n > 0 ? s.floor / s.n : null, s.n, threshold),
          ceilingShare: protectStatistic(s.n > 0 ? s.ceiling / s.n : null, s.n, threshold),
          items: (f?.items ?? []).map((i) => ({
            key: i.key,
            mean: protectStatistic(i.mean, i.n, threshold),
            sd: protectStatistic(i.sd, i.n, threshold),
            missingShare: protectStatistic(i.missingShare, figures.assessments, threshold),
            itemTotal: protectStatistic(i.itemTotal, f?.alphaN ?? 0, threshold),
          })),
        };
      }),
    };
  });
}
