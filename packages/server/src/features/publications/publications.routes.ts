import { publicationRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as publications from './publications.service.ts';

/** A Content-Disposition header that survives any file name (RFC 6266 / RFC 5987). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function publicationRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => publications.list(ctx, actor, query),
    create: async ({ body, actor }) => publications.create(ctx, actor, body),
    downloadFile: async ({ params, actor, reply }) => {
      const f = await publications.file(ctx, actor, params.id);
      return reply.type(f.contentType).header('content-disposition', attachment(f.name)).send(f.content);
    },
  });
}
