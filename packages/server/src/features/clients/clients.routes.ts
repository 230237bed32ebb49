import { clientRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as clients from './clients.service.ts';

export function clientRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'clients.read' },
    handler: async (req) => clients.list(ctx, actorOf(req), req.query),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'clients.write' },
    handler: async (req, reply) => reply.status(201).send(await clients.create(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.read),
    config: { action: 'clients.read' },
    handler: async (req) => clients.read(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'clients.write' },
    handler: async (req) => clients.update(ctx, actorOf(req), req.params.id, req.body),
  });
}
