import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import type { App } from '../../platform/http.ts';

export function healthRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['Betrieb'],
        summary: 'Liveness and database reachability',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
          503: z.object({ status: z.literal('unavailable'), database: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await ctx.db.query('SELECT 1');
        return { status: 'ok' as const, database: ctx.db.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, database: ctx.db.kind });
      }
    },
  );
}
