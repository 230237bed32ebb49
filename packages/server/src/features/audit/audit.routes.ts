import { auditEntryView, auditQuery, paged } from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as audit from './audit.service.ts';

export function auditRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/audit',
    {
      config: { action: 'audit.read' },
      schema: {
        tags: ['Protokoll'],
        summary: 'Audit entries of the own agency, newest first, paged',
        querystring: auditQuery,
        response: { 200: paged(auditEntryView) },
      },
    },
    async (req) => audit.list(ctx, actorOf(req), req.query),
  );
}
