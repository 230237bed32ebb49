import type { AuditEntryView, AuditQuery } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { pageOf } from '../../platform/paging.ts';
import { authorize } from '../../platform/policy.ts';
import { listAuditEntries } from './audit.repo.ts';

export function list(ctx: AppContext, actor: Actor, q: AuditQuery) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'audit.read');
    const rows = await listAuditEntries(scope.tx, actor.agencyId, q);
    await scope.audit({
      action: 'audit.read',
      resourceType: 'audit_log',
      details: {
        filters: Object.keys(q).filter(
          (k) => k !== 'page' && k !== 'pageSize' && q[k as keyof AuditQuery] !== undefined,
        ),
      },
    });
    const items: AuditEntryView[] = rows.map((r) => ({
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
    return pageOf(q, items, rows[0]?.total ?? 0);
  });
}
