import type { ActorScope } from '../../platform/context.ts';
import { conflict } from '../../platform/errors.ts';
import { closeReleases, insertRelease } from './evaluation.repo.ts';

export const differencingRefusal = (threshold: number) =>
  conflict(
    `Diese Auswahl unterscheidet sich von einer kürzlich abgefragten um weniger als ${threshold} Personen. ` +
      'Zum Schutz einzelner Personen werden dafür keine Zahlen gezeigt; bitte die Auswahl weiter fassen.',
  );

/** How long released cohort sizes are remembered per requester. */
export const RELEASE_MEMORY_DAYS = 30;

export interface CohortSize {
  /** People with an intake and a paired later assessment. */
  paired: number;
  /** People with an intake. */
  intake: number;
}

/**
 * The differencing defence: two cohorts that differ by a few people (e.g. "all" and "all but one
 * district", or the same filter before and after one new follow-up) would reveal those people's
 * change by subtraction. A cohort whose size differs from one released to the same requester in the
 * last 30 days (same instrument, perspective and pairing) by 1 to threshold - 1 people is refused;
 * otherwise its size is remembered. Equal sizes pass (the same cohort asked again). Returns false
 * when refused (the refusal is audited; the caller answers 409 after the transaction commits).
 */
export async function guardCohortRelease(
  scope: ActorScope,
  scopeKey: string,
  filterKey: string,
  size: CohortSize,
  threshold: number,
): Promise<boolean> {
  // A cohort smaller than the threshold publishes no figure at all: nothing to protect or remember.
  if (size.paired < threshold && size.intake < threshold) return true;
  const since = new Date(scope.now.getTime() - RELEASE_MEMORY_DAYS * 24 * 60 * 60 * 1000);
  const requester = { agencyId: scope.actor.agencyId, userId: scope.actor.userId };
  if ((await closeReleases(scope.tx, requester, scopeKey, since, size, threshold)) > 0) {
    await scope.audit({
      action: 'reports.cohort',
      outcome: 'denied',
      resourceType: 'cohort',
      details: { reason: 'differencing', filter: filterKey },
    });
    return false;
  }
  await insertRelease(scope.tx, requester, scopeKey, filterKey, size, scope.now);
  return true;
}
