import { clientRecordRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, declared } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import { renderPdf } from '../instruments/pdf.ts';
import { consentForm, goalAgreement } from './client-documents.ts';
import { erase } from './client-erasure.ts';
import { exportRecord } from './client-export.ts';
import { recordDocument } from './client-pdfs.ts';
import { winAnsiDocument } from './pdf-text.ts';

export function clientRecordRoutes(app: App, ctx: AppContext) {
  app.route({
    ...declared(routes.exportRecord),
    config: { action: 'clients.export' },
    handler: async (req, reply) => {
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
  });

  app.route({
    ...declared(routes.downloadConsentForm),
    config: { action: 'consents.write' },
    handler: async (req, reply) => {
      const pdf = await consentForm(ctx, actorOf(req), req.params.id, req.query.language);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="einwilligung.pdf"')
        .send(pdf);
    },
  });

  app.route({
    ...declared(routes.downloadGoalAgreement),
    config: { action: 'goals.read' },
    handler: async (req, reply) => {
      const pdf = await goalAgreement(ctx, actorOf(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="zielvereinbarung.pdf"')
        .send(pdf);
    },
  });

  app.route({
    ...declared(routes.erase),
    config: { action: 'clients.erase' },
    handler: async (req, reply) => {
      await erase(ctx, actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  });
}
