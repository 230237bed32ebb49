import { z } from 'zod';
import { paged } from '../common/paging.ts';
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
  programmeListQuery,
  programmeReport,
  programmeView,
  reportQuery,
  setBudgetRequest,
  updateProgrammeRequest,
} from '../programmes/index.ts';
import { defineRoutes } from './define-routes.ts';
import { programmeEndpoints } from './programmes.endpoints.ts';

const group = { tags: ['Programme und Förderung'] };
const programmeBody = z.object({ programme: programmeView });
const enrolmentBody = z.object({ enrolment: enrolmentView });

export const programmeRoutes = defineRoutes(programmeEndpoints, group, {
  list: {
    access: 'programmes.read',
    summary: 'Programmes the own agency takes part in',
    query: programmeListQuery,
    response: { 200: paged(programmeView) },
  },
  create: {
    access: 'programmes.manage',
    summary: 'Create a programme owned by the own agency, with partner/participant agencies and places',
    body: createProgrammeRequest,
    response: { 201: programmeBody },
  },
  agencies: {
    access: 'programmes.read',
    summary: 'Agencies that can take part in a programme (names only)',
    response: {
      200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) }),
    },
  },
  coaches: {
    access: 'enrolments.write',
    summary: 'Staff of the own agency who can be named as coach of an enrolment',
    response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }) },
  },
  read: {
    access: 'programmes.read',
    summary: 'One programme with its agencies and places',
    response: { 200: programmeBody },
  },
  update: {
    access: 'programmes.manage',
    summary: 'Change a programme (owner and partners); `agencies` replaces agencies and places',
    body: updateProgrammeRequest,
    response: { 200: programmeBody },
  },
  enrolments: {
    access: 'enrolments.read',
    summary: 'Enrolments of the own agency in a programme (waiting list included)',
    query: enrolmentListQuery,
    response: { 200: paged(enrolmentView) },
  },
  enrol: {
    access: 'enrolments.write',
    summary: 'Enrol a client (or put them on the waiting list); over-booking needs a reason',
    body: createEnrolmentRequest,
    response: { 201: enrolmentBody },
  },
  admit: {
    access: 'enrolments.write',
    summary: 'Give a place to a client on the waiting list',
    body: admitEnrolmentRequest,
    response: { 200: enrolmentBody },
  },
  exit: {
    access: 'enrolments.write',
    summary: 'End a participation (frees the place) or a wait on the waiting list',
    body: exitEnrolmentRequest,
    response: { 200: enrolmentBody },
  },
  occupancy: {
    access: 'programmes.figures.read',
    summary: 'Places funded vs. occupied per agency and month; other agencies suppressed',
    query: occupancyQuery,
    response: { 200: occupancyView },
  },
  budgets: {
    access: 'budgets.read',
    summary: 'Budgets per agency and funding line with spent, remaining and burn-rate warning',
    query: budgetQuery,
    response: { 200: budgetsView },
  },
  setBudget: {
    access: 'budgets.manage',
    summary: 'Set the budget of one funding line for an agency and year (amount in euros as text)',
    body: setBudgetRequest,
    response: {
      201: z.object({
        budget: z.object({ agencyId: z.uuid(), year: z.number().int(), fundingLine, amount: z.string() }),
      }),
    },
  },
  expenditures: {
    access: 'budgets.read',
    summary: 'Expenditure bookings of the own agency',
    query: expenditureListQuery,
    response: { 200: paged(expenditureView) },
  },
  book: {
    access: 'expenditures.write',
    summary: 'Book an expenditure: {"fundingLine","amount":"1234.50","date","reference"}',
    body: createExpenditureRequest,
    response: { 201: z.object({ expenditure: expenditureView }) },
  },
  report: {
    access: 'programmes.report',
    summary: 'Funder report for a period as JSON, PDF or XLSX; small counts suppressed',
    query: reportQuery,
    response: { 200: programmeReport },
  },
});
