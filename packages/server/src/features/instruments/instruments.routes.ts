import { instrumentRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import { blankForm } from './instrument.pdf.ts';
import * as fhir from './instruments.fhir.ts';
import * as instruments from './instruments.service.ts';

export function instrumentRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.list),
    config: { action: 'instruments.read' },
    handler: async (req) => instruments.list(ctx, actorOf(req), req.query.status),
  });

  app.route({
    ...declared(routes.read),
    config: { action: 'instruments.read' },
    handler: async (req) => instruments.get(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.copyToDraft),
    config: { action: 'instruments.manage' },
    handler: async (req, reply) =>
      reply.status(201).send(await instruments.copyToDraft(ctx, actorOf(req), req.params.id)),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'instruments.manage' },
    handler: async (req) => instruments.update(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.publish),
    config: { action: 'instruments.manage' },
    handler: async (req) => instruments.publish(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.exportFhir),
    config: { action: 'instruments.read' },
    handler: async (req, reply) =>
      reply
        .type('application/fhir+json; charset=utf-8')
        .send(await fhir.exportQuestionnaire(ctx, actorOf(req), req.params.id)),
  });

  app.route({
    ...declared(routes.importFhir),
    config: { action: 'instruments.manage' },
    handler: async (req, reply) =>
      reply.status(201).send(await fhir.importQuestionnaire(ctx, actorOf(req), req.body)),
  });

  app.route({
    ...declared(routes.downloadForm),
    config: { action: 'instruments.read' },
    handler: async (req, reply) => {
      const { locale, perspective, clientId } = req.query;
      const form = await instruments.formFor(ctx, actorOf(req), req.params.id, clientId);
      const { row, definition } = form;
      const pdf = await blankForm(row.key, row.version, definition, locale, perspective, form.letterhead, {
        clientNumber: form.clientNumber,
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="${row.key}-v${row.version}-${perspective}-${locale}.pdf"`,
        )
        .send(pdf);
    },
  });
}
