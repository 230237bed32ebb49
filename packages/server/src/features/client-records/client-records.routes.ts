import { eraseClientRequest } from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, idParams } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import { renderPdf } from '../instruments/pdf.ts';
import { consentForm, goalAgreement } from './client-documents.ts';
import { erase } from './client-erasure.ts';
import { exportRecord } from './client-export.ts';
import { recordDocument } from './client-pdfs.ts';
import { winAnsiDocument } from './pdf-text.ts';

const tags = ['Fallarbeit'];

export function clientRecordRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients/:id/export',
    {
      config: { action: 'clients.export' },
      schema: {
        tags,
        summary: 'The client’s full record (GDPR Art. 15) as JSON, or as PDF with ?format=pdf',
        params: idParams,
        querystring: z.strictObject({ format: z.enum(['json', 'pdf']).default('json') }),
      },
    },
    async (req, reply) => {
      const format = req.query.format;
      const record = await exportRecord(ctx, actorOf(req), req.params.id, format);
      const name = `auskunft-${record.client.clientNumber}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'pdf')
        return reply
          .type('application/pdf')
          .send(
            await renderPdf(winAnsiDocument(recordDocument(record)), await letterheadFor(ctx, actorOf(req))),
          );
      return reply.send(record);
    },
  );

  app.get(
    '/api/clients/:id/consent-form',
    {
      config: { action: 'consents.write' },
      schema: {
        tags,
        summary: 'Printable consent form (PDF) for the client, in German or easy language (de-LS)',
        params: idParams,
        querystring: z.strictObject({ language: z.enum(['de', 'de-LS']).default('de') }),
      },
    },
    async (req, reply) => {
      const pdf = await consentForm(ctx, actorOf(req), req.params.id, req.query.language);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="einwilligung.pdf"')
        .send(pdf);
    },
  );

  app.get(
    '/api/clients/:id/goal-agreement',
    {
      config: { action: 'goals.read' },
      schema: {
        tags,
        summary: 'Printable goal agreement (PDF) with the open goals, for the client to keep',
        params: idParams,
      },
    },
    async (req, reply) => {
      const pdf = await goalAgreement(ctx, actorOf(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="zielvereinbarung.pdf"')
        .send(pdf);
    },
  );

  app.post(
    '/api/clients/:id/erase',
    {
      config: { action: 'clients.erase' },
      schema: {
        tags,
        summary: 'Erase or anonymise a client after the retention period, with a reason code (audited)',
        params: idParams,
        body: eraseClientRequest,
      },
    },
    async (req, reply) => {
      await erase(ctx, actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  );
}
