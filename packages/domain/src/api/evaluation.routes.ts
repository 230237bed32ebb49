import { z } from 'zod';
import {
  cohortComparison,
  cohortQuery,
  cohortReport,
  compareQuery,
  createResearchProjectRequest,
  funnelReport,
  outcomesReport,
  periodQuery,
  reliabilityQuery,
  reliabilityReport,
  researchDownloadQuery,
  researchExportCreated,
  researchProjectView,
} from '../statistics/evaluation.schema.ts';
import { answers, queried } from './contracts.ts';
import { defineRoutes } from './define-routes.ts';
import { evaluationEndpoints, researchEndpoints } from './evaluation.endpoints.ts';

const evaluationGroup = { tags: ['Wirkung und Evaluation'] };

export const evaluationRoutes = defineRoutes(evaluationEndpoints, evaluationGroup, {
  cohort: queried(
    'reports.read',
    'Change per dimension of a cohort (paired t CI, SRM, reliable change), attrition, reference values',
    cohortQuery,
    cohortReport,
  ),
  cohortPdf: { access: 'reports.read', summary: 'The cohort report as PDF', query: cohortQuery },
  cohortXlsx: { access: 'reports.read', summary: 'The cohort report as XLSX', query: cohortQuery },
  compare: queried(
    'reports.read',
    'Two cohorts side by side: difference of the mean change with a Welch 95 % interval',
    compareQuery,
    cohortComparison,
  ),
  reliability: queried(
    'reports.reliability',
    "Instrument quality: Cronbach's alpha, item statistics, floor and ceiling (all agencies, aggregates)",
    reliabilityQuery,
    reliabilityReport,
  ),
  outcomes: queried(
    'reports.read',
    'Case outcomes, time to outcome, change by outcome, disability vs. others',
    periodQuery,
    outcomesReport,
  ),
  funnel: queried('reports.read', 'Process funnel from intake to outcome', periodQuery, funnelReport),
});

const researchGroup = { tags: ['Forschung'] };
const emptyBody = z.strictObject({}).optional();

export const researchRoutes = defineRoutes(researchEndpoints, researchGroup, {
  list: answers(
    'research.read',
    'Research projects of the own agency or awaiting its approval',
    z.object({ items: z.array(researchProjectView) }),
  ),
  create: {
    access: 'research.request',
    summary: 'File a research project (title, purpose, legal basis, period, data-giving agencies)',
    body: createResearchProjectRequest,
    response: { 201: researchProjectView },
  },
  approve: {
    access: 'research.approve',
    summary: 'Approve a research project for the own (data-giving) agency; never by the requester',
    body: emptyBody,
    response: { 200: researchProjectView },
  },
  createExport: {
    access: 'research.export',
    summary: 'Create a pseudonymised, k-anonymous export of an approved project',
    body: emptyBody,
    response: { 201: researchExportCreated },
  },
  download: {
    access: 'research.export',
    summary: 'Download an export as CSV or Parquet, or its codebook (CSV) and Table Schema (JSON)',
    query: researchDownloadQuery,
  },
});
