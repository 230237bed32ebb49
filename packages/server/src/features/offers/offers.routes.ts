import { offerRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import { EXPORT_TYPES, exportOffers, importOffers } from './import-export.service.ts';
import * as offers from './offers.service.ts';

export function offerRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => offers.list(ctx, actor, query),
    create: async ({ body, actor }) => offers.create(ctx, actor, body),
    read: async ({ params, actor }) => offers.get(ctx, actor, params.id),
    update: async ({ params, body, actor }) => offers.update(ctx, actor, params.id, body),
    import: async ({ body, actor }) => importOffers(ctx, actor, body),
    export: async ({ query, actor, reply }) => {
      const file = await exportOffers(ctx, actor, query.format);
      return sendFile(reply, file, { name: `angebote.${query.format}`, type: EXPORT_TYPES[query.format] });
    },
  });
}
