import { healthRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import { ping } from './health.repo.ts';

export function healthRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    read: async ({ reply }) => {
      try {
        await ping(ctx.db);
        return { status: 'ok' as const, database: ctx.db.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: ctx.db.kind });
      }
    },
  });
}
