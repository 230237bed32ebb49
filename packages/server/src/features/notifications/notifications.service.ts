import type { NotificationList, NotificationView } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationRow,
} from './notifications.repo.ts';

const present = (r: NotificationRow): NotificationView => ({
  id: r.id,
  kind: r.kind,
  eventId: r.event_id,
  params: r.params ?? {},
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** The caller's own notifications: the unread ones, or the latest 50; with the number unread. */
export async function list(ctx: AppContext, actor: Actor, unreadOnly: boolean): Promise<NotificationList> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'notifications.read');
    const rows = await listNotifications(scope.tx, actor.agencyId, actor.userId, unreadOnly);
    const unread = await countUnread(scope.tx, actor.agencyId, actor.userId);
    return { items: rows.map(present), unread };
  });
}

/** Marks one own notification as read (someone else's is a 404). */
export async function markRead(ctx: AppContext, actor: Actor, id: string): Promise<NotificationView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'notifications.read');
    const row = await markNotificationRead(scope.tx, id, actor.userId, scope.now);
    if (!row) throw notFound('Mitteilung nicht gefunden.');
    await scope.audit({
      action: 'notifications.mark_read',
      resourceType: 'notification',
      resourceId: id,
      details: { kind: row.kind },
    });
    return present(row);
  });
}

/** Marks all own notifications as read. */
export async function markAllRead(ctx: AppContext, actor: Actor): Promise<{ marked: number }> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'notifications.read');
    const marked = await markAllNotificationsRead(scope.tx, actor.agencyId, actor.userId, scope.now);
    if (marked > 0)
      await scope.audit({
        action: 'notifications.mark_read',
        resourceType: 'user',
        resourceId: actor.userId,
        details: { all: true, marked },
      });
    return { marked };
  });
}
