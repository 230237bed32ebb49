import type { ActorScope, AppContext } from '../../platform/context.ts';
import { suppressionThresholdSetting } from './agency.repo.ts';

/**
 * The small-cell threshold for figures of the actor's agency: the installation's value
 * (LOTSE_SUPPRESSION_THRESHOLD, default 5), raised by the agency setting `suppressionThreshold` if
 * that is higher. An agency can make suppression stricter, never weaker.
 */
export async function suppressionThreshold(ctx: AppContext, scope: ActorScope): Promise<number> {
  const own = Number(await suppressionThresholdSetting(scope.tx, scope.actor.agencyId));
  const base = ctx.config.statistics.suppressionThreshold;
  return Number.isInteger(own) && own > base && own <= 100 ? own : base;
}
