import { z } from 'zod';
import {
  notificationList,
  notificationQuery,
  notificationView,
} from '../notifications/notification.schema.ts';
import { answers, queried } from './contracts.ts';
import { defineRoutes } from './define-routes.ts';
import { healthEndpoints, notificationEndpoints } from './home.endpoints.ts';

const group = { tags: ['Mitteilungen'] };

export const notificationRoutes = defineRoutes(notificationEndpoints, group, {
  list: queried(
    'notifications.read',
    "The signed-in user's in-app notifications (e.g. a cancelled event) and the number unread",
    notificationQuery,
    notificationList,
  ),
  markAllRead: answers(
    'notifications.read',
    'Mark all own notifications as read',
    z.object({ marked: z.number().int() }),
  ),
  markRead: answers('notifications.read', 'Mark one own notification as read', notificationView),
});

const healthGroup = { tags: ['Betrieb'] };

export const healthRoutes = defineRoutes(healthEndpoints, healthGroup, {
  read: {
    access: 'public',
    summary: 'Liveness and database reachability',
    response: {
      200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
      503: z.object({ status: z.literal('unavailable'), database: z.enum(['pglite', 'postgres']) }),
    },
  },
});
