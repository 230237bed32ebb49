import type { Endpoint } from './route.ts';

/** Evaluation and research: cohort, outcome and quality reports, research projects and their exports. */

export const evaluationEndpoints = {
  cohort: { method: 'GET', path: '/api/reports/cohort' },
  cohortPdf: { method: 'GET', path: '/api/reports/cohort.pdf' },
  cohortXlsx: { method: 'GET', path: '/api/reports/cohort.xlsx' },
  compare: { method: 'GET', path: '/api/reports/cohort/compare' },
  reliability: { method: 'GET', path: '/api/reports/reliability' },
  outcomes: { method: 'GET', path: '/api/reports/outcomes' },
  funnel: { method: 'GET', path: '/api/reports/funnel' },
} as const satisfies Record<string, Endpoint>;

export const researchEndpoints = {
  list: { method: 'GET', path: '/api/research-projects' },
  create: { method: 'POST', path: '/api/research-projects' },
  approve: { method: 'POST', path: '/api/research-projects/:id/approve' },
  createExport: { method: 'POST', path: '/api/research-projects/:id/exports' },
  download: { method: 'GET', path: '/api/research-exports/:id/download' },
} as const satisfies Record<string, Endpoint>;
