import { evaluationRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import { cohortPdf, cohortXlsx } from './cohort.documents.ts';
import { cohortReport, compareCohorts } from './cohort.service.ts';
import { funnelReport, outcomesReport } from './outcomes.service.ts';
import { reliabilityReport } from './reliability.service.ts';

export function evaluationRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.cohort),
    config: { action: 'reports.read' },
    handler: async (req) => cohortReport(ctx, actorOf(req), req.query),
  });

  app.route({
    ...declared(routes.cohortPdf),
    config: { action: 'reports.read' },
    handler: async (req, reply) => {
      const report = await cohortReport(ctx, actorOf(req), req.query, 'pdf');
      const pdf = await cohortPdf(report, await letterheadFor(ctx, actorOf(req)));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="kohortenbericht.pdf"')
        .send(pdf as never);
    },
  });

  app.route({
    ...declared(routes.cohortXlsx),
    config: { action: 'reports.read' },
    handler: async (req, reply) => {
      const xlsx = await cohortXlsx(await cohortReport(ctx, actorOf(req), req.query, 'xlsx'));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="kohortenbericht.xlsx"')
        .send(xlsx as never);
    },
  });

  app.route({
    ...declared(routes.compare),
    config: { action: 'reports.read' },
    handler: async (req) => compareCohorts(ctx, actorOf(req), req.query),
  });

  app.route({
    ...declared(routes.reliability),
    config: { action: 'reports.reliability' },
    handler: async (req) =>
      reliabilityReport(ctx, actorOf(req), req.query.instrumentVersionId, req.query.perspective),
  });

  app.route({
    ...declared(routes.outcomes),
    config: { action: 'reports.read' },
    handler: async (req) => outcomesReport(ctx, actorOf(req), req.query),
  });

  app.route({
    ...declared(routes.funnel),
    config: { action: 'reports.read' },
    handler: async (req) => funnelReport(ctx, actorOf(req), req.query),
  });
}
