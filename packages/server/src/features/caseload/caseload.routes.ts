import { caseloadRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import { caseload } from './caseload.service.ts';

export function caseloadRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    read: async ({ query, actor }) => caseload(ctx, actor, query),
  });
}
