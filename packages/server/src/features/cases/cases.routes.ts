import { caseRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as cases from './cases.service.ts';

export function caseRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    close: async ({ params, body, actor }) => cases.close(ctx, actor, params.id, body),
    reopen: async ({ params, body, actor }) => cases.reopen(ctx, actor, params.id, body),
    handover: async ({ params, body, actor }) => cases.handover(ctx, actor, params.id, body),
    share: async ({ params, body, actor }) => cases.share(ctx, actor, params.id, body.partnerAgencyId),
    listGuides: async ({ actor }) => cases.guides(ctx, actor),
    listPartnerAgencies: async ({ actor }) => cases.partnerAgencies(ctx, actor),
  });
}
