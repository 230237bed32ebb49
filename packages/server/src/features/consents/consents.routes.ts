import { consentRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as consents from './consents.service.ts';

export function consentRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'consents.read' },
    handler: async (req) => consents.list(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'consents.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await consents.create(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.withdraw),
    config: { action: 'consents.write' },
    handler: async (req) => consents.withdraw(ctx, actorOf(req), req.params.id),
  });
}
