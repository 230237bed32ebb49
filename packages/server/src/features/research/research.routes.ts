import {
  createResearchProjectRequest,
  researchDownloadQuery,
  researchExportCreated,
  researchProjectView,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as research from './research.service.ts';

const tags = ['Forschung'];
const idParams = z.object({ id: z.uuid() });
const emptyBody = z.strictObject({}).optional();

export function researchRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/research-projects',
    {
      config: { action: 'research.read' },
      schema: {
        tags,
        summary: 'Research projects of the own agency or awaiting its approval',
        response: { 200: z.object({ items: z.array(researchProjectView) }) },
      },
    },
    async (req) => ({ items: await research.listProjects(ctx, actorOf(req)) }),
  );

  app.post(
    '/api/research-projects',
    {
      config: { action: 'research.request' },
      schema: {
        tags,
        summary: 'File a research project (title, purpose, legal basis, period, data-giving agencies)',
        body: createResearchProjectRequest,
        response: { 201: researchProjectView },
      },
    },
    async (req, reply) => reply.status(201).send(await research.createProject(ctx, actorOf(req), req.body)),
  );

  app.post(
    '/api/research-projects/:id/approve',
    {
      config: { action: 'research.approve' },
      schema: {
        tags,
        summary: 'Approve a research project for the own (data-giving) agency; never by the requester',
        params: idParams,
        body: emptyBody,
        response: { 200: researchProjectView },
      },
    },
    async (req) => research.approveProject(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/research-projects/:id/exports',
    {
      config: { action: 'research.export' },
      schema: {
        tags,
        summary: 'Create a pseudonymised, k-anonymous export of an approved project',
        params: idParams,
        body: emptyBody,
        response: { 201: researchExportCreated },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await research.createExport(ctx, actorOf(req), req.params.id)),
  );

  app.get(
    '/api/research-exports/:id/download',
    {
      config: { action: 'research.export' },
      schema: {
        tags,
        summary: 'Download an export as CSV or Parquet, or its codebook (CSV) and Table Schema (JSON)',
        params: idParams,
        querystring: researchDownloadQuery,
      },
    },
    async (req, reply) => {
      const file = await research.download(ctx, actorOf(req), req.params.id, req.query.format);
      return reply
        .type(file.type)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .send(file.body as never);
    },
  );
}
