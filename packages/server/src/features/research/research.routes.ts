import { researchRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import * as research from './research.service.ts';

export function researchRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ actor }) => ({ items: await research.listProjects(ctx, actor) }),
    create: async ({ body, actor }) => research.createProject(ctx, actor, body),
    approve: async ({ params, actor }) => research.approveProject(ctx, actor, params.id),
    createExport: async ({ params, actor }) => research.createExport(ctx, actor, params.id),
    download: async ({ params, query, actor, reply }) => {
      const file = await research.download(ctx, actor, params.id, query.format);
      return sendFile(reply, file.body, { name: `${file.name}`, type: file.type });
    },
  });
}
