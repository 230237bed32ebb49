import { authRoutes as routes } from '@lotse/domain/routes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { type App, serve } from '../../platform/http.ts';
import * as auth from './auth.service.ts';
import { SESSION_COOKIE } from './sessions.ts';

export function authRoutes(app: App, ctx: AppContext) {
  // Secure when configured, or when the request came over TLS: directly, or as a trusted proxy reports
  // with X-Forwarded-Proto (Fastify believes that header only from LOTSE_TRUSTED_PROXIES).
  const setCookie = (req: FastifyRequest, reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: ctx.config.session.secureCookies || req.protocol === 'https',
      path: '/',
    });
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  serve(app, routes, {
    login: async ({ body, req, reply }) => {
      const result = await auth.login(ctx, body, req.ip, req.cookies[SESSION_COOKIE]);
      setCookie(req, reply, result.token);
      return result.body;
    },
    logout: async ({ actor, reply }) => {
      await auth.logout(ctx, actor);
      clearCookie(reply);
    },
    me: async ({ session }) => auth.me(ctx, session),
    // The web app's start-up check: public, answers 200 with or without a session (a 401 there would be
    // logged by the browser as an error on every public page). /api/auth/me keeps its 401 for API clients.
    readSession: async ({ req }) => {
      const result = await auth.authenticate(ctx, req.cookies[SESSION_COOKIE]);
      if (result.status !== 'valid') return { authenticated: false };
      return { authenticated: true, ...(await auth.me(ctx, result.session)) };
    },
    verifyMfa: async ({ body, session, req, reply }) => {
      const result = await auth.verifyMfa(ctx, session, body.code, req.ip);
      setCookie(req, reply, result.token);
      return result.body;
    },
    startMfaEnrollment: async ({ session }) => auth.startMfaEnrollment(ctx, session),
    confirmMfaEnrollment: async ({ body, session }) => auth.confirmMfaEnrollment(ctx, session, body.code),
    regenerateRecoveryCodes: async ({ body, actor, req }) =>
      auth.regenerateRecoveryCodes(ctx, actor, body, req.ip),
    disableMfa: async ({ body, actor, req }) => {
      await auth.disableMfa(ctx, actor, body.code, req.ip);
    },
    changePassword: async ({ body, actor }) => {
      await auth.changePassword(ctx, actor, body);
    },
    readToken: async ({ params }) => auth.tokenInfo(ctx, params.token),
    acceptToken: async ({ body }) => {
      await auth.acceptToken(ctx, body);
    },
  });
}
