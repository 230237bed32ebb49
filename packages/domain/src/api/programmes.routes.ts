import { z } from 'zod';
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
import { answers, pagedList, queried, recordContracts } from './contracts.ts';
import { defineRoutes } from './define-routes.ts';
import { programmeEndpoints } from './programmes.endpoints.ts';

const group = { tags: ['Programme und Förderung'] };
const programme = recordContracts(z.object({ programme: programmeView }), {
  read: 'programmes.read',
  write: 'programmes.manage',
});
const enrolment = recordContracts(z.object({ enrolment: enrolmentView }), {
  read: 'enrolments.read',
  write: 'enrolments.write',
});

export const programmeRoutes = defineRoutes(programmeEndpoints, group, {
  list: pagedList(
    'programmes.read',
    'Programmes the own agency takes part in',
    programmeListQuery,
    programmeView,
  ),
  create: programme.create(
    'Create a programme owned by the own agency, with partner/participant agencies and places',
    createProgrammeRequest,
  ),
  agencies: {
    access: 'programmes.read',
    summary: 'Agencies that can take part in a programme (names only)',
    response: {
      200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })) }),
    },
  },
  coaches: answers(
    'enrolments.write',
    'Staff of the own agency who can be named as coach of an enrolment',
    z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }),
  ),
  read: programme.read('One programme with its agencies and places'),
  update: programme.change(
    'Change a programme (owner and partners); `agencies` replaces agencies and places',
    updateProgrammeRequest,
  ),
  enrolments: pagedList(
    'enrolments.read',
    'Enrolments of the own agency in a programme (waiting list included)',
    enrolmentListQuery,
    enrolmentView,
  ),
  enrol: enrolment.create(
    'Enrol a client (or put them on the waiting list); over-booking needs a reason',
    createEnrolmentRequest,
  ),
  admit: enrolment.change('Give a place to a client on the waiting list', admitEnrolmentRequest),
  exit: enrolment.change(
    'End a participation (frees the place) or a wait on the waiting list',
    exitEnrolmentRequest,
  ),
  occupancy: queried(
    'programmes.figures.read',
    'Places funded vs. occupied per agency and month; other agencies suppressed',
    occupancyQuery,
    occupancyView,
  ),
  budgets: queried(
    'budgets.read',
    'Budgets per agency and funding line with spent, remaining and burn-rate warning',
    budgetQuery,
    budgetsView,
  ),
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
  expenditures: pagedList(
    'budgets.read',
    'Expenditure bookings of the own agency',
    expenditureListQuery,
    expenditureView,
  ),
  book: {
    access: 'expenditures.write',
    summary: 'Book an expenditure: {"fundingLine","amount":"1234.50","date","reference"}',
    body: createExpenditureRequest,
    response: { 201: z.object({ expenditure: expenditureView }) },
  },
  report: queried(
    'programmes.report',
    'Funder report for a period as JSON, PDF or XLSX; small counts suppressed',
    reportQuery,
    programmeReport,
  ),
});
