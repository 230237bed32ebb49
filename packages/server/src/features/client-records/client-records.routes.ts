import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import { clientIdParams } from '../clients/clients.routes.ts';
import { exportRecord } from './client-export.ts';

const tags = ['Fallarbeit'];

export function clientRecordRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients/:id/export',
    {
      config: { action: 'clients.export' },
      schema: {
        tags,
        summary: 'The client’s full record (GDPR Art. 15) as JSON, or as PDF with ?format=pdf',
        params: clientIdParams,
        querystring: z.strictObject({ format: z.enum(['json', 'pdf']).default('json') }),
      },
    },
    async (req, reply) => {
      const record = await exportRecord(ctx, actorOf(req), req.params.id, req.query.format);
      return reply
        .header('content-disposition', `attachment; filename="auskunft-${record.client.clientNumber}.json"`)
        .send(record);
    },
  );
}
