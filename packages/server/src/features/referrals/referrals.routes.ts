import {
  createReferralRequest,
  paged,
  referralQuery,
  referralView,
  suggestionQuery,
  suggestionsResponse,
  updateReferralRequest,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as referrals from './referrals.service.ts';

const tags = ['Zuweisungen'];
const idParams = z.object({ id: z.uuid() });

export function referralRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/clients/:id/offer-suggestions',
    {
      config: { action: 'referrals.read' },
      schema: {
        tags,
        summary:
          'Offers that fit the client’s needs (latest assessment, open goals), district and language, ranked with the reason',
        params: idParams,
        querystring: suggestionQuery,
        response: { 200: suggestionsResponse },
      },
    },
    async (req) => referrals.suggestions(ctx, actorOf(req), req.params.id, req.query.limit),
  );

  app.get(
    '/api/clients/:id/referrals',
    {
      config: { action: 'referrals.read' },
      schema: {
        tags,
        summary: 'Referrals of a client to offers',
        params: idParams,
        querystring: referralQuery,
        response: { 200: paged(referralView) },
      },
    },
    async (req) => referrals.list(ctx, actorOf(req), req.params.id, req.query),
  );

  app.post(
    '/api/clients/:id/referrals',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags,
        summary: 'Refer a client to an offer (takes a free place; a full offer needs overrideCapacity)',
        params: idParams,
        body: createReferralRequest,
        response: { 201: referralView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await referrals.create(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/referrals/:id',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags,
        summary: 'Move a referral on (referred, started, completed, dropped with reason) or record feedback',
        params: idParams,
        body: updateReferralRequest,
        response: { 200: referralView },
      },
    },
    async (req) => referrals.update(ctx, actorOf(req), req.params.id, req.body),
  );
}
