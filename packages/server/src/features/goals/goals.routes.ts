import { goalRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as goals from './goals.service.ts';

export function goalRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ params, actor }) => goals.list(ctx, actor, params.id),
    create: async ({ params, body, actor }) => goals.create(ctx, actor, params.id, body),
    update: async ({ params, body, actor }) => goals.update(ctx, actor, params.id, body),
  });
}
