import { z } from 'zod';
import { optionalText, personRef } from '../casework/common.ts';
import { publishedCount } from '../statistics/published-count.ts';
import { moneyAmount, moneyAmountOrZero } from './money.ts';
import {
  earlyEndReasons,
  enrolmentStatuses,
  exitReasons,
  fundingLines,
  fundingSources,
  programmeRoles,
} from './programme.codes.ts';

/** A calendar date 'YYYY-MM-DD' within sane bounds (typos such as 20226 are refused). */
export const programmeDate = z.iso
  .date({ error: 'Datum im Format JJJJ-MM-TT erwartet.' })
  .refine((d) => d >= '2000-01-01' && d <= '2100-12-31', 'Datum außerhalb des gültigen Bereichs.');

const text = (max: number) =>
  z.string().trim().min(1, 'Darf nicht leer sein.').max(max, `Höchstens ${max} Zeichen.`);

export const fundingSource = z.enum(fundingSources);
export const programmeRole = z.enum(programmeRoles);
export const fundingLine = z.enum(fundingLines);
export const exitReason = z.enum(exitReasons);
export const earlyEndReason = z.enum(earlyEndReasons);
export const enrolmentStatus = z.enum(enrolmentStatuses);

const year = z.number().int().min(2000).max(2100);

export const placesPerYear = z.strictObject({ year, places: z.number().int().min(0).max(100_000) });

export const programmeAgencyInput = z.strictObject({
  agencyId: z.uuid(),
  /** The own agency is always the owner; other agencies are partners (equal rights) or participants. */
  role: z.enum(['partner', 'participant']).optional(),
  places: z.array(placesPerYear).max(30).default([]),
});

const programmeFields = {
  name: text(200),
  fundingSource,
  legalBasis: optionalText(200),
  funder: optionalText(200),
  startsOn: programmeDate,
  endsOn: programmeDate,
  description: optionalText(4000),
  targetGroup: optionalText(1000),
  agencies: z.array(programmeAgencyInput).max(100),
};

const uniqueAgencies = (v: { agencies?: { agencyId: string; places: { year: number }[] }[] | undefined }) =>
  !v.agencies ||
  (new Set(v.agencies.map((a) => a.agencyId)).size === v.agencies.length &&
    v.agencies.every((a) => new Set(a.places.map((p) => p.year)).size === a.places.length));

export const createProgrammeRequest = z
  .strictObject({ ...programmeFields, agencies: programmeFields.agencies.default([]) })
  .refine((v) => v.endsOn >= v.startsOn, { message: 'Das Ende liegt vor dem Beginn.', path: ['endsOn'] })
  .refine(uniqueAgencies, { message: 'Jede Stelle und jedes Jahr nur einmal angeben.', path: ['agencies'] });
export type CreateProgrammeRequest = z.infer<typeof createProgrammeRequest>;

export const updateProgrammeRequest = z
  .strictObject(programmeFields)
  .partial()
  .refine((v) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn, {
    message: 'Das Ende liegt vor dem Beginn.',
    path: ['endsOn'],
  })
  .refine(uniqueAgencies, { message: 'Jede Stelle und jedes Jahr nur einmal angeben.', path: ['agencies'] });
export type UpdateProgrammeRequest = z.infer<typeof updateProgrammeRequest>;

const agencyRef = z.object({ id: z.uuid(), name: z.string(), kind: z.string() });

/** What names a programme and its funding, in the programme's view and in the funder report. */
const programmeHead = {
  id: z.uuid(),
  name: z.string(),
  fundingSource,
  legalBasis: z.string().nullable(),
  funder: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
};

export const programmeView = z
  .object({
    ...programmeHead,
    description: z.string().nullable(),
    targetGroup: z.string().nullable(),
    ownerAgency: agencyRef,
    /** The role of the caller's agency in this programme. */
    myRole: programmeRole,
    agencies: z.array(
      z.object({
        agency: agencyRef,
        role: programmeRole,
        places: z.array(z.object({ year, places: z.number() })),
      }),
    ),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Programme' });
export type ProgrammeView = z.infer<typeof programmeView>;

export const programmeListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

// ---- enrolments -------------------------------------------------------------------------------

export const createEnrolmentRequest = z
  .strictObject({
    clientId: z.uuid(),
    /** Entry date; omitted with waitingList: true (the client waits for a place). */
    entryDate: programmeDate.optional(),
    waitingList: z.boolean().default(false),
    employer: optionalText(200),
    project: optionalText(200),
    coachUserId: z.uuid().nullable().optional(),
    /** Take a place although all funded places are taken; needs a reason and is audited. */
    overbookingReason: z.string().trim().min(5, 'Bitte eine Begründung angeben.').max(500).optional(),
  })
  .refine((v) => v.waitingList || v.entryDate, { message: 'Eintrittsdatum fehlt.', path: ['entryDate'] })
  .refine((v) => !(v.waitingList && v.entryDate), {
    message: 'Warteliste und Eintrittsdatum schließen sich aus.',
    path: ['entryDate'],
  });
export type CreateEnrolmentRequest = z.infer<typeof createEnrolmentRequest>;

export const admitEnrolmentRequest = z.strictObject({
  entryDate: programmeDate,
  overbookingReason: z.string().trim().min(5, 'Bitte eine Begründung angeben.').max(500).optional(),
});

export const exitEnrolmentRequest = z
  .strictObject({ date: programmeDate, reason: exitReason, earlyEndReason: earlyEndReason.optional() })
  .refine((v) => (v.reason === 'early_end') === (v.earlyEndReason !== undefined), {
    message: 'Bei vorzeitigem Ende ist der Grund anzugeben (und nur dann).',
    path: ['earlyEndReason'],
  });
export type ExitEnrolmentRequest = z.infer<typeof exitEnrolmentRequest>;

export const enrolmentView = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    client: z.object({ id: z.uuid(), clientNumber: z.string(), displayName: z.string() }),
    status: enrolmentStatus,
    registeredOn: z.string(),
    entryDate: z.string().nullable(),
    exitDate: z.string().nullable(),
    exitReason: exitReason.nullable(),
    earlyEndReason: earlyEndReason.nullable(),
    employer: z.string().nullable(),
    project: z.string().nullable(),
    coach: personRef.nullable(),
    overBooked: z.boolean(),
  })
  .meta({ id: 'Enrolment' });
export type EnrolmentView = z.infer<typeof enrolmentView>;

export const enrolmentListQuery = programmeListQuery.extend({ status: enrolmentStatus.optional() });

// ---- figures ---------------------------------------------------------------------------------

export const occupancyQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const occupancyMonth = z.object({
  month: z.string(),
  places: z.number().int(),
  occupied: publishedCount,
  entries: publishedCount,
  exits: publishedCount,
});

export const occupancyView = z
  .object({
    programmeId: z.uuid(),
    year: z.number().int(),
    threshold: z.number().int(),
    agencies: z.array(
      z.object({
        agency: agencyRef,
        own: z.boolean(),
        months: z.array(occupancyMonth),
        waiting: publishedCount,
        /** Average days in the programme of the year's exits; null when there are too few. */
        averageDurationDays: z.number().nullable(),
      }),
    ),
    total: z.object({ months: z.array(occupancyMonth) }),
  })
  .meta({ id: 'Occupancy' });
export type OccupancyView = z.infer<typeof occupancyView>;

// ---- budgets and expenditures -----------------------------------------------------------------

export const budgetQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const setBudgetRequest = z.strictObject({
  /** Defaults to the caller's agency. */
  agencyId: z.uuid().optional(),
  year,
  fundingLine,
  amount: moneyAmountOrZero,
});

export const budgetLineView = z.object({
  fundingLine,
  budget: z.string(),
  spent: z.string(),
  remaining: z.string(),
  /** Share of the budget spent, in percent (one decimal); null without a budget. */
  spentPercent: z.number().nullable(),
  /** Share of the year (or the programme's part of it) elapsed at the reference day, in percent. */
  plannedPercent: z.number(),
  warning: z.enum(['ahead_of_plan', 'over_budget']).nullable(),
});

export const budgetsView = z
  .object({
    programmeId: z.uuid(),
    year: z.number().int(),
    asOf: z.string(),
    agencies: z.array(
      z.object({
        agency: agencyRef,
        lines: z.array(budgetLineView),
        total: budgetLineView.omit({ fundingLine: true }),
      }),
    ),
    total: z.object({ lines: z.array(budgetLineView), total: budgetLineView.omit({ fundingLine: true }) }),
  })
  .meta({ id: 'Budgets' });
export type BudgetsView = z.infer<typeof budgetsView>;

export const createExpenditureRequest = z.strictObject({
  fundingLine,
  amount: moneyAmount,
  date: programmeDate,
  reference: text(100),
  enrolmentId: z.uuid().optional(),
});
export type CreateExpenditureRequest = z.infer<typeof createExpenditureRequest>;

export const expenditureView = z
  .object({
    id: z.uuid(),
    programmeId: z.uuid(),
    agencyId: z.uuid(),
    fundingLine,
    amount: z.string(),
    date: z.string(),
    reference: z.string(),
    enrolmentId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Expenditure' });
export type ExpenditureView = z.infer<typeof expenditureView>;

export const expenditureListQuery = programmeListQuery.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

// ---- funder report ----------------------------------------------------------------------------

import { reportPeriods } from './report-period.ts';

export { lastCompletePeriod, type ReportPeriod, reportPeriods } from './report-period.ts';

export const reportQuery = z
  .strictObject({
    /** Without from/to the report covers `period` (default: the last complete month). */
    from: programmeDate.optional(),
    to: programmeDate.optional(),
    period: z.enum(reportPeriods).optional(),
    format: z.enum(['json', 'pdf', 'xlsx']).default('json'),
  })
  .refine((v) => (v.from === undefined) === (v.to === undefined), {
    message: 'Beginn und Ende zusammen angeben.',
    path: ['to'],
  })
  .refine((v) => !v.from || !v.to || v.to >= v.from, {
    message: 'Das Ende liegt vor dem Beginn.',
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuery>;

const breakdown = z.record(z.string(), publishedCount);

/** A change class of the participation change: how many, and their share of the group in percent. */
const changeShare = z.object({ count: publishedCount, percent: z.number().nullable() });

/**
 * Participation change of one dimension: participants with at least two assessments of the same
 * perspective in the period, latest minus first score. Means and shares only for unsuppressed groups.
 */
export const participationChangeRow = z.object({
  instrumentKey: z.string(),
  instrument: z.string(),
  perspective: z.enum(['self', 'professional']),
  dimension: z.string(),
  title: z.string(),
  participants: publishedCount,
  /** Mean change on the 0-100 scale (one decimal); null when the group is suppressed. */
  meanChange: z.number().nullable(),
  improved: changeShare,
  unchanged: changeShare,
  worsened: changeShare,
});
export type ParticipationChangeRow = z.infer<typeof participationChangeRow>;

export const programmeReport = z
  .object({
    programme: z.object({ ...programmeHead, ownerAgency: z.string() }),
    period: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.iso.datetime(),
    /** The agency's time zone, in which the time stamp is printed. */
    timeZone: z.string().optional(),
    /** `marker` is the symbol printed for hidden cells in PDF and XLSX ("*"); JSON has `{"suppressed": true}`. */
    suppression: z.object({ threshold: z.number().int(), marker: z.string() }),
    participants: z.object({
      entries: publishedCount,
      exits: publishedCount,
      current: publishedCount,
      total: publishedCount,
      byGender: breakdown,
      byAgeGroup: breakdown,
      byDisability: breakdown,
      byAgency: z.array(
        z.object({
          agency: z.string(),
          participants: publishedCount,
          entries: publishedCount,
          exits: publishedCount,
          current: publishedCount,
        }),
      ),
    }),
    places: z.object({
      agencies: z.array(z.object({ agency: z.string(), places: z.number().int() })),
      total: z.number().int(),
      months: z.array(
        z.object({
          month: z.string(),
          places: z.number().int(),
          /** Places held at the month's end (or today in the running month); 0 for months to come. */
          occupied: publishedCount,
          /** The month has not begun yet: nothing in it is counted as occupied. */
          future: z.boolean().optional(),
        }),
      ),
      averageOccupancyPercent: z.number().nullable(),
      averageDurationDays: z.number().nullable(),
    }),
    outcomes: z.object({ byReason: breakdown, earlyEndByReason: breakdown, total: publishedCount }),
    spending: z.object({
      lines: z.array(z.object({ fundingLine, budget: z.string(), spent: z.string(), remaining: z.string() })),
      total: z.object({ budget: z.string(), spent: z.string(), remaining: z.string() }),
    }),
    participationChange: z.object({
      /** RCI criterion of the instrument(s), e.g. 1.96 (95 %). */
      criterion: z.number().nullable(),
      rows: z.array(participationChangeRow),
    }),
  })
  .meta({ id: 'ProgrammeReport' });
export type ProgrammeReport = z.infer<typeof programmeReport>;
