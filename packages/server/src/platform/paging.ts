import type { Action } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from './context.ts';
import { authorize } from './policy.ts';

/** Which page of a list the client asked for; pages count from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** How many rows come before the page. */
export const pageOffset = (q: PageRequest) => (q.page - 1) * q.pageSize;

/** One page of a list as every list endpoint answers it. */
export const pageOf = <T>(q: PageRequest, items: T[], total: number) => ({
  items,
  page: q.page,
  pageSize: q.pageSize,
  total,
});

/**
 * The handler of a list whose every row the holder of `action` may read (the network's offers,
 * partners, events and publications): `load` reads a page's rows and the total, `present` makes the
 * views.
 */
export function pagedList<Q, R, V>(
  action: Action,
  load: (scope: ActorScope, q: Q, limit: number, offset: number) => Promise<{ rows: R[]; total: number }>,
  present: (rows: R[], scope: ActorScope) => V[] | Promise<V[]>,
) {
  return (ctx: AppContext, actor: Actor, q: Q & PageRequest) =>
    withActor(ctx, actor, async (scope) => {
      authorize(actor, action);
      const { rows, total } = await load(scope, q, q.pageSize, pageOffset(q));
      return pageOf(q, await present(rows, scope), total);
    });
}
