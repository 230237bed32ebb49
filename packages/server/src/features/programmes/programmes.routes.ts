import { programmeRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import * as budgets from './budgets.service.ts';
import * as enrolments from './enrolments.service.ts';
import { occupancy } from './occupancy.service.ts';
import * as programmes from './programmes.service.ts';
import { reportPdf } from './report.pdf.ts';
import { buildReport } from './report.service.ts';
import { reportXlsx } from './report.xlsx.ts';

export function programmeRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => programmes.list(ctx, actor, query.page, query.pageSize),
    create: async ({ body, actor }) => programmes.create(ctx, actor, body),
    agencies: async ({ actor }) => programmes.directory(ctx, actor),
    coaches: async ({ actor }) => programmes.coaches(ctx, actor),
    read: async ({ params, actor }) => programmes.get(ctx, actor, params.id),
    update: async ({ params, body, actor }) => programmes.update(ctx, actor, params.id, body),
    enrolments: async ({ params, query, actor }) => enrolments.list(ctx, actor, params.id, query),
    enrol: async ({ params, body, actor }) => enrolments.create(ctx, actor, params.id, body),
    admit: async ({ params, body, actor }) => enrolments.admit(ctx, actor, params.id, body),
    exit: async ({ params, body, actor }) => enrolments.exit(ctx, actor, params.id, body),
    occupancy: async ({ params, query, actor }) => occupancy(ctx, actor, params.id, query.year),
    budgets: async ({ params, query, actor }) => budgets.budgets(ctx, actor, params.id, query.year),
    setBudget: async ({ params, body, actor }) => budgets.setBudget(ctx, actor, params.id, body),
    expenditures: async ({ params, query, actor }) => budgets.listExpenditures(ctx, actor, params.id, query),
    book: async ({ params, body, actor }) => budgets.book(ctx, actor, params.id, body),
    report: async ({ params, query, actor, reply }) => {
      const { format } = query;
      const report = await buildReport(ctx, actor, params.id, query.from, query.to, format, query.period);
      if (format === 'json') return report;
      const name = `foerderbericht-${report.period.from}-${report.period.to}`;
      if (format === 'pdf') {
        const pdf = await reportPdf(report, await letterheadFor(ctx, actor));
        return sendFile(reply, pdf, { name: `${name}.pdf`, type: 'application/pdf' });
      }
      const xlsx = await reportXlsx(report);
      return sendFile(reply, xlsx, {
        name: `${name}.xlsx`,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    },
  });
}
