import { contactRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as contacts from './contacts.service.ts';

export function contactRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ params, query, actor }) =>
      contacts.list(ctx, actor, params.id, query.page, query.pageSize),
    create: async ({ params, body, actor }) => contacts.create(ctx, actor, params.id, body),
  });
}
