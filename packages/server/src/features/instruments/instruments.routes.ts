import { instrumentRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import { blankForm } from './instrument.pdf.ts';
import * as fhir from './instruments.fhir.ts';
import * as instruments from './instruments.service.ts';

const fhirJson = 'application/fhir+json; charset=utf-8';

export function instrumentRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    list: async ({ query, actor }) => instruments.list(ctx, actor, query.status),
    read: async ({ params, actor }) => instruments.get(ctx, actor, params.id),
    copyToDraft: async ({ params, actor }) => instruments.copyToDraft(ctx, actor, params.id),
    update: async ({ params, body, actor }) => instruments.update(ctx, actor, params.id, body),
    publish: async ({ params, actor }) => instruments.publish(ctx, actor, params.id),
    exportFhir: async ({ params, actor, reply }) =>
      reply.type(fhirJson).send(await fhir.exportQuestionnaire(ctx, actor, params.id)),
    importFhir: async ({ body, actor }) => fhir.importQuestionnaire(ctx, actor, body),
    downloadForm: async ({ params, query, actor, reply }) => {
      const { locale, perspective, clientId } = query;
      const form = await instruments.formFor(ctx, actor, params.id, clientId);
      const { row, definition } = form;
      const pdf = await blankForm(row.key, row.version, definition, locale, perspective, form.letterhead, {
        clientNumber: form.clientNumber,
      });
      const name = `${row.key}-v${row.version}-${perspective}-${locale}.pdf`;
      return sendFile(reply, pdf, { name, type: 'application/pdf', inline: true });
    },
  });
}
