import { z } from 'zod';
import {
  notificationList,
  notificationQuery,
  notificationView,
} from '../notifications/notification.schema.ts';
import { healthEndpoints, notificationEndpoints } from './home.endpoints.ts';
import { idParams } from './params.ts';
import { defineRoutes } from './route.ts';

const tags = ['Mitteilungen'];

export const notificationRoutes = defineRoutes(notificationEndpoints, {
  list: {
    tags,
    summary: "The signed-in user's in-app notifications (e.g. a cancelled event) and the number unread",
    query: notificationQuery,
    response: { 200: notificationList },
  },
  markAllRead: {
    tags,
    summary: 'Mark all own notifications as read',
    response: { 200: z.object({ marked: z.number().int() }) },
  },
  markRead: {
    tags,
    summary: 'Mark one own notification as read',
    params: idParams,
    response: { 200: notificationView },
  },
});

export const healthRoutes = defineRoutes(healthEndpoints, {
  read: {
    tags: ['Betrieb'],
    summary: 'Liveness and database reachability',
    response: {
      200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
      503: z.object({ status: z.literal('unavailable'), database: z.enum(['pglite', 'postgres']) }),
    },
  },
});
