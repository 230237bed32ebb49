import {
  amendAssessmentRequest,
  assessmentListView,
  assessmentView,
  createAssessmentRequest,
  importQuestionnaireResponseRequest,
  instrumentLocale,
  progressQuery,
  progressView,
  updateAssessmentRequest,
} from '@lotse/domain';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as exports from './assessments.exports.ts';
import { importQuestionnaireResponse } from './assessments.fhir-import.ts';
import * as assessments from './assessments.service.ts';

const tags = ['Erhebungen'];
const idParams = z.object({ id: z.uuid() });
const pdfQuery = z.object({ locale: instrumentLocale.default('de') });
const pdf = (reply: FastifyReply, name: string, body: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${name}.pdf"`).send(body);

export function assessmentRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/clients/:id/assessments',
    {
      config: { action: 'assessments.write' },
      schema: {
        tags,
        summary: 'Record an assessment (completed by default, or a draft); returns it with scores',
        params: idParams,
        body: createAssessmentRequest,
        response: { 201: assessmentView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await assessments.create(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/clients/:id/assessments/import/fhir',
    {
      config: { action: 'assessments.import' },
      schema: {
        tags,
        summary:
          'Record an assessment from a FHIR R4 QuestionnaireResponse (another system, scanned paper form); it must cite a published instrument version (questionnaire url|version)',
        params: idParams,
        body: importQuestionnaireResponseRequest,
        response: { 201: assessmentView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await importQuestionnaireResponse(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/clients/:id/assessments',
    {
      config: { action: 'assessments.read' },
      schema: {
        tags,
        summary: 'Assessments of a client',
        params: idParams,
        response: { 200: assessmentListView },
      },
    },
    async (req) => assessments.list(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/clients/:id/progress',
    {
      config: { action: 'assessments.read' },
      schema: {
        tags,
        summary: 'Scores over time, change first -> latest (or from/to) with RCI and class, follow-up due',
        params: idParams,
        querystring: progressQuery,
        response: { 200: progressView },
      },
    },
    async (req) => assessments.progress(ctx, actorOf(req), req.params.id, req.query),
  );

  app.get(
    '/api/assessments/:id',
    {
      config: { action: 'assessments.read' },
      schema: { tags, summary: 'One assessment', params: idParams, response: { 200: assessmentView } },
    },
    async (req) => assessments.get(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/assessments/:id',
    {
      config: { action: 'assessments.write' },
      schema: {
        tags,
        summary: 'Save a draft (autosave); completed assessments are locked',
        params: idParams,
        body: updateAssessmentRequest,
        response: { 200: assessmentView },
      },
    },
    async (req) => assessments.update(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/assessments/:id/complete',
    {
      config: { action: 'assessments.write' },
      schema: {
        tags,
        summary: 'Complete and lock a draft',
        params: idParams,
        response: { 200: assessmentView },
      },
    },
    async (req) => assessments.complete(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/assessments/:id/amendments',
    {
      config: { action: 'assessments.write' },
      schema: {
        tags,
        summary: 'Correct a completed assessment; the previous state is kept as an amendment',
        params: idParams,
        body: amendAssessmentRequest,
        response: { 201: assessmentView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await assessments.amend(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/assessments/:id/fhir',
    {
      config: { action: 'assessments.read' },
      schema: {
        tags,
        summary: 'The assessment as HL7 FHIR R4 QuestionnaireResponse',
        params: idParams,
        response: { 200: z.looseObject({ resourceType: z.string() }) },
      },
    },
    async (req, reply) =>
      reply
        .type('application/fhir+json; charset=utf-8')
        .send(await exports.questionnaireResponse(ctx, actorOf(req), req.params.id)),
  );

  app.get(
    '/api/assessments/:id/pdf',
    {
      config: { action: 'assessments.read' },
      schema: {
        tags,
        summary: 'PDF of an assessment (to hand to the client)',
        params: idParams,
        querystring: pdfQuery,
      },
    },
    async (req, reply) =>
      pdf(
        reply,
        'erhebung',
        await exports.assessmentDocument(ctx, actorOf(req), req.params.id, req.query.locale),
      ),
  );

  app.get(
    '/api/clients/:id/progress.pdf',
    {
      config: { action: 'assessments.read' },
      schema: {
        tags,
        summary: 'PDF of the client’s progress with the radar chart',
        params: idParams,
        querystring: progressQuery.extend(pdfQuery.shape),
      },
    },
    async (req, reply) =>
      pdf(
        reply,
        'teilhabe-verlauf',
        await exports.progressDocument(ctx, actorOf(req), req.params.id, req.query),
      ),
  );
}
