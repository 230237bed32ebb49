import { z } from 'zod';
import { oneTimeLinkToken } from '../common/one-time-link.ts';
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
} from '../instruments/self-assessment.schema.ts';
import { answers, behindLink, oneTimeLinkContracts, queried, recordContracts } from './contracts.ts';
import { defineRoutes } from './define-routes.ts';
import {
  assessmentEndpoints,
  instrumentEndpoints,
  selfAssessmentEndpoints,
} from './instruments.endpoints.ts';

/** A FHIR R4 resource as exported: its own JSON, checked only for its type. */
const fhirResource = z.looseObject({ resourceType: z.string() });

const instrumentTags = ['Erhebungsbögen'];
const instrument = recordContracts(instrumentView, { read: 'instruments.read', write: 'instruments.manage' });

export const instrumentRoutes = defineRoutes(
  instrumentEndpoints,
  { tags: instrumentTags },
  {
    list: queried(
      'instruments.read',
      'Published instrument versions with dimensions and items (status=all adds drafts)',
      instrumentListQuery,
      instrumentListView,
    ),
    read: instrument.read('One instrument version'),
    copyToDraft: instrument.create('Copy a version to a new draft of the own agency'),
    update: instrument.change('Change a draft (published versions are immutable)', updateInstrumentRequest),
    publish: instrument.change('Publish a draft'),
    exportFhir: answers('instruments.read', 'The version as HL7 FHIR R4 Questionnaire', fhirResource),
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
const assessment = recordContracts(assessmentView, { read: 'assessments.read', write: 'assessments.write' });
const pdfQuery = z.object({ locale: instrumentLocale.default('de') });

export const assessmentRoutes = defineRoutes(
  assessmentEndpoints,
  { tags: assessmentTags },
  {
    create: assessment.create(
      'Record an assessment (completed by default, or a draft); returns it with scores',
      createAssessmentRequest,
    ),
    importFhir: {
      access: 'assessments.import',
      summary:
        'Record an assessment from a FHIR R4 QuestionnaireResponse (another system, scanned paper form); it must cite a published instrument version (questionnaire url|version)',
      body: importQuestionnaireResponseRequest,
      response: { 201: assessmentView },
    },
    list: answers('assessments.read', 'Assessments of a client', assessmentListView),
    progress: queried(
      'assessments.read',
      'Scores over time, change first -> latest (or from/to) with RCI and class, follow-up due',
      progressQuery,
      progressView,
    ),
    read: assessment.read('One assessment'),
    update: assessment.change(
      'Save a draft (autosave); completed assessments are locked',
      updateAssessmentRequest,
    ),
    complete: assessment.change('Complete and lock a draft'),
    amend: assessment.create(
      'Correct a completed assessment; the previous state is kept as an amendment',
      amendAssessmentRequest,
    ),
    exportFhir: answers(
      'assessments.read',
      'The assessment as HL7 FHIR R4 QuestionnaireResponse',
      fhirResource,
    ),
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
const selfAssessmentLinks = oneTimeLinkContracts(
  { read: 'assessments.read', write: 'assessments.write' },
  { created: selfAssessmentLinkView, list: selfAssessmentLinkList, summary: selfAssessmentLinkSummary },
);
const selfAssessmentLink = behindLink(z.object({ token: oneTimeLinkToken }));

/**
 * A guide creates a one-time link; the client fills in the self perspective on a public page. The
 * public routes are narrow: open (instrument and draft), save the draft, submit.
 */
export const selfAssessmentRoutes = defineRoutes(
  selfAssessmentEndpoints,
  { tags: selfAssessmentTags },
  {
    createLink: selfAssessmentLinks.create(
      'Create a one-time self-assessment link (needs the client’s consent to self-assessment)',
      createSelfAssessmentLinkRequest,
    ),
    listLinks: selfAssessmentLinks.list(
      'The client’s self-assessment links with their status (open, completed, expired, revoked)',
    ),
    revokeLink: selfAssessmentLinks.revoke(
      'Revoke an open self-assessment link at once (its draft is dropped)',
    ),
    open: {
      ...selfAssessmentLink,
      summary: 'Public: the instrument and the draft behind a self-assessment link',
      response: { 200: publicSelfAssessmentView },
    },
    saveDraft: {
      ...selfAssessmentLink,
      summary: 'Public: save the draft answers',
      body: selfAssessmentAnswersRequest,
      response: { 200: selfAssessmentSavedView },
    },
    submit: {
      ...selfAssessmentLink,
      summary: 'Public: submit the self-assessment; the link is used up',
      body: selfAssessmentAnswersRequest,
      response: { 201: z.object({ submitted: z.literal(true) }) },
    },
  },
);
