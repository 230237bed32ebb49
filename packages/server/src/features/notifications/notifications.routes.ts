import { notificationList, notificationQuery, notificationView } from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as notifications from './notifications.service.ts';

const tags = ['Mitteilungen'];
const idParams = z.object({ id: z.uuid() });

export function notificationRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/notifications',
    {
      config: { action: 'notifications.read' },
      schema: {
        tags,
        summary: "The signed-in user's in-app notifications (e.g. a cancelled event) and the number unread",
        querystring: notificationQuery,
        response: { 200: notificationList },
      },
    },
    async (req) => notifications.list(ctx, actorOf(req), req.query.unread === 'true'),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { action: 'notifications.read' },
      schema: {
        tags,
        summary: 'Mark all own notifications as read',
        response: { 200: z.object({ marked: z.number().int() }) },
      },
    },
    async (req) => notifications.markAllRead(ctx, actorOf(req)),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { action: 'notifications.read' },
      schema: {
        tags,
        summary: 'Mark one own notification as read',
        params: idParams,
        response: { 200: notificationView },
      },
    },
    async (req) => notifications.markRead(ctx, actorOf(req), req.params.id),
  );
}
