import { Readable } from 'node:stream';
import { clientImportRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { type App, serve } from '../../platform/http.ts';
import type { SheetFormat as ImportFormat } from '../../platform/spreadsheet/spreadsheet.ts';
import { preview, runImport } from './client-import.service.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The upload as a stream (CSV or XLSX); any other body is refused before anything is read. */
function upload(req: { body: unknown; headers: Record<string, unknown> }): {
  stream: Readable;
  format: ImportFormat;
} {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim();
  if (!(req.body instanceof Readable) || (type !== 'text/csv' && type !== XLSX)) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Bitte eine CSV- (text/csv) oder Excel-Datei (XLSX) senden.',
    );
  }
  return { stream: req.body, format: type === XLSX ? 'xlsx' : 'csv' };
}

export function clientImportRoutes(app: App, ctx: AppContext) {
  // Uploads are passed on unread, so rows are processed while the file still arrives (100,000 rows
  // and more without holding the file in memory). Registered for this app only: other routes keep JSON.
  app.addContentTypeParser(['text/csv', XLSX], (_req, payload, done) => done(null, payload));

  serve(app, routes, {
    preview: async ({ query, actor, req }) => {
      const { stream, format } = upload(req);
      return preview(ctx, actor, stream, format, query.mapping);
    },
    run: async ({ query, actor, req }) => {
      const { stream, format } = upload(req);
      return runImport(ctx, actor, stream, format, query.mapping);
    },
  });
}
