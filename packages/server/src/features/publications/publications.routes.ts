import { publicationRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as publications from './publications.service.ts';

/** A Content-Disposition header that survives any file name (RFC 6266 / RFC 5987). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function publicationRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'network.read' },
    handler: async (req) => publications.list(ctx, actorOf(req), req.query),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'publications.write' },
    // A file of up to 10 MB arrives base64-encoded in the JSON body.
    bodyLimit: 15 * 1024 * 1024,
    handler: async (req, reply) =>
      reply.status(201).send(await publications.create(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.downloadFile),
    config: { action: 'network.read' },
    handler: async (req, reply) => {
      const f = await publications.file(ctx, actorOf(req), req.params.id);
      return reply.type(f.contentType).header('content-disposition', attachment(f.name)).send(f.content);
    },
  });
}
