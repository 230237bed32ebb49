import {
  admitEnrolmentRequest,
  budgetQuery,
  budgetsView,
  createEnrolmentRequest,
  createExpenditureRequest,
  createProgrammeRequest,
  enrolmentListQuery,
  enrolmentView,
  exitEnrolmentRequest,
  expenditureListQuery,
  expenditureView,
  fundingLine,
  occupancyQuery,
  occupancyView,
  paged,
  programmeListQuery,
  programmeReport,
  programmeView,
  reportQuery,
  setBudgetRequest,
  updateProgrammeRequest,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import * as budgets from './budgets.service.ts';
import * as enrolments from './enrolments.service.ts';
import { occupancy } from './occupancy.service.ts';
import * as programmes from './programmes.service.ts';
import { reportPdf } from './report.pdf.ts';
import { buildReport } from './report.service.ts';
import { reportXlsx } from './report.xlsx.ts';

const tags = ['Programme und Förderung'];
const idParams = z.object({ id: z.uuid() });
const programmeBody = z.object({ programme: programmeView });
const enrolmentBody = z.object({ enrolment: enrolmentView });

export function programmeRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/programmes',
    {
      config: { action: 'programmes.read' },
      schema: {
        tags,
        summary: 'Programmes the own agency takes part in',
        querystring: programmeListQuery,
        response: { 200: paged(programmeView) },
      },
    },
    async (req) => programmes.list(ctx, actorOf(req), req.query.page, req.query.pageSize),
  );

  app.post(
    '/api/programmes',
    {
      config: { action: 'programmes.manage' },
      schema: {
        tags,
        summary: 'Create a programme owned by the own agency, with partner/participant agencies and places',
        body: createProgrammeRequest,
        response: { 201: programmeBody },
      },
    },
    async (req, reply) => reply.status(201).send(await programmes.create(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/programme-agencies',
    {
      config: { action: 'programmes.read' },
      schema: {
        tags,
        summary: 'Agencies that can take part in a programme (names only)',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) }),
        },
      },
    },
    async (req) => programmes.directory(ctx, actorOf(req)),
  );

  app.get(
    '/api/programme-coaches',
    {
      config: { action: 'enrolments.write' },
      schema: {
        tags,
        summary: 'Staff of the own agency who can be named as coach of an enrolment',
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }) },
      },
    },
    async (req) => programmes.coaches(ctx, actorOf(req)),
  );

  app.get(
    '/api/programmes/:id',
    {
      config: { action: 'programmes.read' },
      schema: {
        tags,
        summary: 'One programme with its agencies and places',
        params: idParams,
        response: { 200: programmeBody },
      },
    },
    async (req) => programmes.get(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/programmes/:id',
    {
      config: { action: 'programmes.manage' },
      schema: {
        tags,
        summary: 'Change a programme (owner and partners); `agencies` replaces agencies and places',
        params: idParams,
        body: updateProgrammeRequest,
        response: { 200: programmeBody },
      },
    },
    async (req) => programmes.update(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/programmes/:id/enrolments',
    {
      config: { action: 'enrolments.read' },
      schema: {
        tags,
        summary: 'Enrolments of the own agency in a programme (waiting list included)',
        params: idParams,
        querystring: enrolmentListQuery,
        response: { 200: paged(enrolmentView) },
      },
    },
    async (req) => enrolments.list(ctx, actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/programmes/:id/enrolments',
    {
      config: { action: 'enrolments.write' },
      schema: {
        tags,
        summary: 'Enrol a client (or put them on the waiting list); over-booking needs a reason',
        params: idParams,
        body: createEnrolmentRequest,
        response: { 201: enrolmentBody },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await enrolments.create(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/enrolments/:id/admit',
    {
      config: { action: 'enrolments.write' },
      schema: {
        tags,
        summary: 'Give a place to a client on the waiting list',
        params: idParams,
        body: admitEnrolmentRequest,
        response: { 200: enrolmentBody },
      },
    },
    async (req) => enrolments.admit(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/enrolments/:id/exit',
    {
      config: { action: 'enrolments.write' },
      schema: {
        tags,
        summary: 'End a participation (frees the place) or a wait on the waiting list',
        params: idParams,
        body: exitEnrolmentRequest,
        response: { 200: enrolmentBody },
      },
    },
    async (req) => enrolments.exit(ctx, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/programmes/:id/occupancy',
    {
      config: { action: 'programmes.figures.read' },
      schema: {
        tags,
        summary: 'Places funded vs. occupied per agency and month; other agencies suppressed',
        params: idParams,
        querystring: occupancyQuery,
        response: { 200: occupancyView },
      },
    },
    async (req) => occupancy(ctx, actorOf(req), req.params.id, req.query.year),
  );

  app.get(
    '/api/programmes/:id/budgets',
    {
      config: { action: 'budgets.read' },
      schema: {
        tags,
        summary: 'Budgets per agency and funding line with spent, remaining and burn-rate warning',
        params: idParams,
        querystring: budgetQuery,
        response: { 200: budgetsView },
      },
    },
    async (req) => budgets.budgets(ctx, actorOf(req), req.params.id, req.query.year),
  );

  app.post(
    '/api/programmes/:id/budgets',
    {
      config: { action: 'budgets.manage' },
      schema: {
        tags,
        summary: 'Set the budget of one funding line for an agency and year (amount in euros as text)',
        params: idParams,
        body: setBudgetRequest,
        response: {
          201: z.object({
            budget: z.object({ agencyId: z.uuid(), year: z.number().int(), fundingLine, amount: z.string() }),
          }),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await budgets.setBudget(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/programmes/:id/expenditures',
    {
      config: { action: 'budgets.read' },
      schema: {
        tags,
        summary: 'Expenditure bookings of the own agency',
        params: idParams,
        querystring: expenditureListQuery,
        response: { 200: paged(expenditureView) },
      },
    },
    async (req) => budgets.listExpenditures(ctx, actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/programmes/:id/expenditures',
    {
      config: { action: 'expenditures.write' },
      schema: {
        tags,
        summary: 'Book an expenditure: {"fundingLine","amount":"1234.50","date","reference"}',
        params: idParams,
        body: createExpenditureRequest,
        response: { 201: z.object({ expenditure: expenditureView }) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await budgets.book(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/programmes/:id/report',
    {
      config: { action: 'programmes.report' },
      schema: {
        tags,
        summary: 'Funder report for a period as JSON, PDF or XLSX; small counts suppressed',
        params: idParams,
        querystring: reportQuery,
        response: { 200: programmeReport },
      },
    },
    async (req, reply) => {
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
  );
}
