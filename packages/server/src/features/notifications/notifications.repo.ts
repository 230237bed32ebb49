import type { NotificationView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

export type NotificationRow = Pick<
  Row<'notifications', { kind: NotificationView['kind']; params: NotificationView['params'] | null }>,
  'id' | 'kind' | 'event_id' | 'params' | 'created_at' | 'read_at'
>;

/** A user's notifications: the unread ones, or the latest 50. */
export async function listNotifications(
  tx: Queryable,
  agencyId: string,
  userId: string,
  unreadOnly: boolean,
): Promise<NotificationRow[]> {
  const rows = await tx.query<NotificationRow>(
    `SELECT id, kind, event_id, params, created_at, read_at FROM notifications
      WHERE agency_id = $1 AND user_id = $2 AND ($3::boolean IS FALSE OR read_at IS NULL)
      ORDER BY created_at DESC, id LIMIT 50`,
    [agencyId, userId, unreadOnly],
  );
  return rows.rows;
}

export async function countUnread(tx: Queryable, agencyId: string, userId: string): Promise<number> {
  const unread = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM notifications WHERE agency_id = $1 AND user_id = $2 AND read_at IS NULL',
    [agencyId, userId],
  );
  return unread.rows[0]?.n ?? 0;
}

/** Marks the user's notification read (keeping an earlier read time); undefined when it has none such. */
export async function markNotificationRead(
  tx: Queryable,
  id: string,
  userId: string,
  now: Date,
): Promise<NotificationRow | undefined> {
  const r = await tx.query<NotificationRow>(
    `UPDATE notifications SET read_at = coalesce(read_at, $3)
      WHERE id = $1 AND user_id = $2 RETURNING id, kind, event_id, params, created_at, read_at`,
    [id, userId, now],
  );
  return r.rows[0];
}

/** Marks all unread notifications of the user read; returns how many. */
export async function markAllNotificationsRead(
  tx: Queryable,
  agencyId: string,
  userId: string,
  now: Date,
): Promise<number> {
  const r = await tx.query(
    'UPDATE notifications SET read_at = $3 WHERE agency_id = $1 AND user_id = $2 AND read_at IS NULL',
    [agencyId, userId, now],
  );
  return r.rowCount;
}
