import { researchRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as research from './research.service.ts';

export function researchRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'research.read' },
    handler: async (req) => ({ items: await research.listProjects(ctx, actorOf(req)) }),
  });

  app.route({
    ...declared(routes.create),
    config: { action: 'research.request' },
    handler: async (req, reply) =>
      reply.status(201).send(await research.createProject(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.approve),
    config: { action: 'research.approve' },
    handler: async (req) => research.approveProject(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.createExport),
    config: { action: 'research.export' },
    handler: async (req, reply) =>
      reply.status(201).send(await research.createExport(ctx, actorOf(req), req.params.id)),
  });

  app.route({
    ...declared(routes.download),
    config: { action: 'research.export' },
    handler: async (req, reply) => {
      const file = await research.download(ctx, actorOf(req), req.params.id, req.query.format);
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .send(file.body as never);
    },
  });
}
