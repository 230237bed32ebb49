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
import { evaluationEndpoints, researchEndpoints } from './evaluation.endpoints.ts';
import { idParams } from './params.ts';
import { defineRoutes } from './route.ts';

const evaluationTags = ['Wirkung und Evaluation'];

export const evaluationRoutes = defineRoutes(evaluationEndpoints, {
  cohort: {
    tags: evaluationTags,
    summary:
      'Change per dimension of a cohort (paired t CI, SRM, reliable change), attrition, reference values',
    query: cohortQuery,
    response: { 200: cohortReport },
  },
  cohortPdf: { tags: evaluationTags, summary: 'The cohort report as PDF', query: cohortQuery },
  cohortXlsx: { tags: evaluationTags, summary: 'The cohort report as XLSX', query: cohortQuery },
  compare: {
    tags: evaluationTags,
    summary: 'Two cohorts side by side: difference of the mean change with a Welch 95 % interval',
    query: compareQuery,
    response: { 200: cohortComparison },
  },
  reliability: {
    tags: evaluationTags,
    summary:
      "Instrument quality: Cronbach's alpha, item statistics, floor and ceiling (all agencies, aggregates)",
    query: reliabilityQuery,
    response: { 200: reliabilityReport },
  },
  outcomes: {
    tags: evaluationTags,
    summary: 'Case outcomes, time to outcome, change by outcome, disability vs. others',
    query: periodQuery,
    response: { 200: outcomesReport },
  },
  funnel: {
    tags: evaluationTags,
    summary: 'Process funnel from intake to outcome',
    query: periodQuery,
    response: { 200: funnelReport },
  },
});

const researchTags = ['Forschung'];
const emptyBody = z.strictObject({}).optional();

export const researchRoutes = defineRoutes(researchEndpoints, {
  list: {
    tags: researchTags,
    summary: 'Research projects of the own agency or awaiting its approval',
    response: { 200: z.object({ items: z.array(researchProjectView) }) },
  },
  create: {
    tags: researchTags,
    summary: 'File a research project (title, purpose, legal basis, period, data-giving agencies)',
    body: createResearchProjectRequest,
    response: { 201: researchProjectView },
  },
  approve: {
    tags: researchTags,
    summary: 'Approve a research project for the own (data-giving) agency; never by the requester',
    params: idParams,
    body: emptyBody,
    response: { 200: researchProjectView },
  },
  createExport: {
    tags: researchTags,
    summary: 'Create a pseudonymised, k-anonymous export of an approved project',
    params: idParams,
    body: emptyBody,
    response: { 201: researchExportCreated },
  },
  download: {
    tags: researchTags,
    summary: 'Download an export as CSV or Parquet, or its codebook (CSV) and Table Schema (JSON)',
    params: idParams,
    query: researchDownloadQuery,
  },
});
