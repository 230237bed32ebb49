import { createPublicationRequest, paged, publicationQuery, publicationView } from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as publications from './publications.service.ts';

const tags = ['Gute Praxis'];

/** A Content-Disposition header that survives any file name (RFC 6266 / RFC 5987). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export function publicationRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/publications',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary: 'Good practice, guides, instruments and reports (search by text, kind and tag)',
        querystring: publicationQuery,
        response: { 200: paged(publicationView) },
      },
    },
    async (req) => publications.list(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/publications',
    {
      config: { action: 'publications.write' },
      // A file of up to 10 MB arrives base64-encoded in the JSON body.
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Publish a document with an optional file (PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT; max. 10 MB)',
        body: createPublicationRequest,
        response: { 201: publicationView },
      },
    },
    async (req, reply) => reply.status(201).send(await publications.create(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/publications/:id/file',
    {
      config: { action: 'network.read' },
      schema: { tags, summary: 'Download the file of a publication', params: z.object({ id: z.uuid() }) },
    },
    async (req, reply) => {
      const f = await publications.file(ctx, actorOf(req), req.params.id);
      return reply.type(f.contentType).header('content-disposition', attachment(f.name)).send(f.content);
    },
  );
}
