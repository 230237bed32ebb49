import { type DateOrderRuleKey, dateOrderIssue } from '@lotse/domain/src/casework/date-order.ts';
import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

/**
 * Checks two dates of a form with the domain's rule (the same the server applies) before sending.
 * Throws the field error the server would give, in the UI language, so FormDialog-style forms show
 * it at the field; `earlierText` is the earlier date as shown to the user.
 */
export function checkDateOrder(
  t: TFunction,
  rule: DateOrderRuleKey,
  earlier: string | null | undefined,
  later: string | null | undefined,
  earlierText: string,
): void {
  const issue = dateOrderIssue(rule, earlier, later);
  if (!issue) return;
  const message = t(`dateOrder.${rule}`, { date: earlierText });
  throw new ApiError(400, 'validation_failed', message, undefined, [{ path: issue.fields[0], message }]);
}
