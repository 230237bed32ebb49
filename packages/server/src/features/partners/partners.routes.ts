import { partnerRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import { EXPORT_TYPES, exportPartners, importPartners } from '../offers/import-export.service.ts';
import * as partners from './partners.service.ts';

export function partnerRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'network.read' },
    handler: async (req) => partners.list(ctx, actorOf(req), req.query),
  });

  app.route({
    ...declared(routes.read),
    config: { action: 'network.read' },
    handler: async (req) => partners.get(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'network.write' },
    handler: async (req, reply) => reply.status(201).send(await partners.create(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'network.write' },
    handler: async (req) => partners.update(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.import),
    config: { action: 'network.import' },
    bodyLimit: 15 * 1024 * 1024,
    handler: async (req) => importPartners(ctx, actorOf(req), req.body),
  });

  app.route({
    ...declared(routes.export),
    config: { action: 'network.read' },
    handler: async (req, reply) => {
      const file = await exportPartners(ctx, actorOf(req), req.query.format);
      return reply
        .type(EXPORT_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="netzwerkpartner.${req.query.format}"`)
        .send(file);
    },
  });
}
