import type { AuditEntryView, AuditQuery } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row, Tables } from '../../platform/rows.ts';

export type AuditEntryRow = Pick<
  Row<'audit_log', { outcome: AuditEntryView['outcome']; details: Record<string, unknown> }>,
  | 'id'
  | 'at'
  | 'action'
  | 'outcome'
  | 'actor_user_id'
  | 'agency_id'
  | 'resource_type'
  | 'resource_id'
  | 'client_id'
  | 'details'
> & { actor_name: Tables['users']['display_name'] | null; total: number };

/** A date-only `to` means the whole day. */
const endOf = (to: string) =>
  to.length === 10 ? new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) : new Date(to);

/** One page of the agency's audit trail, newest first, each row with the total of matching entries. */
export async function listAuditEntries(
  tx: Queryable,
  agencyId: string,
  q: AuditQuery,
): Promise<AuditEntryRow[]> {
  const where = ['l.agency_id = $1'];
  const params: unknown[] = [agencyId];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  // A client's trail includes the list reads that showed them (ids of the page in `clientIds`).
  if (q.clientId) {
    params.push(q.clientId);
    const p = `$${params.length}`;
    where.push(`(l.client_id = ${p} OR l.details->'clientIds' @> jsonb_build_array(${p}::text))`);
  }
  if (q.userId) add('l.actor_user_id = ?', q.userId);
  if (q.action) add(`l.action LIKE ? ESCAPE '\\'`, `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
  if (q.from) add('l.at >= ?', new Date(q.from));
  if (q.to) add(q.to.length === 10 ? 'l.at < ?' : 'l.at <= ?', endOf(q.to));
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  const rows = await tx.query<AuditEntryRow>(
    `SELECT count(*) OVER ()::int AS total, l.id, l.at, l.action, l.outcome, l.actor_user_id,
            u.display_name AS actor_name, l.agency_id, l.resource_type, l.resource_id, l.client_id, l.details
       FROM audit_log l LEFT JOIN users u ON u.id = l.actor_user_id
      WHERE ${where.join(' AND ')}
      ORDER BY l.at DESC, l.id DESC
      LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return rows.rows;
}
