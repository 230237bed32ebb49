import { assessmentRoutes as routes } from '@lotse/domain/routes';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import * as exports from './assessments.exports.ts';
import { importQuestionnaireResponse } from './assessments.fhir-import.ts';
import * as assessments from './assessments.service.ts';

const pdf = (reply: FastifyReply, name: string, body: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(body);

export function assessmentRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.create),
    config: { action: 'assessments.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await assessments.create(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.importFhir),
    config: { action: 'assessments.import' },
    handler: async (req, reply) =>
      reply.status(201).send(await importQuestionnaireResponse(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.list),
    config: { action: 'assessments.read' },
    handler: async (req) => assessments.list(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.progress),
    config: { action: 'assessments.read' },
    handler: async (req) => assessments.progress(ctx, actorOf(req), req.params.id, req.query),
  });

  app.route({
    ...declared(routes.read),
    config: { action: 'assessments.read' },
    handler: async (req) => assessments.get(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.update),
    config: { action: 'assessments.write' },
    handler: async (req) => assessments.update(ctx, actorOf(req), req.params.id, req.body),
  });

  app.route({
    ...declared(routes.complete),
    config: { action: 'assessments.write' },
    handler: async (req) => assessments.complete(ctx, actorOf(req), req.params.id),
  });

  app.route({
    ...declared(routes.amend),
    config: { action: 'assessments.write' },
    handler: async (req, reply) =>
      reply.status(201).send(await assessments.amend(ctx, actorOf(req), req.params.id, req.body)),
  });

  app.route({
    ...declared(routes.exportFhir),
    config: { action: 'assessments.read' },
    handler: async (req, reply) =>
      reply
        .type('application/fhir+json; charset=utf-8')
        .send(await exports.questionnaireResponse(ctx, actorOf(req), req.params.id)),
  });

  app.route({
    ...declared(routes.downloadPdf),
    config: { action: 'assessments.read' },
    handler: async (req, reply) =>
      pdf(
        reply,
        'erhebung',
        await exports.assessmentDocument(ctx, actorOf(req), req.params.id, req.query.locale),
      ),
  });

  app.route({
    ...declared(routes.downloadProgressPdf),
    config: { action: 'assessments.read' },
    handler: async (req, reply) =>
      pdf(
        reply,
        'teilhabe-verlauf',
        await exports.progressDocument(ctx, actorOf(req), req.params.id, req.query),
      ),
  });
}
