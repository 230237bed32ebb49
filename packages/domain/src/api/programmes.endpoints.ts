import type { Endpoint } from './route.ts';

/** Programmes and funding: programmes, enrolments, occupancy, budgets, expenditures, funder reports. */

export const programmeEndpoints = {
  list: { method: 'GET', path: '/api/programmes' },
  create: { method: 'POST', path: '/api/programmes' },
  agencies: { method: 'GET', path: '/api/programme-agencies' },
  coaches: { method: 'GET', path: '/api/programme-coaches' },
  read: { method: 'GET', path: '/api/programmes/:id' },
  update: { method: 'PATCH', path: '/api/programmes/:id' },
  enrolments: { method: 'GET', path: '/api/programmes/:id/enrolments' },
  enrol: { method: 'POST', path: '/api/programmes/:id/enrolments' },
  admit: { method: 'POST', path: '/api/enrolments/:id/admit' },
  exit: { method: 'POST', path: '/api/enrolments/:id/exit' },
  occupancy: { method: 'GET', path: '/api/programmes/:id/occupancy' },
  budgets: { method: 'GET', path: '/api/programmes/:id/budgets' },
  setBudget: { method: 'POST', path: '/api/programmes/:id/budgets' },
  expenditures: { method: 'GET', path: '/api/programmes/:id/expenditures' },
  book: { method: 'POST', path: '/api/programmes/:id/expenditures' },
  report: { method: 'GET', path: '/api/programmes/:id/report' },
} as const satisfies Record<string, Endpoint>;
