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
import { idParams } from './params.ts';
import { programmeEndpoints } from './programmes.endpoints.ts';
import { defineRoutes } from './route.ts';

const tags = ['Programme und Förderung'];
const programmeBody = z.object({ programme: programmeView });
const enrolmentBody = z.object({ enrolment: enrolmentView });

export const programmeRoutes = defineRoutes(programmeEndpoints, {
  list: {
    tags,
    summary: 'Programmes the own agency takes part in',
    query: programmeListQuery,
    response: { 200: paged(programmeView) },
  },
  create: {
    tags,
    summary: 'Create a programme owned by the own agency, with partner/participant agencies and places',
    body: createProgrammeRequest,
    response: { 201: programmeBody },
  },
  agencies: {
    tags,
    summary: 'Agencies that can take part in a programme (names only)',
    response: {
      200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) }),
    },
  },
  coaches: {
    tags,
    summary: 'Staff of the own agency who can be named as coach of an enrolment',
    response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }) },
  },
  read: {
    tags,
    summary: 'One programme with its agencies and places',
    params: idParams,
    response: { 200: programmeBody },
  },
  update: {
    tags,
    summary: 'Change a programme (owner and partners); `agencies` replaces agencies and places',
    params: idParams,
    body: updateProgrammeRequest,
    response: { 200: programmeBody },
  },
  enrolments: {
    tags,
    summary: 'Enrolments of the own agency in a programme (waiting list included)',
    params: idParams,
    query: enrolmentListQuery,
    response: { 200: paged(enrolmentView) },
  },
  enrol: {
    tags,
    summary: 'Enrol a client (or put them on the waiting list); over-booking needs a reason',
    params: idParams,
    body: createEnrolmentRequest,
    response: { 201: enrolmentBody },
  },
  admit: {
    tags,
    summary: 'Give a place to a client on the waiting list',
    params: idParams,
    body: admitEnrolmentRequest,
    response: { 200: enrolmentBody },
  },
  exit: {
    tags,
    summary: 'End a participation (frees the place) or a wait on the waiting list',
    params: idParams,
    body: exitEnrolmentRequest,
    response: { 200: enrolmentBody },
  },
  occupancy: {
    tags,
    summary: 'Places funded vs. occupied per agency and month; other agencies suppressed',
    params: idParams,
    query: occupancyQuery,
    response: { 200: occupancyView },
  },
  budgets: {
    tags,
    summary: 'Budgets per agency and funding line with spent, remaining and burn-rate warning',
    params: idParams,
    query: budgetQuery,
    response: { 200: budgetsView },
  },
  setBudget: {
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
  expenditures: {
    tags,
    summary: 'Expenditure bookings of the own agency',
    params: idParams,
    query: expenditureListQuery,
    response: { 200: paged(expenditureView) },
  },
  book: {
    tags,
    summary: 'Book an expenditure: {"fundingLine","amount":"1234.50","date","reference"}',
    params: idParams,
    body: createExpenditureRequest,
    response: { 201: z.object({ expenditure: expenditureView }) },
  },
  report: {
    tags,
    summary: 'Funder report for a period as JSON, PDF or XLSX; small counts suppressed',
    params: idParams,
    query: reportQuery,
    response: { 200: programmeReport },
  },
});
