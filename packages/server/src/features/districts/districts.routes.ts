import { districtRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as districts from './districts.service.ts';

export function districtRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'districts.read' },
    handler: async (req) => districts.list(ctx, actorOf(req)),
  });
  app.route({
    ...declared(routes.replace),
    config: { action: 'districts.manage' },
    bodyLimit: 5 * 1024 * 1024,
    handler: async (req) => districts.replace(ctx, actorOf(req), req.body),
  });
  app.route({
    ...declared(routes.import),
    config: { action: 'districts.manage' },
    bodyLimit: 15 * 1024 * 1024,
    handler: async (req) => districts.importCsv(ctx, actorOf(req), req.body),
  });
}
