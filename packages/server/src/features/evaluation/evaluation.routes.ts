import { evaluationRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import { cohortPdf, cohortXlsx } from './cohort.documents.ts';
import { cohortReport, compareCohorts } from './cohort.service.ts';
import { funnelReport, outcomesReport } from './outcomes.service.ts';
import { reliabilityReport } from './reliability.service.ts';

export function evaluationRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    cohort: async ({ query, actor }) => cohortReport(ctx, actor, query),
    cohortPdf: async ({ query, actor, reply }) => {
      const report = await cohortReport(ctx, actor, query, 'pdf');
      const pdf = await cohortPdf(report, await letterheadFor(ctx, actor));
      return sendFile(reply, pdf, { name: 'kohortenbericht.pdf', type: 'application/pdf' });
    },
    cohortXlsx: async ({ query, actor, reply }) => {
      const xlsx = await cohortXlsx(await cohortReport(ctx, actor, query, 'xlsx'));
      return sendFile(reply, xlsx, {
        name: 'kohortenbericht.xlsx',
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    },
    compare: async ({ query, actor }) => compareCohorts(ctx, actor, query),
    reliability: async ({ query, actor }) =>
      reliabilityReport(ctx, actor, query.instrumentVersionId, query.perspective),
    outcomes: async ({ query, actor }) => outcomesReport(ctx, actor, query),
    funnel: async ({ query, actor }) => funnelReport(ctx, actor, query),
  });
}
