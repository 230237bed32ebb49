/**
 * Dates of one record that must not contradict each other (a case closed before it was opened, a goal
 * due before it was agreed). One rule set for server and forms: the server rejects with 400 naming the
 * fields, the web forms show the same message at the field before sending.
 */

export interface DateOrderRule {
  /** Field (request path) of the earlier date. */
  earlier: string;
  /** Field (request path) of the later date; the message is shown here. */
  later: string;
  /** German message naming both fields; English in the web's i18n files under the rule's key. */
  message: string;
}

export const dateOrderRules = {
  caseClosure: {
    earlier: 'openedOn',
    later: 'date',
    message: 'Das Abschlussdatum (date) liegt vor dem Beginn des Falls (openedOn).',
  },
  referralStart: {
    earlier: 'referredOn',
    later: 'date',
    message: 'Der Beginn (date) liegt vor dem Datum der Zuweisung (referredOn).',
  },
  referralEnd: {
    earlier: 'startedOn',
    later: 'date',
    message: 'Das Ende (date) liegt vor dem Beginn der Maßnahme (startedOn).',
  },
  goalTarget: {
    earlier: 'agreedOn',
    later: 'targetDate',
    message: 'Das Zieldatum (targetDate) liegt vor dem Tag der Vereinbarung (agreedOn).',
  },
  goalReview: {
    earlier: 'agreedOn',
    later: 'reviewedOn',
    message: 'Die Überprüfung (reviewedOn) liegt vor dem Tag der Vereinbarung (agreedOn).',
  },
  enrolmentExit: {
    earlier: 'entryDate',
    later: 'date',
    message: 'Der Austritt (date) liegt vor dem Eintritt (entryDate).',
  },
} as const satisfies Record<string, DateOrderRule>;

export type DateOrderRuleKey = keyof typeof dateOrderRules;

export interface DateOrderIssue {
  rule: DateOrderRuleKey;
  /** Both fields; the first is where a form shows the message. */
  fields: [string, string];
  message: string;
}

/**
 * The issue when `later` lies before `earlier` (both 'YYYY-MM-DD'); null when either is missing or the
 * order holds. Same-day dates are fine (a case opened and closed on one day).
 */
export function dateOrderIssue(
  rule: DateOrderRuleKey,
  earlier: string | null | undefined,
  later: string | null | undefined,
): DateOrderIssue | null {
  if (!earlier || !later || later >= earlier) return null;
  const r = dateOrderRules[rule];
  return { rule, fields: [r.later, r.earlier], message: r.message };
}
