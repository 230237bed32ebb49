import { assessmentRoutes as routes } from '@lotse/domain/routes';
import type { AppContext } from '../../platform/context.ts';
import { type App, sendFile, serve } from '../../platform/http.ts';
import * as exports from './assessments.exports.ts';
import { importQuestionnaireResponse } from './assessments.fhir-import.ts';
import * as assessments from './assessments.service.ts';

const inlinePdf = (name: string) => ({ name: `${name}.pdf`, type: 'application/pdf', inline: true });

export function assessmentRoutes(app: App, ctx: AppContext) {
  serve(app, routes, {
    create: async ({ params, body, actor }) => assessments.create(ctx, actor, params.id, body),
    importFhir: async ({ params, body, actor }) => importQuestionnaireResponse(ctx, actor, params.id, body),
    list: async ({ params, actor }) => assessments.list(ctx, actor, params.id),
    progress: async ({ params, query, actor }) => assessments.progress(ctx, actor, params.id, query),
    read: async ({ params, actor }) => assessments.get(ctx, actor, params.id),
    update: async ({ params, body, actor }) => assessments.update(ctx, actor, params.id, body),
    complete: async ({ params, actor }) => assessments.complete(ctx, actor, params.id),
    amend: async ({ params, body, actor }) => assessments.amend(ctx, actor, params.id, body),
    exportFhir: async ({ params, actor, reply }) =>
      reply
        .type('application/fhir+json; charset=utf-8')
        .send(await exports.questionnaireResponse(ctx, actor, params.id)),
    downloadPdf: async ({ params, query, actor, reply }) =>
      sendFile(
        reply,
        await exports.assessmentDocument(ctx, actor, params.id, query.locale),
        inlinePdf('erhebung'),
      ),
    downloadProgressPdf: async ({ params, query, actor, reply }) =>
      sendFile(
        reply,
        await exports.progressDocument(ctx, actor, params.id, query),
        inlinePdf('teilhabe-verlauf'),
      ),
  });
}
