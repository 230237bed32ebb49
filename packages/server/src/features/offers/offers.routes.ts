import {
  createOfferRequest,
  exportQuery,
  importRequest,
  importResult,
  offerQuery,
  offerView,
  paged,
  updateOfferRequest,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import { EXPORT_TYPES, exportOffers, importOffers } from './import-export.service.ts';
import * as offers from './offers.service.ts';

const tags = ['Angebote'];
const idParams = z.object({ id: z.uuid() });

export function offerRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/offers',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary: 'Search the offer directory (own offers and the shared regional directory)',
        querystring: offerQuery,
        response: { 200: paged(offerView) },
      },
    },
    async (req) => offers.list(ctx, actorOf(req), req.query),
  );

  app.post(
    '/api/offers',
    {
      config: { action: 'network.write' },
      schema: {
        tags,
        summary: 'Add an offer to the own directory',
        body: createOfferRequest,
        response: { 201: offerView },
      },
    },
    async (req, reply) => reply.status(201).send(await offers.create(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/offers/:id',
    {
      config: { action: 'network.read' },
      schema: { tags, summary: 'One offer', params: idParams, response: { 200: offerView } },
    },
    async (req) => offers.get(ctx, actorOf(req), req.params.id),
  );

  app.patch(
    '/api/offers/:id',
    {
      config: { action: 'network.write' },
      schema: {
        tags,
        summary: 'Change an offer of the own directory (free places, validity, publishing ...)',
        params: idParams,
        body: updateOfferRequest,
        response: { 200: offerView },
      },
    },
    async (req) => offers.update(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/offers/import',
    {
      config: { action: 'network.import' },
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import offers from CSV/XLSX (base64): preview with row-level errors; commit writes nothing while a row is invalid unless skipInvalid',
        body: importRequest,
        response: { 200: importResult },
      },
    },
    async (req) => importOffers(ctx, actorOf(req), req.body),
  );

  app.get(
    '/api/offers/export',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary: 'The own directory as CSV or XLSX (the import format)',
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportOffers(ctx, actorOf(req), req.query.format);
      return reply
        .type(EXPORT_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="angebote.${req.query.format}"`)
        .send(file);
    },
  );
}
