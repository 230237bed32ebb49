import { type DateOrderRuleKey, dateOrderIssue } from '@lotse/domain';
import { badRequest } from '../../platform/errors.ts';

const DAY = 86_400_000;

/** Today's date (UTC) as 'YYYY-MM-DD', from the request's clock. */
export const today = (now: Date) => now.toISOString().slice(0, 10);

export const addDays = (date: string, days: number) =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);

/**
 * Rejects dates that make no sense relative to today: a contact three years ahead, a birth date in
 * the future, a goal due in 2090. The schemas only know absolute bounds; the clock lives here.
 */
export function assertDateWithin(
  field: string,
  date: string,
  now: Date,
  range: { pastDays: number; futureDays: number },
): void {
  const t = today(now);
  if (date > addDays(t, range.futureDays)) {
    throw badRequest('Das Datum liegt zu weit in der Zukunft.', [
      { path: field, message: 'Datum liegt zu weit in der Zukunft.' },
    ]);
  }
  if (date < addDays(t, -range.pastDays)) {
    throw badRequest('Das Datum liegt zu weit in der Vergangenheit.', [
      { path: field, message: 'Datum liegt zu weit in der Vergangenheit.' },
    ]);
  }
}

/** Ranges used across case work, in days. */
export const DATE_RANGES = {
  /** Birth dates: born at most 120 years ago, and not in the future. */
  birthDate: { pastDays: 120 * 366, futureDays: 0 },
  /** Documented events (contacts, consents, closure): up to ten years back, a month ahead at most. */
  event: { pastDays: 10 * 366, futureDays: 31 },
  /** Goal target dates: may lie up to five years ahead. */
  target: { pastDays: 5 * 366, futureDays: 5 * 366 },
} as const;

/**
 * 400 naming both fields when two dates of one record contradict each other; the rules live in the
 * domain package so the web forms check the same before sending.
 */
export function assertDateOrder(
  rule: DateOrderRuleKey,
  earlier: string | null | undefined,
  later: string | null | undefined,
): void {
  const issue = dateOrderIssue(rule, earlier, later);
  if (issue)
    throw badRequest(
      issue.message,
      issue.fields.map((path) => ({ path, message: issue.message })),
    );
}
