import { caseRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as cases from './cases.service.ts';

export function caseRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.close),
    config: { action: 'cases.manage' },
    handler: async (req) => cases.close(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.reopen),
    config: { action: 'cases.manage' },
    handler: async (req) => cases.reopen(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.handover),
    config: { action: 'cases.manage' },
    handler: async (req) => cases.handover(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.share),
    config: { action: 'cases.manage' },
    handler: async (req) => cases.share(ctx, actorOf(req), req.params.id, req.body.partnerAgencyId),
  });

  app.route({
    ...declared(routes.listGuides),
    config: { action: 'cases.manage' },
    handler: async (req) => cases.guides(ctx, actorOf(req)),
  });

  app.route({
    ...declared(routes.listPartnerAgencies),
    config: { action: 'consents.write' },
    handler: async (req) => cases.partnerAgencies(ctx, actorOf(req)),
  });
}
