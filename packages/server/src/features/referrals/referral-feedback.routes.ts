import {
  publicReferralFeedbackView,
  referralFeedbackLinkList,
  referralFeedbackLinkSummary,
  referralFeedbackLinkView,
  referralFeedbackRequest,
  referralFeedbackToken,
  referralView,
  staffReferralFeedbackRequest,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as feedback from './referral-feedback.service.ts';

const tags = ['Zuweisungen'];
const idParams = z.object({ id: z.uuid() });
const tokenParams = z.object({ token: referralFeedbackToken });

/**
 * Feedback on a referral: staff enter it, or a guide hands the partner a one-time link to a public page
 * that shows only the first name with the surname initial, the offer and the date.
 */
export function referralFeedbackRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/referrals/:id/feedback',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags,
        summary: 'Record the partner’s feedback (came, started, ended, did not come) with a short note',
        params: idParams,
        body: staffReferralFeedbackRequest,
        response: { 200: referralView },
      },
    },
    async (req) => feedback.recordByStaff(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/referrals/:id/feedback-links',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags,
        summary: 'Create a one-time feedback link for the partner (replaces an open older link)',
        params: idParams,
        response: { 201: referralFeedbackLinkView },
      },
    },
    async (req, reply) => reply.status(201).send(await feedback.createLink(ctx, actorOf(req), req.params.id)),
  );

  app.get(
    '/api/referrals/:id/feedback-links',
    {
      config: { action: 'referrals.read' },
      schema: {
        tags,
        summary: 'The feedback links of a referral with their status (never a token)',
        params: idParams,
        response: { 200: referralFeedbackLinkList },
      },
    },
    async (req) => feedback.listLinks(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/referral-feedback-links/:id/revoke',
    {
      config: { action: 'referrals.write' },
      schema: {
        tags,
        summary: 'Revoke an open feedback link at once',
        params: idParams,
        response: { 200: referralFeedbackLinkSummary },
      },
    },
    async (req) => feedback.revokeLink(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/referral-feedback/:token',
    {
      config: { public: true, secretParams: ['token'] },
      schema: {
        tags,
        summary: 'Public: what the partner may see of the referral behind a feedback link',
        params: tokenParams,
        response: { 200: publicReferralFeedbackView },
      },
    },
    async (req) => feedback.open(ctx, req.params.token),
  );

  app.post(
    '/api/referral-feedback/:token',
    {
      config: { public: true, secretParams: ['token'] },
      schema: {
        tags,
        summary: 'Public: report once whether the person came, started, ended or did not come',
        params: tokenParams,
        body: referralFeedbackRequest,
        response: { 201: z.object({ recorded: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      await feedback.submit(ctx, req.params.token, req.body);
      return reply.status(201).send({ recorded: true });
    },
  );
}
