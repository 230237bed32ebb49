import { referralFeedbackRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as feedback from './referral-feedback.service.ts';

/**
 * Feedback on a referral: staff enter it, or a guide hands the partner a one-time link to a public page
 * that shows only the first name with the surname initial, the offer and the date.
 */
export function referralFeedbackRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.record),
    config: { action: 'referrals.write' },
    handler: async (req) => feedback.recordByStaff(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.createLink),
    config: { action: 'referrals.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await feedback.createLink(ctx, actorOf(req), req.params.id)),
  });

  app.route({
    ...declared(routes.listLinks),
    config: { action: 'referrals.read' },
    handler: async (req) => feedback.listLinks(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.revokeLink),
    config: { action: 'referrals.write' },
    handler: async (req) => feedback.revokeLink(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.open),
    config: { public: true, secretParams: ['token'] },
    handler: async (req) => feedback.open(ctx, req.params.token),
  });

  app.route({
    ...declared(routes.submit),
    config: { public: true, secretParams: ['token'] },
    handler: async (req, reply) => {
      await feedback.submit(ctx, req.params.token, req.body);
      return reply.status(201).send({ recorded: true });
    },
  });
}
