import { z } from 'zod';
import {
  amendAssessmentRequest,
  assessmentListView,
  assessmentView,
  createAssessmentRequest,
  importQuestionnaireResponseRequest,
  progressQuery,
  progressView,
  updateAssessmentRequest,
} from '../instruments/assessment.schema.ts';
import {
  formQuery,
  instrumentListQuery,
  instrumentListView,
  instrumentLocale,
  instrumentView,
  updateInstrumentRequest,
} from '../instruments/instrument.schema.ts';
import {
  createSelfAssessmentLinkRequest,
  publicSelfAssessmentView,
  selfAssessmentAnswersRequest,
  selfAssessmentLinkList,
  selfAssessmentLinkSummary,
  selfAssessmentLinkView,
  selfAssessmentSavedView,
  selfAssessmentToken,
} from '../instruments/self-assessment.schema.ts';
import {
  assessmentEndpoints,
  instrumentEndpoints,
  selfAssessmentEndpoints,
} from './instruments.endpoints.ts';
import { idParams } from './params.ts';
import { defineRoutes } from './route.ts';

/** A FHIR R4 resource as exported: its own JSON, checked only for its type. */
const fhirResource = z.looseObject({ resourceType: z.string() });

const instrumentTags = ['Erhebungsbögen'];

export const instrumentRoutes = defineRoutes(instrumentEndpoints, {
  list: {
    tags: instrumentTags,
    summary: 'Published instrument versions with dimensions and items (status=all adds drafts)',
    query: instrumentListQuery,
    response: { 200: instrumentListView },
  },
  read: {
    tags: instrumentTags,
    summary: 'One instrument version',
    params: idParams,
    response: { 200: instrumentView },
  },
  copyToDraft: {
    tags: instrumentTags,
    summary: 'Copy a version to a new draft of the own agency',
    params: idParams,
    response: { 201: instrumentView },
  },
  update: {
    tags: instrumentTags,
    summary: 'Change a draft (published versions are immutable)',
    params: idParams,
    body: updateInstrumentRequest,
    response: { 200: instrumentView },
  },
  publish: {
    tags: instrumentTags,
    summary: 'Publish a draft',
    params: idParams,
    response: { 200: instrumentView },
  },
  exportFhir: {
    tags: instrumentTags,
    summary: 'The version as HL7 FHIR R4 Questionnaire',
    params: idParams,
    response: { 200: fhirResource },
  },
  importFhir: {
    tags: instrumentTags,
    summary:
      'Import a FHIR R4 Questionnaire (contained ValueSets resolved) as a new draft; lists what did not map and the items flagged for editing',
    body: z.looseObject({ resourceType: z.literal('Questionnaire') }),
    response: {
      201: z.object({
        instrument: instrumentView,
        unmapped: z.array(z.string()),
        itemsToEdit: z.array(z.object({ key: z.string(), linkId: z.string(), reason: z.string() })),
      }),
    },
  },
  downloadForm: {
    tags: instrumentTags,
    summary:
      'Blank printable form (PDF) of a version in a locale and perspective, with the letterhead; ?clientId= prints that client’s number',
    params: idParams,
    query: formQuery,
  },
});

const assessmentTags = ['Erhebungen'];
const pdfQuery = z.object({ locale: instrumentLocale.default('de') });

export const assessmentRoutes = defineRoutes(assessmentEndpoints, {
  create: {
    tags: assessmentTags,
    summary: 'Record an assessment (completed by default, or a draft); returns it with scores',
    params: idParams,
    body: createAssessmentRequest,
    response: { 201: assessmentView },
  },
  importFhir: {
    tags: assessmentTags,
    summary:
      'Record an assessment from a FHIR R4 QuestionnaireResponse (another system, scanned paper form); it must cite a published instrument version (questionnaire url|version)',
    params: idParams,
    body: importQuestionnaireResponseRequest,
    response: { 201: assessmentView },
  },
  list: {
    tags: assessmentTags,
    summary: 'Assessments of a client',
    params: idParams,
    response: { 200: assessmentListView },
  },
  progress: {
    tags: assessmentTags,
    summary: 'Scores over time, change first -> latest (or from/to) with RCI and class, follow-up due',
    params: idParams,
    query: progressQuery,
    response: { 200: progressView },
  },
  read: {
    tags: assessmentTags,
    summary: 'One assessment',
    params: idParams,
    response: { 200: assessmentView },
  },
  update: {
    tags: assessmentTags,
    summary: 'Save a draft (autosave); completed assessments are locked',
    params: idParams,
    body: updateAssessmentRequest,
    response: { 200: assessmentView },
  },
  complete: {
    tags: assessmentTags,
    summary: 'Complete and lock a draft',
    params: idParams,
    response: { 200: assessmentView },
  },
  amend: {
    tags: assessmentTags,
    summary: 'Correct a completed assessment; the previous state is kept as an amendment',
    params: idParams,
    body: amendAssessmentRequest,
    response: { 201: assessmentView },
  },
  exportFhir: {
    tags: assessmentTags,
    summary: 'The assessment as HL7 FHIR R4 QuestionnaireResponse',
    params: idParams,
    response: { 200: fhirResource },
  },
  downloadPdf: {
    tags: assessmentTags,
    summary: 'PDF of an assessment (to hand to the client)',
    params: idParams,
    query: pdfQuery,
  },
  downloadProgressPdf: {
    tags: assessmentTags,
    summary: 'PDF of the client’s progress with the radar chart',
    params: idParams,
    query: progressQuery.extend(pdfQuery.shape),
  },
});

const selfAssessmentTags = ['Selbsteinschätzung'];
const tokenParams = z.object({ token: selfAssessmentToken });

/**
 * A guide creates a one-time link; the client fills in the self perspective on a public page. The
 * public routes are narrow: open (instrument and draft), save the draft, submit.
 */
export const selfAssessmentRoutes = defineRoutes(selfAssessmentEndpoints, {
  createLink: {
    tags: selfAssessmentTags,
    summary: 'Create a one-time self-assessment link (needs the client’s consent to self-assessment)',
    params: idParams,
    body: createSelfAssessmentLinkRequest,
    response: { 201: selfAssessmentLinkView },
  },
  listLinks: {
    tags: selfAssessmentTags,
    summary: 'The client’s self-assessment links with their status (open, completed, expired, revoked)',
    params: idParams,
    response: { 200: selfAssessmentLinkList },
  },
  revokeLink: {
    tags: selfAssessmentTags,
    summary: 'Revoke an open self-assessment link at once (its draft is dropped)',
    params: idParams,
    response: { 200: selfAssessmentLinkSummary },
  },
  open: {
    tags: selfAssessmentTags,
    summary: 'Public: the instrument and the draft behind a self-assessment link',
    params: tokenParams,
    response: { 200: publicSelfAssessmentView },
  },
  saveDraft: {
    tags: selfAssessmentTags,
    summary: 'Public: save the draft answers',
    params: tokenParams,
    body: selfAssessmentAnswersRequest,
    response: { 200: selfAssessmentSavedView },
  },
  submit: {
    tags: selfAssessmentTags,
    summary: 'Public: submit the self-assessment; the link is used up',
    params: tokenParams,
    body: selfAssessmentAnswersRequest,
    response: { 201: z.object({ submitted: z.literal(true) }) },
  },
});
