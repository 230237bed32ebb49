import { clientRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as clients from './clients.service.ts';

export function clientRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => clients.list(ctx, actor, query),
    create: async ({ body, actor }) => clients.create(ctx, actor, body),
    read: async ({ params, actor }) => clients.read(ctx, actor, params.id),
    update: async ({ params, body, actor }) => clients.update(ctx, actor, params.id, body),
  });
}
