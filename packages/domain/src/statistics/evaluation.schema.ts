import { z } from 'zod';
import { legalContexts, outcomes } from '../casework/casework.codes.ts';
import { perspective } from '../instruments/instrument.schema.ts';
import {
  type PublishedCount,
  publishedCount,
  SUPPRESSED,
  type SuppressedCell,
  suppressedCell,
} from './published-count.ts';

/**
 * Shapes of the evaluation reports (cohort, reliability, outcomes, funnel) and of research projects.
 * A figure hidden by small-cell protection is `{"suppressed": true}` without a number (the shared
 * shape of `published-count.ts`).
 */
export const suppressedFigure = suppressedCell;
export type SuppressedFigure = SuppressedCell;
export const SUPPRESSED_FIGURE: SuppressedFigure = SUPPRESSED;
export const isSuppressedFigure = (v: unknown): v is SuppressedFigure =>
  typeof v === 'object' && v !== null && (v as { suppressed?: unknown }).suppressed === true;

/** A count of people, or hidden. */
export const protectedCount = publishedCount;
export type ProtectedCount = PublishedCount;
/** A statistic (mean, share, coefficient): a number, null when undefined (too few values), or hidden. */
export const protectedNumber = z.union([z.number(), z.null(), suppressedFigure]);
export type ProtectedNumber = z.infer<typeof protectedNumber>;
export const protectedInterval = z.union([z.tuple([z.number(), z.number()]), z.null(), suppressedFigure]);

const isoDate = z.iso.date({ error: 'Datum im Format JJJJ-MM-TT erwartet.' });

export const evaluationAgeGroups = ['under_25', '25_to_34', '35_to_44', '45_to_54', '55_and_over'] as const;
export const evaluationGenders = ['female', 'male', 'diverse', 'not_stated'] as const;
export const evaluationDisability = ['yes', 'no', 'not_recorded'] as const;
export const cohortPairs = ['latest', 'exit'] as const;

/** Filters of a cohort; every one optional. */
export const cohortFilter = z.strictObject({
  instrumentKey: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z][a-z0-9_]*$/)
    .default('teilhabe_bogen'),
  perspective: perspective.default('professional'),
  /** latest = intake to the latest follow-up or exit; exit = intake to exit. */
  pair: z.enum(cohortPairs).default('latest'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  programmeId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  guideUserId: z.uuid().optional(),
  gender: z.enum(evaluationGenders).optional(),
  ageGroup: z.enum(evaluationAgeGroups).optional(),
  disability: z.enum(evaluationDisability).optional(),
  legalContext: z.enum(legalContexts).optional(),
  district: z.string().trim().min(1).max(100).optional(),
});
export const cohortQuery = cohortFilter.refine((v) => !v.from || !v.to || v.to >= v.from, {
  message: 'Das Ende liegt vor dem Beginn.',
  path: ['to'],
});
export type CohortFilter = z.infer<typeof cohortFilter>;

export const cohortFigure = z.object({
  key: z.string(),
  title: z.string(),
  n: protectedCount,
  meanT0: protectedNumber,
  meanT1: protectedNumber,
  meanChange: protectedNumber,
  ci95: protectedInterval,
  srm: protectedNumber,
  improved: protectedCount,
  unchanged: protectedCount,
  worsened: protectedCount,
  /** Present and true when the whole row is hidden (fewer people than the threshold). */
  suppressed: z.literal(true).optional(),
});
export type CohortFigure = z.infer<typeof cohortFigure>;

export const referenceSources = ['estimated', 'instrument_default'] as const;
export const dimensionReference = z.object({
  key: z.string(),
  source: z.enum(referenceSources),
  sd: z.number(),
  reliability: z.number(),
  /** Intake assessments the estimate rests on (also when too few). */
  n: z.number().int(),
  alphaN: z.number().int(),
});

export const cohortReport = z.object({
  instrument: z.object({
    key: z.string(),
    versionId: z.uuid(),
    version: z.number().int(),
    title: z.string(),
  }),
  perspective,
  pair: z.enum(cohortPairs),
  filters: z.record(z.string(), z.string()),
  threshold: z.number().int(),
  criterion: z.number(),
  dimensions: z.array(cohortFigure),
  total: cohortFigure,
  attrition: z.object({
    intake: protectedCount,
    stayed: protectedCount,
    dropped: protectedCount,
    droppedShare: protectedNumber,
    intakeMeanStayed: protectedNumber,
    intakeMeanDropped: protectedNumber,
  }),
  reference: z.object({
    source: z.enum([...referenceSources, 'mixed']),
    minN: z.number().int(),
    estimatedAt: z.string().nullable(),
    instrumentVersionId: z.uuid(),
    dimensions: z.array(dimensionReference),
  }),
});
export type CohortReport = z.infer<typeof cohortReport>;

export const compareQuery = cohortFilter
  .omit({ programmeId: true, disability: true })
  .extend({
    by: z.enum(['disability', 'programme']),
    /** For by=programme: the two programmes compared. */
    programmeA: z.uuid().optional(),
    programmeB: z.uuid().optional(),
  })
  .refine((v) => v.by !== 'programme' || (v.programmeA && v.programmeB), {
    message: 'Zwei Programme angeben.',
    path: ['programmeB'],
  });
export type CompareQuery = z.infer<typeof compareQuery>;

export const cohortComparison = z.object({
  by: z.enum(['disability', 'programme']),
  groups: z.tuple([
    z.object({ label: z.string(), n: protectedCount }),
    z.object({ label: z.string(), n: protectedCount }),
  ]),
  /** Per dimension: difference of the mean change (group A - group B) with a Welch 95 % interval. */
  dimensions: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      meanChangeA: protectedNumber,
      meanChangeB: protectedNumber,
      difference: protectedNumber,
      ci95: protectedInterval,
      /** Too few people in a group to compare. */
      tooSmall: z.boolean(),
    }),
  ),
  threshold: z.number().int(),
});
export type CohortComparison = z.infer<typeof cohortComparison>;

export const reliabilityQuery = z.strictObject({
  instrumentVersionId: z.uuid(),
  perspective: perspective.default('professional'),
});

export const reliabilityReport = z.object({
  instrumentVersionId: z.uuid(),
  instrument: z.string(),
  version: z.number().int(),
  perspective,
  occasion: z.literal('intake'),
  assessments: protectedCount,
  threshold: z.number().int(),
  dimensions: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      /** Cronbach's alpha over the complete cases; null with fewer than two items or cases. */
      alpha: protectedNumber,
      alphaN: protectedCount,
      n: protectedCount,
      mean: protectedNumber,
      sd: protectedNumber,
      floorShare: protectedNumber,
      ceilingShare: protectedNumber,
      items: z.array(
        z.object({
          key: z.string(),
          mean: protectedNumber,
          sd: protectedNumber,
          missingShare: protectedNumber,
          itemTotal: protectedNumber,
        }),
      ),
    }),
  ),
});
export type ReliabilityReport = z.infer<typeof reliabilityReport>;

export const periodQuery = z
  .strictObject({ from: isoDate.optional(), to: isoDate.optional(), programmeId: z.uuid().optional() })
  .refine((v) => !v.from || !v.to || v.to >= v.from, {
    message: 'Das Ende liegt vor dem Beginn.',
    path: ['to'],
  });
export type PeriodQuery = z.infer<typeof periodQuery>;

export const outcomeKey = z.enum(outcomes);
export const outcomesReport = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  threshold: z.number().int(),
  closures: protectedCount,
  byOutcome: z.array(z.object({ outcome: outcomeKey, count: protectedCount, share: protectedNumber })),
  /** Days from the opening of the case to its closure. */
  daysToOutcome: z.object({
    n: protectedCount,
    median: protectedNumber,
    q1: protectedNumber,
    q3: protectedNumber,
  }),
  byProgramme: z.array(
    z.object({
      programmeId: z.uuid(),
      name: z.string(),
      closures: protectedCount,
      employment: protectedCount,
    }),
  ),
  /** Mean change of the total score (intake to the latest assessment) per outcome. */
  changeByOutcome: z.array(z.object({ outcome: outcomeKey, n: protectedCount, meanChange: protectedNumber })),
  /** Closures per month of the period, for the chart over time. */
  byMonth: z.array(z.object({ month: z.string(), closures: protectedCount, employment: protectedCount })),
  /** People with a recognised disability or health restriction vs. others (MIAR). */
  disability: z.array(
    z.object({
      group: z.enum(evaluationDisability),
      clients: protectedCount,
      withContacts: protectedCount,
      contacts: protectedCount,
      qualification: protectedCount,
      placements: protectedCount,
      sustained: protectedCount,
    }),
  ),
});
export type OutcomesReport = z.infer<typeof outcomesReport>;

export const funnelSteps = [
  'intake',
  'goals',
  'goals_achieved',
  'referred',
  'referral_started',
  'referral_completed',
  'follow_up_on_time',
  'outcome',
  'employment',
] as const;
export const funnelReport = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  threshold: z.number().int(),
  steps: z.array(z.object({ key: z.enum(funnelSteps), count: protectedCount, share: protectedNumber })),
  contactsPerClientMonth: protectedNumber,
});
export type FunnelReport = z.infer<typeof funnelReport>;

// Research projects and exports.

/** Optional columns a research project may ask for (the pseudonym is always there). */
export const researchFields = [
  'instrument',
  'perspective',
  'occasion',
  'months_since_intake',
  'programme',
  'outcome',
  'age_group',
  'gender',
  'disability',
  'district',
  'scores',
] as const;
export type ResearchField = (typeof researchFields)[number];

export const createResearchProjectRequest = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    purpose: z.string().trim().min(1).max(4000),
    legalBasis: z.string().trim().min(1).max(500),
    from: isoDate,
    to: isoDate,
    agencyIds: z.array(z.uuid()).min(1).max(100),
    fields: z
      .array(z.enum(researchFields, { error: 'Unbekanntes Feld.' }))
      .max(20)
      .optional(),
  })
  .refine((v) => v.to >= v.from, { message: 'Das Ende liegt vor dem Beginn.', path: ['to'] });
export type CreateResearchProjectRequest = z.infer<typeof createResearchProjectRequest>;

export const researchProjectView = z.object({
  id: z.uuid(),
  title: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  from: z.string(),
  to: z.string(),
  fields: z.array(z.string()),
  requestedBy: z.uuid(),
  requestingAgencyId: z.uuid(),
  createdAt: z.string(),
  agencies: z.array(
    z.object({ agencyId: z.uuid(), approved: z.boolean(), approvedAt: z.string().nullable() }),
  ),
  status: z.enum(['pending', 'approved']),
});
export type ResearchProjectView = z.infer<typeof researchProjectView>;

export const researchExportCreated = z.object({
  id: z.uuid(),
  rows: z.number().int(),
  expiresAt: z.string(),
  k: z.number().int(),
});

export const researchDownloadQuery = z.strictObject({
  format: z.enum(['csv', 'parquet', 'codebook', 'schema']).default('csv'),
});
