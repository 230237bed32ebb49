import { z } from 'zod';
import { personRef } from './common.ts';

export const caseloadQuery = z.strictObject({
  /** Clients count as "without contact" after this many weeks. */
  weeks: z.coerce.number().int().min(1).max(52).default(6),
  /** Goals count as "near their date" within this many days. */
  days: z.coerce.number().int().min(1).max(90).default(14),
  /** Leads see the team (the whole agency) by default; `mine` narrows to own cases. */
  scope: z.enum(['mine', 'team']).optional(),
});
export type CaseloadQuery = z.infer<typeof caseloadQuery>;

const clientRef = z.object({
  id: z.uuid(),
  clientNumber: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  guide: personRef.nullable(),
});

/** The most urgent entries each section lists; `counts` give the full numbers. */
export const CASELOAD_SECTION_LIMIT = 100;

export const caseloadView = z
  .object({
    scope: z.enum(['mine', 'team']),
    openCases: z.number().int(),
    /** The agency's date the reminders were computed for: entries before it are overdue. */
    today: z.string(),
    /**
     * Full numbers per section (the lists hold at most CASELOAD_SECTION_LIMIT entries each, most urgent
     * first): for a summary at the top of the page.
     */
    counts: z.object({
      goalsDue: z.number().int(),
      goalsOverdue: z.number().int(),
      withoutContact: z.number().int(),
      followUpsDue: z.number().int(),
      followUpsOverdue: z.number().int(),
      referralsAwaitingFeedback: z.number().int(),
    }),
    /** Overdue goals first (oldest first), then the soonest due. */
    goalsDue: z.array(
      z.object({
        goalId: z.uuid(),
        title: z.string(),
        targetDate: z.string(),
        /** The target date has passed (before `today`). */
        overdue: z.boolean(),
        client: clientRef,
      }),
    ),
    withoutContact: z.array(z.object({ client: clientRef, lastContact: z.string().nullable() })),
    /** Clients whose last completed assessment is older than the instrument's follow-up interval. */
    followUpsDue: z.array(
      z.object({ client: clientRef, lastAssessment: z.string(), dueOn: z.string(), overdue: z.boolean() }),
    ),
    referralsAwaitingFeedback: z.array(
      z.object({
        client: clientRef,
        referredOn: z.string(),
        referralId: z.uuid(),
        /** Empty when the offer is no longer visible (withdrawn from the shared directory). */
        offerTitle: z.string(),
      }),
    ),
  })
  .meta({ id: 'Caseload' });
export type CaseloadView = z.infer<typeof caseloadView>;
