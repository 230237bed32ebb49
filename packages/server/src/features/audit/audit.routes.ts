import { auditRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as audit from './audit.service.ts';

export function auditRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'audit.read' },
    handler: async (req) => audit.list(ctx, actorOf(req), req.query),
  });
}
