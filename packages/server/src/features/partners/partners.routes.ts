import { partnerRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import { EXPORT_TYPES, exportPartners, importPartners } from '../offers/import-export.service.ts';
import * as partners from './partners.service.ts';

export function partnerRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => partners.list(ctx, actor, query),
    read: async ({ params, actor }) => partners.get(ctx, actor, params.id),
    create: async ({ body, actor }) => partners.create(ctx, actor, body),
    update: async ({ params, body, actor }) => partners.update(ctx, actor, params.id, body),
    import: async ({ body, actor }) => importPartners(ctx, actor, body),
    export: async ({ query, actor, reply }) => {
      const file = await exportPartners(ctx, actor, query.format);
      return sendFile(reply, file, {
        name: `netzwerkpartner.${query.format}`,
        type: EXPORT_TYPES[query.format],
      });
    },
  });
}
