import { planningRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as planning from './planning.service.ts';

export function planningRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    needsVsOffers: async ({ query, actor }) => planning.needsVsOffers(ctx, actor, query),
  });
}
