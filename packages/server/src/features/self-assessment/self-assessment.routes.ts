import {
  createSelfAssessmentLinkRequest,
  publicSelfAssessmentView,
  selfAssessmentAnswersRequest,
  selfAssessmentLinkList,
  selfAssessmentLinkSummary,
  selfAssessmentLinkView,
  selfAssessmentSavedView,
  selfAssessmentToken,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as selfAssessment from './self-assessment.service.ts';

const tags = ['Selbsteinschätzung'];
const tokenParams = z.object({ token: selfAssessmentToken });

/**
 * A guide creates a one-time link; the client fills in the self perspective on a public page. The
 * public routes are narrow: open (instrument and draft), save the draft, submit.
 */
export function selfAssessmentRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/clients/:id/self-assessment-links',
    {
      config: { action: 'assessments.write' },
      schema: {
        tags,
        summary: 'Create a one-time self-assessment link (needs the client’s consent to self-assessment)',
        params: z.object({ id: z.uuid() }),
        body: createSelfAssessmentLinkRequest,
        response: { 201: selfAssessmentLinkView },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await selfAssessment.createLink(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get(
    '/api/clients/:id/self-assessment-links',
    {
      config: { action: 'assessments.read' },
      schema: {
        tags,
        summary: 'The client’s self-assessment links with their status (open, completed, expired, revoked)',
        params: z.object({ id: z.uuid() }),
        response: { 200: selfAssessmentLinkList },
      },
    },
    async (req) => selfAssessment.listLinks(ctx, actorOf(req), req.params.id),
  );

  app.post(
    '/api/self-assessment-links/:id/revoke',
    {
      config: { action: 'assessments.write' },
      schema: {
        tags,
        summary: 'Revoke an open self-assessment link at once (its draft is dropped)',
        params: z.object({ id: z.uuid() }),
        response: { 200: selfAssessmentLinkSummary },
      },
    },
    async (req) => selfAssessment.revokeLink(ctx, actorOf(req), req.params.id),
  );

  app.get(
    '/api/self-assessment/:token',
    {
      config: { public: true, secretParams: ['token'] },
      schema: {
        tags,
        summary: 'Public: the instrument and the draft behind a self-assessment link',
        params: tokenParams,
        response: { 200: publicSelfAssessmentView },
      },
    },
    async (req) => selfAssessment.open(ctx, req.params.token),
  );

  app.put(
    '/api/self-assessment/:token/draft',
    {
      config: { public: true, secretParams: ['token'] },
      schema: {
        tags,
        summary: 'Public: save the draft answers',
        params: tokenParams,
        body: selfAssessmentAnswersRequest,
        response: { 200: selfAssessmentSavedView },
      },
    },
    async (req) => selfAssessment.saveDraft(ctx, req.params.token, req.body.answers),
  );

  app.post(
    '/api/self-assessment/:token/submit',
    {
      config: { public: true, secretParams: ['token'] },
      schema: {
        tags,
        summary: 'Public: submit the self-assessment; the link is used up',
        params: tokenParams,
        body: selfAssessmentAnswersRequest,
        response: { 201: z.object({ submitted: z.literal(true) }) },
      },
    },
    async (req, reply) => {
      await selfAssessment.submit(ctx, req.params.token, req.body.answers);
      return reply.status(201).send({ submitted: true });
    },
  );
}
