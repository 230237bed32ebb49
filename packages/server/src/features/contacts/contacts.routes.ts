import { contactRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as contacts from './contacts.service.ts';

export function contactRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'contacts.read' },
    handler: async (req) =>
      contacts.list(ctx, actorOf(req), req.params.id, req.query.page, req.query.pageSize),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'contacts.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await contacts.create(ctx, actorOf(req), req.params.id, req.body)),
  });
}
