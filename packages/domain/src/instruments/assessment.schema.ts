import { z } from 'zod';
import { changeClasses } from './change.ts';
import { answers, assessmentMode, localizedText, occasion, perspective } from './instrument.schema.ts';

const isoDate = z.iso.date();

export const assessmentStatuses = ['draft', 'completed'] as const;

export const createAssessmentRequest = z.strictObject({
  instrumentId: z.uuid(),
  occasion,
  perspective,
  mode: assessmentMode,
  date: isoDate,
  answers: answers.default({}),
  /** `completed` (default) locks the assessment; `draft` saves it for later (autosave, resume). */
  status: z.enum(assessmentStatuses).default('completed'),
  /**
   * An intake while the client's current episode (since the last exit assessment) already has one of
   * this instrument and perspective is refused with 409 unless this confirms it (e.g. a re-admission).
   */
  confirmSecondIntake: z.boolean().optional(),
});
export type CreateAssessmentRequest = z.infer<typeof createAssessmentRequest>;

const questionnaireResponse = z
  .looseObject({ resourceType: z.literal('QuestionnaireResponse') })
  .meta({ description: 'HL7 FHIR R4 QuestionnaireResponse' });

/**
 * Answers from another system or a scanned paper form: a FHIR QuestionnaireResponse, either as it is or
 * wrapped with the assessment's header. Body parameters win over what the response says (perspective
 * and occasion in Lotse extensions, date from `authored`); mode defaults to `paper`.
 */
export const importQuestionnaireResponseRequest = z.union([
  z.strictObject({
    resource: questionnaireResponse,
    occasion: occasion.optional(),
    perspective: perspective.optional(),
    mode: assessmentMode.optional(),
    date: isoDate.optional(),
  }),
  questionnaireResponse,
]);
export type ImportQuestionnaireResponseRequest = z.infer<typeof importQuestionnaireResponseRequest>;

/** Autosave of a draft: the full set of answers so far and the header fields. */
export const updateAssessmentRequest = z.strictObject({
  occasion: occasion.optional(),
  mode: assessmentMode.optional(),
  date: isoDate.optional(),
  answers: answers.optional(),
});
export type UpdateAssessmentRequest = z.infer<typeof updateAssessmentRequest>;

/** A correction of a completed assessment: the corrected full answers and why. */
export const amendAssessmentRequest = z.strictObject({
  answers,
  date: isoDate.optional(),
  reason: z.string().trim().min(1).max(2000),
});
export type AmendAssessmentRequest = z.infer<typeof amendAssessmentRequest>;

export const dimensionScoreView = z.object({
  dimension: z.string(),
  kind: z.enum(['area', 'global']),
  score: z.number().nullable(),
  answered: z.number().int(),
  items: z.number().int(),
  need: z.boolean().nullable(),
  workOn: z.boolean().nullable(),
});

const personRef = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const amendmentView = z.object({
  id: z.uuid(),
  amendedAt: z.string(),
  amendedBy: personRef,
  reason: z.string(),
  changedItems: z.array(z.string()),
  previousDate: z.string(),
});

export const assessmentSummaryView = z.object({
  id: z.uuid(),
  clientId: z.uuid(),
  instrumentId: z.uuid(),
  instrumentKey: z.string(),
  instrumentVersion: z.number().int(),
  occasion,
  perspective,
  mode: assessmentMode,
  date: z.string(),
  status: z.enum(assessmentStatuses),
  totalScore: z.number().nullable(),
  enteredBy: personRef,
  updatedAt: z.string(),
});
export type AssessmentSummaryView = z.infer<typeof assessmentSummaryView>;

export const assessmentView = assessmentSummaryView
  .extend({
    answers,
    scores: z.array(dimensionScoreView),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
    amendments: z.array(amendmentView),
  })
  .meta({ id: 'Assessment' });
export type AssessmentView = z.infer<typeof assessmentView>;

export const assessmentListView = z.object({ items: z.array(assessmentSummaryView) });

const changeView = z.object({
  fromAssessmentId: z.uuid(),
  toAssessmentId: z.uuid(),
  from: z.number(),
  to: z.number(),
  difference: z.number(),
  se: z.number(),
  sDiff: z.number(),
  rci: z.number(),
  class: z.enum(changeClasses),
});

export const progressView = z
  .object({
    clientId: z.uuid(),
    series: z.array(
      z.object({
        perspective,
        instrumentKey: z.string(),
        instrumentTitle: localizedText,
        assessments: z.array(
          z.object({
            id: z.uuid(),
            date: z.string(),
            occasion: z.string(),
            instrumentVersion: z.number().int(),
            total: z.number().nullable(),
            /** When it was entered (ISO time): orders and tells apart assessments of the same day. */
            recordedAt: z.string(),
            /** Its number among the series' assessments of the same day (1, 2, ...). */
            sequence: z.number().int(),
            /** How many assessments of the series share its day. */
            sameDay: z.number().int(),
          }),
        ),
        /** The two assessments compared (chosen, else the intake and the latest follow-up or exit). */
        compared: z.object({ fromId: z.uuid(), toId: z.uuid() }).nullable(),
        dimensions: z.array(
          z.object({
            key: z.string(),
            kind: z.enum(['area', 'global']),
            title: localizedText,
            points: z.array(
              z.object({
                assessmentId: z.uuid(),
                date: z.string(),
                occasion: z.string(),
                score: z.number().nullable(),
                need: z.boolean().nullable(),
              }),
            ),
            change: changeView.nullable(),
          }),
        ),
      }),
    ),
    /** Latest self-assessment vs. latest professional view of the same instrument. */
    comparison: z.array(
      z.object({
        dimension: z.string(),
        self: z.number().nullable(),
        professional: z.number().nullable(),
        difference: z.number().nullable(),
        highlighted: z.boolean(),
      }),
    ),
    followUp: z.object({
      intervalMonths: z.number().int(),
      lastDate: z.string().nullable(),
      dueOn: z.string().nullable(),
      due: z.boolean(),
    }),
    drafts: z.array(assessmentSummaryView),
  })
  .meta({ id: 'Progress' });
export type ProgressView = z.infer<typeof progressView>;

export const progressQuery = z.object({
  from: z.uuid().optional(),
  to: z.uuid().optional(),
});
