import {
  clientView,
  closeCaseRequest,
  handoverRequest,
  partnerAgencyList,
  reopenCaseRequest,
  shareCaseRequest,
  staffList,
} from '@lotse/domain';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf, idParams } from '../../platform/http.ts';
import * as cases from './cases.service.ts';

const tags = ['Fallarbeit'];

export function caseRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/clients/:id/close',
    {
      config: { action: 'cases.manage' },
      schema: {
        tags,
        summary: 'Close the open case with an outcome',
        params: idParams,
        body: closeCaseRequest,
        response: { 200: clientView },
      },
    },
    async (req) => cases.close(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/clients/:id/reopen',
    {
      config: { action: 'cases.manage' },
      schema: {
        tags,
        summary: 'Open a new case for the client; earlier cases stay in the history',
        params: idParams,
        body: reopenCaseRequest,
        response: { 200: clientView },
      },
    },
    async (req) => cases.reopen(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/clients/:id/handover',
    {
      config: { action: 'cases.manage' },
      schema: {
        tags,
        summary: 'Hand the case over to another guide (and set deputies), with a reason',
        params: idParams,
        body: handoverRequest,
        response: { 200: clientView },
      },
    },
    async (req) => cases.handover(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/clients/:id/share',
    {
      config: { action: 'cases.manage' },
      schema: {
        tags,
        summary: 'Share the case with a partner agency (needs an active sharing consent for it)',
        params: idParams,
        body: shareCaseRequest,
        response: { 200: clientView },
      },
    },
    async (req) => cases.share(ctx, actorOf(req), req.params.id, req.body.partnerAgencyId),
  );

  app.get(
    '/api/guides',
    {
      config: { action: 'cases.manage' },
      schema: { tags, summary: 'Staff of the own agency who can guide cases', response: { 200: staffList } },
    },
    async (req) => cases.guides(ctx, actorOf(req)),
  );

  app.get(
    '/api/partner-agencies',
    {
      config: { action: 'consents.write' },
      schema: {
        tags,
        summary: 'Agencies a client may consent to share the case with',
        response: { 200: partnerAgencyList },
      },
    },
    async (req) => cases.partnerAgencies(ctx, actorOf(req)),
  );
}
