import { createGoalRequest, goalView, updateGoalRequest } from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, idParams } from '../../platform/http.ts';
import * as goals from './goals.service.ts';

const tags = ['Fallarbeit'];

export function goalRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients/:id/goals',
    {
      config: { action: 'goals.read' },
      schema: {
        tags,
        summary: 'Goals agreed with a client',
        params: idParams,
        response: { 200: z.object({ items: z.array(goalView), total: z.number().int() }) },
      },
    },
    async (req) => goals.list(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/clients/:id/goals',
    {
      config: { action: 'goals.write' },
      schema: {
        tags,
        summary: 'Agree a goal, linked to a participation dimension',
        params: idParams,
        body: createGoalRequest,
        response: { 201: goalView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await goals.create(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/goals/:id',
    {
      config: { action: 'goals.write' },
      schema: {
        tags,
        summary: 'Change a goal: steps, target date, status, review',
        params: z.object({ id: z.uuid() }),
        body: updateGoalRequest,
        response: { 200: goalView },
      },
    },
    async (req) => goals.update(ctx, actorOf(req), req.params.id, req.body),
  );
}
