import { contactListQuery, contactView, createContactRequest, paged } from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, idParams } from '../../platform/http.ts';
import * as contacts from './contacts.service.ts';

const tags = ['Fallarbeit'];

export function contactRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients/:id/contacts',
    {
      config: { action: 'contacts.read' },
      schema: {
        tags,
        summary: 'Contacts with a client, newest first (notes only for those who may see the case)',
        params: idParams,
        querystring: contactListQuery,
        response: { 200: paged(contactView) },
      },
    },
    async (req) => contacts.list(ctx, actorOf(req), req.params.id, req.query.page, req.query.pageSize),
  );

  app.post(
    '/api/clients/:id/contacts',
    {
      config: { action: 'contacts.write' },
      schema: {
        tags,
        summary: 'Document a contact (meeting, phone call, home visit, accompaniment, letter)',
        params: idParams,
        body: createContactRequest,
        response: { 201: contactView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await contacts.create(ctx, actorOf(req), req.params.id, req.body)),
  );
}
