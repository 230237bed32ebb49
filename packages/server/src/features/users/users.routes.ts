import {
  createUserRequest,
  oneTimeLink,
  paged,
  pageQuery,
  resetApprovalPending,
  updateUserRequest,
  userView,
} from '@lotse/domain';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, actorOf } from '../../platform/http.ts';
import * as users from './users.service.ts';

const tags = ['Benutzerverwaltung'];
const idParams = z.object({ id: z.uuid() });

export function userRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/users',
    {
      config: { action: 'users.read' },
      schema: {
        tags,
        summary: 'Users of the own agency; `query` searches name and e-mail',
        querystring: pageQuery.extend({ query: z.string().trim().min(1).max(100).optional() }),
        response: { 200: paged(userView) },
      },
    },
    async (req) => users.list(ctx, actorOf(req), req.query.page, req.query.pageSize, req.query.query),
  );

  app.post(
    '/api/users',
    {
      config: { action: 'users.manage' },
      schema: {
        tags,
        summary: 'Invite a user; returns a one-time invitation link',
        body: createUserRequest,
        response: { 201: z.object({ user: userView, link: oneTimeLink }) },
      },
    },
    async (req, reply) => reply.status(201).send(await users.create(ctx, actorOf(req), req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      config: { action: 'users.manage' },
      schema: {
        tags,
        summary: 'Change display name, roles or disable/enable',
        params: idParams,
        body: updateUserRequest,
        response: { 200: z.object({ user: userView }) },
      },
    },
    async (req) => users.update(ctx, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      config: { action: 'users.manage' },
      schema: {
        tags,
        summary:
          'Issue a one-time password reset link (for another administrator: 202 until a second administrator repeats the call)',
        params: idParams,
        response: { 200: z.object({ link: oneTimeLink }), 202: resetApprovalPending },
      },
    },
    async (req, reply) => {
      const result = await users.resetPassword(ctx, actorOf(req), req.params.id);
      if (result.pending) return reply.status(202).send(result.pending);
      return { link: result.link };
    },
  );

  app.post(
    '/api/users/:id/reset-mfa',
    {
      config: { action: 'users.manage' },
      schema: {
        tags,
        summary:
          'Remove a user’s second factor (for another administrator: 202 until a second administrator repeats the call)',
        params: idParams,
        response: { 202: resetApprovalPending, 204: z.null() },
      },
    },
    async (req, reply) => {
      const result = await users.resetMfa(ctx, actorOf(req), req.params.id);
      return result.pending ? reply.status(202).send(result.pending) : reply.status(204).send(null);
    },
  );
}
