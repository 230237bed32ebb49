import { z } from 'zod';

/**
 * In-app notifications of the signed-in user (shown after sign-in). The text is chosen by `kind` from
 * the locale files; `params` carry what it needs (an event's code, title and start).
 */
export const notificationKind = z.enum(['event_cancelled', 'event_changed']);
export type NotificationKind = z.infer<typeof notificationKind>;

export const notificationView = z
  .object({
    id: z.uuid(),
    kind: notificationKind,
    eventId: z.uuid().nullable(),
    params: z.object({
      code: z.string().optional(),
      title: z.string().optional(),
      startsAt: z.string().optional(),
      reason: z.string().nullable().optional(),
    }),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Notification' });
export type NotificationView = z.infer<typeof notificationView>;

export const notificationList = z
  .object({ items: z.array(notificationView), unread: z.number().int() })
  .meta({ id: 'Notifications' });
export type NotificationList = z.infer<typeof notificationList>;

export const notificationQuery = z.strictObject({
  /** Only unread ones (the sign-in view), else the latest 50. */
  unread: z.enum(['true', 'false']).optional(),
});
