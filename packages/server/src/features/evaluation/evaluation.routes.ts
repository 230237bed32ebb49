import {
  cohortComparison,
  cohortQuery,
  cohortReport as cohortReportSchema,
  compareQuery,
  funnelReport as funnelReportSchema,
  outcomesReport as outcomesReportSchema,
  periodQuery,
  reliabilityQuery,
  reliabilityReport as reliabilityReportSchema,
} from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import { cohortPdf, cohortXlsx } from './cohort.documents.ts';
import { cohortReport, compareCohorts } from './cohort.service.ts';
import { funnelReport, outcomesReport } from './outcomes.service.ts';
import { reliabilityReport } from './reliability.service.ts';

const tags = ['Wirkung und Evaluation'];

export function evaluationRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/reports/cohort',
    {
      config: { action: 'reports.read' },
      schema: {
        tags,
        summary:
          'Change per dimension of a cohort (paired t CI, SRM, reliable change), attrition, reference values',
        querystring: cohortQuery,
        response: { 200: cohortReportSchema },
      },
    },
    async (req) => cohortReport(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/reports/cohort.pdf',
    {
      config: { action: 'reports.read' },
      schema: { tags, summary: 'The cohort report as PDF', querystring: cohortQuery },
    },
    async (req, reply) => {
      const report = await cohortReport(ctx, actorOf(req), req.query, 'pdf');
      const pdf = await cohortPdf(report, await letterheadFor(ctx, actorOf(req)));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="kohortenbericht.pdf"')
        .send(pdf as never);
    },
  );

  app.get(
    '/api/reports/cohort.xlsx',
    {
      config: { action: 'reports.read' },
      schema: { tags, summary: 'The cohort report as XLSX', querystring: cohortQuery },
    },
    async (req, reply) => {
      const xlsx = await cohortXlsx(await cohortReport(ctx, actorOf(req), req.query, 'xlsx'));
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="kohortenbericht.xlsx"')
        .send(xlsx as never);
    },
  );

  app.get(
    '/api/reports/cohort/compare',
    {
      config: { action: 'reports.read' },
      schema: {
        tags,
        summary: 'Two cohorts side by side: difference of the mean change with a Welch 95 % interval',
        querystring: compareQuery,
        response: { 200: cohortComparison },
      },
    },
    async (req) => compareCohorts(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/reports/reliability',
    {
      config: { action: 'reports.reliability' },
      schema: {
        tags,
        summary:
          "Instrument quality: Cronbach's alpha, item statistics, floor and ceiling (all agencies, aggregates)",
        querystring: reliabilityQuery,
        response: { 200: reliabilityReportSchema },
      },
    },
    async (req) => reliabilityReport(ctx, actorOf(req), req.query.instrumentVersionId, req.query.perspective),
  );

  app.get(
    '/api/reports/outcomes',
    {
      config: { action: 'reports.read' },
      schema: {
        tags,
        summary: 'Case outcomes, time to outcome, change by outcome, disability vs. others',
        querystring: periodQuery,
        response: { 200: outcomesReportSchema },
      },
    },
    async (req) => outcomesReport(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/reports/funnel',
    {
      config: { action: 'reports.read' },
      schema: {
        tags,
        summary: 'Process funnel from intake to outcome',
        querystring: periodQuery,
        response: { 200: funnelReportSchema },
      },
    },
    async (req) => funnelReport(ctx, actorOf(req), req.query),
  );
}
