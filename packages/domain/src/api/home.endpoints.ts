import type { Endpoint } from './route.ts';

/** The start page's surroundings: in-app notifications, and the service's health. */

export const notificationEndpoints = {
  list: { method: 'GET', path: '/api/notifications' },
  markAllRead: { method: 'POST', path: '/api/notifications/read-all' },
  markRead: { method: 'POST', path: '/api/notifications/:id/read' },
} as const satisfies Record<string, Endpoint>;

export const healthEndpoints = {
  read: { method: 'GET', path: '/api/health' },
} as const satisfies Record<string, Endpoint>;
