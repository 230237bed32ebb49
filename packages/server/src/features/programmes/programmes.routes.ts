import { programmeRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import * as budgets from './budgets.service.ts';
import * as enrolments from './enrolments.service.ts';
import { occupancy } from './occupancy.service.ts';
import * as programmes from './programmes.service.ts';
import { reportPdf } from './report.pdf.ts';
import { buildReport } from './report.service.ts';
import { reportXlsx } from './report.xlsx.ts';

export function programmeRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'programmes.read' },
    handler: async (req) => programmes.list(ctx, actorOf(req), req.query.page, req.query.pageSize),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'programmes.manage' },
    handler: async (req, reply) =>
      reply.status(201).send(await programmes.create(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.agencies),
    config: { action: 'programmes.read' },
    handler: async (req) => programmes.directory(ctx, actorOf(req)),
  });

  app.route({
    ...declared(routes.coaches),
    config: { action: 'enrolments.write' },
    handler: async (req) => programmes.coaches(ctx, actorOf(req)),
  });

  app.route({
    ...declared(routes.read),
    config: { action: 'programmes.read' },
    handler: async (req) => programmes.get(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'programmes.manage' },
    handler: async (req) => programmes.update(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.enrolments),
    config: { action: 'enrolments.read' },
    handler: async (req) => enrolments.list(ctx, actorOf(req), req.params.id, req.query),
  });

  app.route({
    ...declared(routes.enrol),
    config: { action: 'enrolments.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await enrolments.create(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.admit),
    config: { action: 'enrolments.write' },
    handler: async (req) => enrolments.admit(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.exit),
    config: { action: 'enrolments.write' },
    handler: async (req) => enrolments.exit(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.occupancy),
    config: { action: 'programmes.figures.read' },
    handler: async (req) => occupancy(ctx, actorOf(req), req.params.id, req.query.year),
  });

  app.route({
    ...declared(routes.budgets),
    config: { action: 'budgets.read' },
    handler: async (req) => budgets.budgets(ctx, actorOf(req), req.params.id, req.query.year),
  });

  app.route({
    ...declared(routes.setBudget),
    config: { action: 'budgets.manage' },
    handler: async (req, reply) =>
      reply.status(201).send(await budgets.setBudget(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.expenditures),
    config: { action: 'budgets.read' },
    handler: async (req) => budgets.listExpenditures(ctx, actorOf(req), req.params.id, req.query),
  });

  app.route({
    ...declared(routes.book),
    config: { action: 'expenditures.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await budgets.book(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.report),
    config: { action: 'programmes.report' },
    handler: async (req, reply) => {
      const { format } = req.query;
      const report = await buildReport(
        ctx,
        actorOf(req),
        req.params.id,
        req.query.from,
        req.query.to,
        format,
        req.query.period,
      );
      if (format === 'json') return report;
      const name = `foerderbericht-${report.period.from}-${report.period.to}`;
      if (format === 'pdf') {
        const pdf = await reportPdf(report, await letterheadFor(ctx, actorOf(req)));
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(pdf as never);
      }
      const xlsx = await reportXlsx(report);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(xlsx as never);
    },
  });
}
