import {
  createPartnerRequest,
  exportQuery,
  importRequest,
  importResult,
  paged,
  partnerQuery,
  partnerView,
  updatePartnerRequest,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import { EXPORT_TYPES, exportPartners, importPartners } from '../offers/import-export.service.ts';
import * as partners from './partners.service.ts';

const tags = ['Netzwerk'];

export function partnerRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/partners',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary: 'Network partners: own and those behind offers of the shared directory',
        querystring: partnerQuery,
        response: { 200: paged(partnerView) },
      },
    },
    async (req) => partners.list(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/partners/:id',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary: 'One network partner',
        params: z.object({ id: z.uuid() }),
        response: { 200: partnerView },
      },
    },
    async (req) => partners.get(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/partners',
    {
      config: { action: 'network.write' },
      schema: {
        tags,
        summary: 'Add a network partner',
        body: createPartnerRequest,
        response: { 201: partnerView },
      },
    },
    async (req, reply) => reply.status(201).send(await partners.create(ctx, actorOf(req), req.body)),
  );

  app.patch(
    '/api/partners/:id',
    {
      config: { action: 'network.write' },
      schema: {
        tags,
        summary: 'Change a partner of the own agency (only the given fields)',
        params: z.object({ id: z.uuid() }),
        body: updatePartnerRequest,
        response: { 200: partnerView },
      },
    },
    async (req) => partners.update(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/partners/import',
    {
      config: { action: 'network.import' },
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary:
          'Import partners from CSV/XLSX (base64): preview with row-level errors; commit writes nothing while a row is invalid unless skipInvalid',
        body: importRequest,
        response: { 200: importResult },
      },
    },
    async (req) => importPartners(ctx, actorOf(req), req.body),
  );

  app.get(
    '/api/partners/export',
    {
      config: { action: 'network.read' },
      schema: {
        tags,
        summary: 'The own partners as CSV or XLSX (the import format)',
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportPartners(ctx, actorOf(req), req.query.format);
      return reply
        .type(EXPORT_TYPES[req.query.format])
        .header('content-disposition', `attachment; filename="netzwerkpartner.${req.query.format}"`)
        .send(file);
    },
  );
}
