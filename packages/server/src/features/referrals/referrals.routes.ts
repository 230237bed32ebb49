import { referralRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as referrals from './referrals.service.ts';

export function referralRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.suggestions),
    config: { action: 'referrals.read' },
    handler: async (req) => referrals.suggestions(ctx, actorOf(req), req.params.id, req.query.limit),
  });

  app.route({
    ...declared(routes.list),
    config: { action: 'referrals.read' },
    handler: async (req) => referrals.list(ctx, actorOf(req), req.params.id, req.query),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'referrals.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await referrals.create(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'referrals.write' },
    handler: async (req) => referrals.update(ctx, actorOf(req), req.params.id, req.body),
  });
}
