import { goalRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as goals from './goals.service.ts';

export function goalRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'goals.read' },
    handler: async (req) => goals.list(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'goals.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await goals.create(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'goals.write' },
    handler: async (req) => goals.update(ctx, actorOf(req), req.params.id, req.body),
  });
}
