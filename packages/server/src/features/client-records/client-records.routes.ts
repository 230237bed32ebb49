import { clientRecordRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import { letterheadFor } from '../agency/letterhead.ts';
import { renderPdf } from '../instruments/pdf.ts';
import { consentForm, goalAgreement } from './client-documents.ts';
import { erase } from './client-erasure.ts';
import { exportRecord } from './client-export.ts';
import { recordDocument } from './client-pdfs.ts';
import { winAnsiDocument } from './pdf-text.ts';

export function clientRecordRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    exportRecord: async ({ params, query, actor, reply }) => {
      const format = query.format;
      const record = await exportRecord(ctx, actor, params.id, format);
      const name = `auskunft-${record.client.clientNumber}.${format}`;
      if (format === 'pdf') {
        const document = winAnsiDocument(recordDocument(record));
        const pdf = await renderPdf(document, await letterheadFor(ctx, actor));
        return sendFile(reply, pdf, { name, type: 'application/pdf' });
      }
      return reply.header('content-disposition', `attachment; filename="${name}"`).send(record);
    },
    downloadConsentForm: async ({ params, query, actor, reply }) => {
      const pdf = await consentForm(ctx, actor, params.id, query.language);
      return sendFile(reply, pdf, { name: 'einwilligung.pdf', type: 'application/pdf', inline: true });
    },
    downloadGoalAgreement: async ({ params, actor, reply }) => {
      const pdf = await goalAgreement(ctx, actor, params.id);
      return sendFile(reply, pdf, { name: 'zielvereinbarung.pdf', type: 'application/pdf', inline: true });
    },
    erase: async ({ params, body, actor }) => {
      await erase(ctx, actor, params.id, body);
    },
  });
}
