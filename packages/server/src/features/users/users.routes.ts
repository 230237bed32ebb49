import { userRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as users from './users.service.ts';

export function userRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'users.read' },
    handler: async (req) =>
      users.list(ctx, actorOf(req), req.query.page, req.query.pageSize, req.query.query),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'users.manage' },
    handler: async (req, reply) => reply.status(201).send(await users.create(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'users.manage' },
    handler: async (req) => users.update(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.resetPassword),
    config: { action: 'users.manage' },
    handler: async (req, reply) => {
      const result = await users.resetPassword(ctx, actorOf(req), req.params.id);
      if (result.pending) return reply.status(202).send(result.pending);
      return { link: result.link };
    },
  });

  app.route({
    ...declared(routes.resetMfa),
    config: { action: 'users.manage' },
    handler: async (req, reply) => {
      const result = await users.resetMfa(ctx, actorOf(req), req.params.id);
      return result.pending ? reply.status(202).send(result.pending) : reply.status(204).send(null);
    },
  });
}
