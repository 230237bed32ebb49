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
import { defineRoutes } from './define-routes.ts';
import { evaluationEndpoints, researchEndpoints } from './evaluation.endpoints.ts';

const evaluationGroup = { tags: ['Wirkung und Evaluation'] };

export const evaluationRoutes = defineRoutes(evaluationEndpoints, evaluationGroup, {
  cohort: {
    access: 'reports.read',
    summary:
      'Change per dimension of a cohort (paired t CI, SRM, reliable change), attrition, reference values',
    query: cohortQuery,
    response: { 200: cohortReport },
  },
  cohortPdf: { access: 'reports.read', summary: 'The cohort report as PDF', query: cohortQuery },
  cohortXlsx: { access: 'reports.read', summary: 'The cohort report as XLSX', query: cohortQuery },
  compare: {
    access: 'reports.read',
    summary: 'Two cohorts side by side: difference of the mean change with a Welch 95 % interval',
    query: compareQuery,
    response: { 200: cohortComparison },
  },
  reliability: {
    access: 'reports.reliability',
    summary:
      "Instrument quality: Cronbach's alpha, item statistics, floor and ceiling (all agencies, aggregates)",
    query: reliabilityQuery,
    response: { 200: reliabilityReport },
  },
  outcomes: {
    access: 'reports.read',
    summary: 'Case outcomes, time to outcome, change by outcome, disability vs. others',
    query: periodQuery,
    response: { 200: outcomesReport },
  },
  funnel: {
    access: 'reports.read',
    summary: 'Process funnel from intake to outcome',
    query: periodQuery,
    response: { 200: funnelReport },
  },
});

const researchGroup = { tags: ['Forschung'] };
const emptyBody = z.strictObject({}).optional();

export const researchRoutes = defineRoutes(researchEndpoints, researchGroup, {
  list: {
    access: 'research.read',
    summary: 'Research projects of the own agency or awaiting its approval',
    response: { 200: z.object({ items: z.array(researchProjectView) }) },
  },
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
