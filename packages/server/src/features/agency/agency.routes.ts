import { agencyRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as agency from './agency.service.ts';

export function agencyRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.read),
    config: { action: 'agency.read' },
    handler: async (req) => agency.get(ctx, actorOf(req)),
  });

  app.route({
    ...declared(routes.updateSettings),
    config: { action: 'agency.configure' },
    handler: async (req) => agency.updateSettings(ctx, actorOf(req), req.body),
  });

  app.route({
    ...declared(routes.downloadLogo),
    config: { action: 'agency.read' },
    handler: async (req, reply) => {
      const logo = await agency.logo(ctx, actorOf(req));
      return reply
        .type(logo.contentType)
        .header('cache-control', 'no-store')
        .header('content-disposition', 'inline')
        .send(logo.data);
    },
  });

  app.route({
    ...declared(routes.uploadLogo),
    config: { action: 'agency.configure' },
    handler: async (req) => agency.uploadLogo(ctx, actorOf(req), req.body),
  });

  app.route({
    ...declared(routes.removeLogo),
    config: { action: 'agency.configure' },
    handler: async (req) => agency.removeLogo(ctx, actorOf(req)),
  });
}
