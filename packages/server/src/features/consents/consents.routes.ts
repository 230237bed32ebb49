import { consentView, createConsentRequest } from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, idParams } from '../../platform/http.ts';
import * as consents from './consents.service.ts';

const tags = ['Fallarbeit'];

export function consentRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients/:id/consents',
    {
      config: { action: 'consents.read' },
      schema: {
        tags,
        summary: 'Consents of a client, including withdrawn ones',
        params: idParams,
        response: { 200: z.object({ items: z.array(consentView), total: z.number().int() }) },
      },
    },
    async (req) => consents.list(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/clients/:id/consents',
    {
      config: { action: 'consents.write' },
      schema: {
        tags,
        summary: 'Record a consent (purpose, form, date; a sharing consent names the partner agency)',
        params: idParams,
        body: createConsentRequest,
        response: { 201: consentView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await consents.create(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/consents/:id/withdraw',
    {
      config: { action: 'consents.write' },
      schema: {
        tags,
        summary: 'Withdraw a consent; takes effect at once (sharing ends, health flags are erased)',
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({}).optional(),
        response: { 200: consentView },
      },
    },
    async (req) => consents.withdraw(ctx, actorOf(req), req.params.id),
  );
}
