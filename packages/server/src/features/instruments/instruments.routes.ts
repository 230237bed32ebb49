import {
  instrumentListQuery,
  instrumentListView,
  instrumentView,
  updateInstrumentRequest,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as instruments from './instruments.service.ts';

const tags = ['Erhebungsbögen'];
const idParams = z.object({ id: z.uuid() });

export function instrumentRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/instruments',
    {
      config: { action: 'instruments.read' },
      schema: {
        tags,
        summary: 'Published instrument versions with dimensions and items (status=all adds drafts)',
        querystring: instrumentListQuery,
        response: { 200: instrumentListView },
      },
    },
    async (req) => instruments.list(ctx, actorOf(req), req.query.status),
  );

  app.get(
    '/api/instruments/:id',
    {
      config: { action: 'instruments.read' },
      schema: {
        tags,
        summary: 'One instrument version',
        params: idParams,
        response: { 200: instrumentView },
      },
    },
    async (req) => instruments.get(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/instruments/:id/drafts',
    {
      config: { action: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Copy a version to a new draft of the own agency',
        params: idParams,
        response: { 201: instrumentView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await instruments.copyToDraft(ctx, actorOf(req), req.params.id)),
  );

  app.patch(
    '/api/instruments/:id',
    {
      config: { action: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Change a draft (published versions are immutable)',
        params: idParams,
        body: updateInstrumentRequest,
        response: { 200: instrumentView },
      },
    },
    async (req) => instruments.update(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/instruments/:id/publish',
    {
      config: { action: 'instruments.manage' },
      schema: { tags, summary: 'Publish a draft', params: idParams, response: { 200: instrumentView } },
    },
    async (req) => instruments.publish(ctx, actorOf(req), req.params.id),
  );
}
