import { referralRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as referrals from './referrals.service.ts';

export function referralRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    suggestions: async ({ params, query, actor }) =>
      referrals.suggestions(ctx, actor, params.id, query.limit),
    list: async ({ params, query, actor }) => referrals.list(ctx, actor, params.id, query),
    create: async ({ params, body, actor }) => referrals.create(ctx, actor, params.id, body),
    update: async ({ params, body, actor }) => referrals.update(ctx, actor, params.id, body),
  });
}
