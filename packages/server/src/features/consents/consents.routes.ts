import { consentRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as consents from './consents.service.ts';

export function consentRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ params, actor }) => consents.list(ctx, actor, params.id),
    create: async ({ params, body, actor }) => consents.create(ctx, actor, params.id, body),
    withdraw: async ({ params, actor }) => consents.withdraw(ctx, actor, params.id),
  });
}
