import { z } from 'zod';
import {
  notificationList,
  notificationQuery,
  notificationView,
} from '../notifications/notification.schema.ts';
import { queried } from './contracts.ts';
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
  markAllRead: {
    access: 'notifications.read',
    summary: 'Mark all own notifications as read',
    response: { 200: z.object({ marked: z.number().int() }) },
  },
  markRead: {
    access: 'notifications.read',
    summary: 'Mark one own notification as read',
    response: { 200: notificationView },
  },
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
