import { offerRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import { EXPORT_TYPES, exportOffers, importOffers } from './import-export.service.ts';
import * as offers from './offers.service.ts';

export function offerRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'network.read' },
    handler: async (req) => offers.list(ctx, actorOf(req), req.query),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'network.write' },
    handler: async (req, reply) => reply.status(201).send(await offers.create(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.read),
    config: { action: 'network.read' },
    handler: async (req) => offers.get(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'network.write' },
    handler: async (req) => offers.update(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.import),
    config: { action: 'network.import' },
    bodyLimit: 15 * 1024 * 1024,
    handler: async (req) => importOffers(ctx, actorOf(req), req.body),
  });

  app.route({
    ...declared(routes.export),
    config: { action: 'network.read' },
    handler: async (req, reply) => {
      const file = await exportOffers(ctx, actorOf(req), req.query.format);
      return reply
        .type(EXPORT_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="angebote.${req.query.format}"`)
        .send(file);
    },
  });
}
