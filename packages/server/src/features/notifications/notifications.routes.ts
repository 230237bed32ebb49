import { notificationRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as notifications from './notifications.service.ts';

export function notificationRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => notifications.list(ctx, actor, query.unread === 'true'),
    markAllRead: async ({ actor }) => notifications.markAllRead(ctx, actor),
    markRead: async ({ params, actor }) => notifications.markRead(ctx, actor, params.id),
  });
}
