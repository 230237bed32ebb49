import { districtRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as districts from './districts.service.ts';

export function districtRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ actor }) => districts.list(ctx, actor),
    replace: async ({ body, actor }) => districts.replace(ctx, actor, body),
    import: async ({ body, actor }) => districts.importCsv(ctx, actor, body),
  });
}
