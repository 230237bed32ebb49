import { planningRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as planning from './planning.service.ts';

export function planningRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.needsVsOffers),
    config: { action: 'planning.read' },
    handler: async (req) => planning.needsVsOffers(ctx, actorOf(req), req.query),
  });
}
