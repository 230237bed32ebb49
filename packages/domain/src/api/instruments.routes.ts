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
import { defineRoutes } from './define-routes.ts';
import {
  assessmentEndpoints,
  instrumentEndpoints,
  selfAssessmentEndpoints,
} from './instruments.endpoints.ts';

/** A FHIR R4 resource as exported: its own JSON, checked only for its type. */
const fhirResource = z.looseObject({ resourceType: z.string() });

const instrumentTags = ['Erhebungsbögen'];

export const instrumentRoutes = defineRoutes(
  instrumentEndpoints,
  { tags: instrumentTags },
  {
    list: {
      access: 'instruments.read',
      summary: 'Published instrument versions with dimensions and items (status=all adds drafts)',
      query: instrumentListQuery,
      response: { 200: instrumentListView },
    },
    read: {
      access: 'instruments.read',
      summary: 'One instrument version',
      response: { 200: instrumentView },
    },
    copyToDraft: {
      access: 'instruments.manage',
      summary: 'Copy a version to a new draft of the own agency',
      response: { 201: instrumentView },
    },
    update: {
      access: 'instruments.manage',
      summary: 'Change a draft (published versions are immutable)',
      body: updateInstrumentRequest,
      response: { 200: instrumentView },
    },
    publish: {
      access: 'instruments.manage',
      summary: 'Publish a draft',
      response: { 200: instrumentView },
    },
    exportFhir: {
      access: 'instruments.read',
      summary: 'The version as HL7 FHIR R4 Questionnaire',
      response: { 200: fhirResource },
    },
    importFhir: {
      access: 'instruments.manage',
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
      access: 'instruments.read',
      summary:
        'Blank printable form (PDF) of a version in a locale and perspective, with the letterhead; ?clientId= prints that client’s number',
      query: formQuery,
    },
  },
);

const assessmentTags = ['Erhebungen'];
const pdfQuery = z.object({ locale: instrumentLocale.default('de') });

export const assessmentRoutes = defineRoutes(
  assessmentEndpoints,
  { tags: assessmentTags },
  {
    create: {
      access: 'assessments.write',
      summary: 'Record an assessment (completed by default, or a draft); returns it with scores',
      body: createAssessmentRequest,
      response: { 201: assessmentView },
    },
    importFhir: {
      access: 'assessments.import',
      summary:
        'Record an assessment from a FHIR R4 QuestionnaireResponse (another system, scanned paper form); it must cite a published instrument version (questionnaire url|version)',
      body: importQuestionnaireResponseRequest,
      response: { 201: assessmentView },
    },
    list: {
      access: 'assessments.read',
      summary: 'Assessments of a client',
      response: { 200: assessmentListView },
    },
    progress: {
      access: 'assessments.read',
      summary: 'Scores over time, change first -> latest (or from/to) with RCI and class, follow-up due',
      query: progressQuery,
      response: { 200: progressView },
    },
    read: {
      access: 'assessments.read',
      summary: 'One assessment',
      response: { 200: assessmentView },
    },
    update: {
      access: 'assessments.write',
      summary: 'Save a draft (autosave); completed assessments are locked',
      body: updateAssessmentRequest,
      response: { 200: assessmentView },
    },
    complete: {
      access: 'assessments.write',
      summary: 'Complete and lock a draft',
      response: { 200: assessmentView },
    },
    amend: {
      access: 'assessments.write',
      summary: 'Correct a completed assessment; the previous state is kept as an amendment',
      body: amendAssessmentRequest,
      response: { 201: assessmentView },
    },
    exportFhir: {
      access: 'assessments.read',
      summary: 'The assessment as HL7 FHIR R4 QuestionnaireResponse',
      response: { 200: fhirResource },
    },
    downloadPdf: {
      access: 'assessments.read',
      summary: 'PDF of an assessment (to hand to the client)',
      query: pdfQuery,
    },
    downloadProgressPdf: {
      access: 'assessments.read',
      summary: 'PDF of the client’s progress with the radar chart',
      query: progressQuery.extend(pdfQuery.shape),
    },
  },
);

const selfAssessmentTags = ['Selbsteinschätzung'];
const tokenParams = z.object({ token: selfAssessmentToken });

/**
 * A guide creates a one-time link; the client fills in the self perspective on a public page. The
 * public routes are narrow: open (instrument and draft), save the draft, submit.
 */
export const selfAssessmentRoutes = defineRoutes(
  selfAssessmentEndpoints,
  { tags: selfAssessmentTags },
  {
    createLink: {
      access: 'assessments.write',
      summary: 'Create a one-time self-assessment link (needs the client’s consent to self-assessment)',
      body: createSelfAssessmentLinkRequest,
      response: { 201: selfAssessmentLinkView },
    },
    listLinks: {
      access: 'assessments.read',
      summary: 'The client’s self-assessment links with their status (open, completed, expired, revoked)',
      response: { 200: selfAssessmentLinkList },
    },
    revokeLink: {
      access: 'assessments.write',
      summary: 'Revoke an open self-assessment link at once (its draft is dropped)',
      response: { 200: selfAssessmentLinkSummary },
    },
    open: {
      access: 'public',
      secretParams: ['token'],
      summary: 'Public: the instrument and the draft behind a self-assessment link',
      params: tokenParams,
      response: { 200: publicSelfAssessmentView },
    },
    saveDraft: {
      access: 'public',
      secretParams: ['token'],
      summary: 'Public: save the draft answers',
      params: tokenParams,
      body: selfAssessmentAnswersRequest,
      response: { 200: selfAssessmentSavedView },
    },
    submit: {
      access: 'public',
      secretParams: ['token'],
      summary: 'Public: submit the self-assessment; the link is used up',
      params: tokenParams,
      body: selfAssessmentAnswersRequest,
      response: { 201: z.object({ submitted: z.literal(true) }) },
    },
  },
);
