import type { AuditEntryView, AuditQuery } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { authorize } from '../../platform/policy.ts';

interface Row {
  id: number;
  at: Date;
  action: string;
  outcome: AuditEntryView['outcome'];
  actor_user_id: string | null;
  actor_name: string | null;
  agency_id: string | null;
  resource_type: string | null;
  resource_id: string | null;
  client_id: string | null;
  details: Record<string, unknown>;
  total: number;
}

/** A date-only `to` means the whole day. */
const endOf = (to: string) =>
  to.length === 10 ? new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000) : new Date(to);

export function list(ctx: AppContext, actor: Actor, q: AuditQuery) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'audit.read');
    const where = ['l.agency_id = $1'];
    const params: unknown[] = [actor.agencyId];
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
    const rows = await scope.tx.query<Row>(
      `SELECT count(*) OVER ()::int AS total, l.id, l.at, l.action, l.outcome, l.actor_user_id,
              u.display_name AS actor_name, l.agency_id, l.resource_type, l.resource_id, l.client_id, l.details
         FROM audit_log l LEFT JOIN users u ON u.id = l.actor_user_id
        WHERE ${where.join(' AND ')}
        ORDER BY l.at DESC, l.id DESC
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    await scope.audit({
      action: 'audit.read',
      resourceType: 'audit_log',
      details: {
        filters: Object.keys(q).filter(
          (k) => k !== 'page' && k !== 'pageSize' && q[k as keyof AuditQuery] !== undefined,
        ),
      },
    });
    const items: AuditEntryView[] = rows.rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      action: r.action,
      outcome: r.outcome,
      actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.actor_name ?? '' } : null,
      agencyId: r.agency_id,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      clientId: r.client_id,
      details: r.details,
    }));
    return { items, page: q.page, pageSize: q.pageSize, total: rows.rows[0]?.total ?? 0 };
  });
}
