import { agencyRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import * as agency from './agency.service.ts';

export function agencyRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    read: async ({ actor }) => agency.get(ctx, actor),
    updateSettings: async ({ body, actor }) => agency.updateSettings(ctx, actor, body),
    downloadLogo: async ({ actor, reply }) => {
      const logo = await agency.logo(ctx, actor);
      return sendFile(reply.header('cache-control', 'no-store'), logo.data, {
        type: logo.contentType,
        inline: true,
      });
    },
    uploadLogo: async ({ body, actor }) => agency.uploadLogo(ctx, actor, body),
    removeLogo: async ({ actor }) => agency.removeLogo(ctx, actor),
  });
}
