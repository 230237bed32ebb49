import {
  clientListQuery,
  clientSummary,
  clientView,
  createClientRequest,
  paged,
  updateClientRequest,
} from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, idParams } from '../../platform/http.ts';
import * as clients from './clients.service.ts';

const tags = ['Fallarbeit'];

export function clientRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients',
    {
      config: { action: 'clients.read' },
      schema: {
        tags,
        summary: 'Clients of the own agency and shared with it; typo-tolerant search with ?query=',
        querystring: clientListQuery,
        response: { 200: paged(clientSummary) },
      },
    },
    async (req) => clients.list(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/clients',
    {
      config: { action: 'clients.write' },
      schema: {
        tags,
        summary:
          'Create a client and open a case (409 with the possible duplicates - same birth date, same or similar name - unless allowDuplicate)',
        body: createClientRequest,
        response: { 201: clientView },
      },
    },
    async (req, reply) => reply.status(201).send(await clients.create(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/clients/:id',
    {
      config: { action: 'clients.read' },
      schema: {
        tags,
        summary: 'A client with cases (audited)',
        params: idParams,
        response: { 200: clientView },
      },
    },
    async (req) => clients.read(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/clients/:id',
    {
      config: { action: 'clients.write' },
      schema: {
        tags,
        summary: 'Change a client’s master data',
        params: idParams,
        body: updateClientRequest,
        response: { 200: clientView },
      },
    },
    async (req) => clients.update(ctx, actorOf(req), req.params.id, req.body),
  );
}
