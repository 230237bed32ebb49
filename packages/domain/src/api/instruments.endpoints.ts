import type { Endpoint } from './route.ts';

/** Instruments: instrument versions, assessments with progress, and the client's self-assessment link. */

export const instrumentEndpoints = {
  list: { method: 'GET', path: '/api/instruments' },
  read: { method: 'GET', path: '/api/instruments/:id' },
  copyToDraft: { method: 'POST', path: '/api/instruments/:id/drafts' },
  update: { method: 'PATCH', path: '/api/instruments/:id' },
  publish: { method: 'POST', path: '/api/instruments/:id/publish' },
  exportFhir: { method: 'GET', path: '/api/instruments/:id/fhir' },
  importFhir: { method: 'POST', path: '/api/instruments/import/fhir' },
  downloadForm: { method: 'GET', path: '/api/instruments/:id/form.pdf' },
} as const satisfies Record<string, Endpoint>;

export const assessmentEndpoints = {
  create: { method: 'POST', path: '/api/clients/:id/assessments' },
  importFhir: { method: 'POST', path: '/api/clients/:id/assessments/import/fhir' },
  list: { method: 'GET', path: '/api/clients/:id/assessments' },
  progress: { method: 'GET', path: '/api/clients/:id/progress' },
  read: { method: 'GET', path: '/api/assessments/:id' },
  update: { method: 'PATCH', path: '/api/assessments/:id' },
  complete: { method: 'POST', path: '/api/assessments/:id/complete' },
  amend: { method: 'POST', path: '/api/assessments/:id/amendments' },
  exportFhir: { method: 'GET', path: '/api/assessments/:id/fhir' },
  downloadPdf: { method: 'GET', path: '/api/assessments/:id/pdf' },
  downloadProgressPdf: { method: 'GET', path: '/api/clients/:id/progress.pdf' },
} as const satisfies Record<string, Endpoint>;

export const selfAssessmentEndpoints = {
  createLink: { method: 'POST', path: '/api/clients/:id/self-assessment-links' },
  listLinks: { method: 'GET', path: '/api/clients/:id/self-assessment-links' },
  revokeLink: { method: 'POST', path: '/api/self-assessment-links/:id/revoke' },
  open: { method: 'GET', path: '/api/self-assessment/:token' },
  saveDraft: { method: 'PUT', path: '/api/self-assessment/:token/draft' },
  submit: { method: 'POST', path: '/api/self-assessment/:token/submit' },
} as const satisfies Record<string, Endpoint>;
