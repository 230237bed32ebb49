import type { Endpoint } from './route.ts';

/** Case work: clients, cases, consents, contacts, goals, caseload, imports and records. */

export const goalEndpoints = {
  list: { method: 'GET', path: '/api/clients/:id/goals' },
  create: { method: 'POST', path: '/api/clients/:id/goals' },
  update: { method: 'PATCH', path: '/api/goals/:id' },
} as const satisfies Record<string, Endpoint>;

export const clientEndpoints = {
  list: { method: 'GET', path: '/api/clients' },
  create: { method: 'POST', path: '/api/clients' },
  read: { method: 'GET', path: '/api/clients/:id' },
  update: { method: 'PATCH', path: '/api/clients/:id' },
} as const satisfies Record<string, Endpoint>;

export const caseEndpoints = {
  close: { method: 'POST', path: '/api/clients/:id/close' },
  reopen: { method: 'POST', path: '/api/clients/:id/reopen' },
  handover: { method: 'POST', path: '/api/clients/:id/handover' },
  share: { method: 'POST', path: '/api/clients/:id/share' },
  listGuides: { method: 'GET', path: '/api/guides' },
  listPartnerAgencies: { method: 'GET', path: '/api/partner-agencies' },
} as const satisfies Record<string, Endpoint>;

export const consentEndpoints = {
  list: { method: 'GET', path: '/api/clients/:id/consents' },
  create: { method: 'POST', path: '/api/clients/:id/consents' },
  withdraw: { method: 'POST', path: '/api/consents/:id/withdraw' },
} as const satisfies Record<string, Endpoint>;

export const contactEndpoints = {
  list: { method: 'GET', path: '/api/clients/:id/contacts' },
  create: { method: 'POST', path: '/api/clients/:id/contacts' },
} as const satisfies Record<string, Endpoint>;

export const caseloadEndpoints = {
  read: { method: 'GET', path: '/api/caseload' },
} as const satisfies Record<string, Endpoint>;

/** Uploads: the body is the CSV or XLSX file itself, sent with its content type. */
export const clientImportEndpoints = {
  preview: { method: 'POST', path: '/api/client-imports/preview' },
  run: { method: 'POST', path: '/api/client-imports' },
} as const satisfies Record<string, Endpoint>;

export const clientRecordEndpoints = {
  exportRecord: { method: 'GET', path: '/api/clients/:id/export' },
  downloadConsentForm: { method: 'GET', path: '/api/clients/:id/consent-form' },
  downloadGoalAgreement: { method: 'GET', path: '/api/clients/:id/goal-agreement' },
  erase: { method: 'POST', path: '/api/clients/:id/erase' },
} as const satisfies Record<string, Endpoint>;
