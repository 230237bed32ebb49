import { selfAssessmentRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as selfAssessment from './self-assessment.service.ts';

/**
 * A guide creates a one-time link; the client fills in the self perspective on a public page. The
 * public routes are narrow: open (instrument and draft), save the draft, submit.
 */
export function selfAssessmentRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.createLink),
    config: { action: 'assessments.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await selfAssessment.createLink(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.listLinks),
    config: { action: 'assessments.read' },
    handler: async (req) => selfAssessment.listLinks(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.revokeLink),
    config: { action: 'assessments.write' },
    handler: async (req) => selfAssessment.revokeLink(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.open),
    config: { public: true, secretParams: ['token'] },
    handler: async (req) => selfAssessment.open(ctx, req.params.token),
  });

  app.route({
    ...declared(routes.saveDraft),
    config: { public: true, secretParams: ['token'] },
    handler: async (req) => selfAssessment.saveDraft(ctx, req.params.token, req.body.answers),
  });

  app.route({
    ...declared(routes.submit),
    config: { public: true, secretParams: ['token'] },
    handler: async (req, reply) => {
      await selfAssessment.submit(ctx, req.params.token, req.body.answers);
      return reply.status(201).send({ submitted: true });
    },
  });
}
