import type { NotificationList, NotificationView } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';

interface NotificationRow {
  id: string;
  kind: NotificationView['kind'];
  event_id: string | null;
  params: NotificationView['params'];
  created_at: Date;
  read_at: Date | null;
}

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
    const rows = await scope.tx.query<NotificationRow>(
      `SELECT id, kind, event_id, params, created_at, read_at FROM notifications
        WHERE agency_id = $1 AND user_id = $2 AND ($3::boolean IS FALSE OR read_at IS NULL)
        ORDER BY created_at DESC, id LIMIT 50`,
      [actor.agencyId, actor.userId, unreadOnly],
    );
    const unread = await scope.tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM notifications WHERE agency_id = $1 AND user_id = $2 AND read_at IS NULL',
      [actor.agencyId, actor.userId],
    );
    return { items: rows.rows.map(present), unread: unread.rows[0]?.n ?? 0 };
  });
}

/** Marks one own notification as read (someone else's is a 404). */
export async function markRead(ctx: AppContext, actor: Actor, id: string): Promise<NotificationView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'notifications.read');
    const r = await scope.tx.query<NotificationRow>(
      `UPDATE notifications SET read_at = coalesce(read_at, $3)
        WHERE id = $1 AND user_id = $2 RETURNING id, kind, event_id, params, created_at, read_at`,
      [id, actor.userId, scope.now],
    );
    const row = r.rows[0];
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
    const r = await scope.tx.query(
      'UPDATE notifications SET read_at = $3 WHERE agency_id = $1 AND user_id = $2 AND read_at IS NULL',
      [actor.agencyId, actor.userId, scope.now],
    );
    if (r.rowCount > 0)
      await scope.audit({
        action: 'notifications.mark_read',
        resourceType: 'user',
        resourceId: actor.userId,
        details: { all: true, marked: r.rowCount },
      });
    return { marked: r.rowCount };
  });
}
