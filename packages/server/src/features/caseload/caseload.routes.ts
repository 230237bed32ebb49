import { caseloadRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import { caseload } from './caseload.service.ts';

export function caseloadRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.read),
    config: { action: 'caseload.read' },
    handler: async (req) => caseload(ctx, actorOf(req), req.query),
  });
}
