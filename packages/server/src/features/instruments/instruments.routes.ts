import {
  formQuery,
  instrumentListQuery,
  instrumentListView,
  instrumentView,
  updateInstrumentRequest,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import { blankForm } from './instrument.pdf.ts';
import * as fhir from './instruments.fhir.ts';
import * as instruments from './instruments.service.ts';

const tags = ['Erhebungsbögen'];
const idParams = z.object({ id: z.uuid() });
const fhirResource = z.looseObject({ resourceType: z.string() });

export function instrumentRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/instruments',
    {
      config: { action: 'instruments.read' },
      schema: {
        tags,
        summary: 'Published instrument versions with dimensions and items (status=all adds drafts)',
        querystring: instrumentListQuery,
        response: { 200: instrumentListView },
      },
    },
    async (req) => instruments.list(ctx, actorOf(req), req.query.status),
  );

  app.get(
    '/api/instruments/:id',
    {
      config: { action: 'instruments.read' },
      schema: {
        tags,
        summary: 'One instrument version',
        params: idParams,
        response: { 200: instrumentView },
      },
    },
    async (req) => instruments.get(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/instruments/:id/drafts',
    {
      config: { action: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Copy a version to a new draft of the own agency',
        params: idParams,
        response: { 201: instrumentView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await instruments.copyToDraft(ctx, actorOf(req), req.params.id)),
  );

  app.patch(
    '/api/instruments/:id',
    {
      config: { action: 'instruments.manage' },
      schema: {
        tags,
        summary: 'Change a draft (published versions are immutable)',
        params: idParams,
        body: updateInstrumentRequest,
        response: { 200: instrumentView },
      },
    },
    async (req) => instruments.update(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/instruments/:id/publish',
    {
      config: { action: 'instruments.manage' },
      schema: { tags, summary: 'Publish a draft', params: idParams, response: { 200: instrumentView } },
    },
    async (req) => instruments.publish(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/instruments/:id/fhir',
    {
      config: { action: 'instruments.read' },
      schema: {
        tags,
        summary: 'The version as HL7 FHIR R4 Questionnaire',
        params: idParams,
        response: { 200: fhirResource },
      },
    },
    async (req, reply) =>
      reply
        .type('application/fhir+json; charset=utf-8')
        .send(await fhir.exportQuestionnaire(ctx, actorOf(req), req.params.id)),
  );

  app.post(
    '/api/instruments/import/fhir',
    {
      config: { action: 'instruments.manage' },
      schema: {
        tags,
        summary:
          'Import a FHIR R4 Questionnaire (contained ValueSets resolved) as a new draft; lists what did not map and the items flagged for editing',
        body: z.looseObject({ resourceType: z.literal('Questionnaire') }),
        response: {
          201: z.object({
            instrument: instrumentView,
            unmapped: z.array(z.string()),
            itemsToEdit: z.array(z.object({ key: z.string(), linkId: z.string(), reason: z.string() })),
          }),
        },
      },
    },
    async (req, reply) => reply.status(201).send(await fhir.importQuestionnaire(ctx, actorOf(req), req.body)),
  );

  app.get(
    '/api/instruments/:id/form.pdf',
    {
      config: { action: 'instruments.read' },
      schema: {
        tags,
        summary:
          'Blank printable form (PDF) of a version in a locale and perspective, with the letterhead; ?clientId= prints that client’s number',
        params: idParams,
        querystring: formQuery,
      },
    },
    async (req, reply) => {
      const { locale, perspective, clientId } = req.query;
      const form = await instruments.formFor(ctx, actorOf(req), req.params.id, clientId);
      const { row, definition } = form;
      const pdf = await blankForm(row.key, row.version, definition, locale, perspective, form.letterhead, {
        clientNumber: form.clientNumber,
      });
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `inline; filename="${row.key}-v${row.version}-${perspective}-${locale}.pdf"`,
        )
        .send(pdf);
    },
  );
}
