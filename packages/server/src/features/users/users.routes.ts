import { userRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as users from './users.service.ts';

export function userRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => users.list(ctx, actor, query.page, query.pageSize, query.query),
    create: async ({ body, actor }) => users.create(ctx, actor, body),
    update: async ({ params, body, actor }) => users.update(ctx, actor, params.id, body),
    resetPassword: async ({ params, actor, reply }) => {
      const result = await users.resetPassword(ctx, actor, params.id);
      if (result.pending) return reply.status(202).send(result.pending);
      return { link: result.link };
    },
    resetMfa: async ({ params, actor, reply }) => {
      const result = await users.resetMfa(ctx, actor, params.id);
      return result.pending ? reply.status(202).send(result.pending) : reply.status(204).send(null);
    },
  });
}
