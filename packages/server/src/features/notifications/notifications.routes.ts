import { notificationRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as notifications from './notifications.service.ts';

export function notificationRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'notifications.read' },
    handler: async (req) => notifications.list(ctx, actorOf(req), req.query.unread === 'true'),
  });

  app.route({
    ...declared(routes.markAllRead),
    config: { action: 'notifications.read' },
    handler: async (req) => notifications.markAllRead(ctx, actorOf(req)),
  });

  app.route({
    ...declared(routes.markRead),
    config: { action: 'notifications.read' },
    handler: async (req) => notifications.markRead(ctx, actorOf(req), req.params.id),
  });
}
