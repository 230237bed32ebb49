import type { Endpoint } from './route.ts';

/** Case work: clients, cases, consents, contacts, goals, caseload, imports and records. */

export const goalEndpoints = {
  list: { method: 'GET', path: '/api/clients/:id/goals' },
  create: { method: 'POST', path: '/api/clients/:id/goals' },
  update: { method: 'PATCH', path: '/api/goals/:id' },
} as const satisfies Record<string, Endpoint>;
