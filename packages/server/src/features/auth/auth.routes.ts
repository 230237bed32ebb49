import { authRoutes as routes } from '@lotse/domain/routes';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { type App, type AuthenticatedSession, actorOf, declared } from '../../platform/http.ts';
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

  app.route({
    ...declared(routes.login),
    config: { public: true },
    handler: async (req, reply) => {
      const result = await auth.login(ctx, req.body, req.ip, req.cookies[SESSION_COOKIE]);
      setCookie(req, reply, result.token);
      return result.body;
    },
  });

  app.route({
    ...declared(routes.logout),
    config: { action: 'account.self', mfaPending: true },
    handler: async (req, reply) => {
      await auth.logout(ctx, actorOf(req));
      clearCookie(reply);
      return reply.status(204).send();
    },
  });

  app.route({
    ...declared(routes.me),
    config: { action: 'account.self', mfaPending: true },
    handler: async (req) => auth.me(ctx, req.session as AuthenticatedSession),
  });

  // The web app's start-up check: public, answers 200 with or without a session (a 401 there would be
  // logged by the browser as an error on every public page). /api/auth/me keeps its 401 for API clients.
  app.route({
    ...declared(routes.readSession),
    config: { public: true },
    handler: async (req) => {
      const result = await auth.authenticate(ctx, req.cookies[SESSION_COOKIE]);
      if (result.status !== 'valid') return { authenticated: false };
      return { authenticated: true, ...(await auth.me(ctx, result.session)) };
    },
  });

  app.route({
    ...declared(routes.verifyMfa),
    config: { action: 'account.self', mfaPending: true },
    handler: async (req, reply) => {
      const result = await auth.verifyMfa(ctx, req.session as AuthenticatedSession, req.body.code, req.ip);
      setCookie(req, reply, result.token);
      return result.body;
    },
  });

  app.route({
    ...declared(routes.startMfaEnrollment),
    config: { action: 'account.self', mfaPending: true },
    handler: async (req) => auth.startMfaEnrollment(ctx, req.session as AuthenticatedSession),
  });

  app.route({
    ...declared(routes.confirmMfaEnrollment),
    config: { action: 'account.self', mfaPending: true },
    handler: async (req) =>
      auth.confirmMfaEnrollment(ctx, req.session as AuthenticatedSession, req.body.code),
  });

  app.route({
    ...declared(routes.regenerateRecoveryCodes),
    config: { action: 'account.self' },
    handler: async (req) => auth.regenerateRecoveryCodes(ctx, actorOf(req), req.body, req.ip),
  });

  app.route({
    ...declared(routes.disableMfa),
    config: { action: 'account.self' },
    handler: async (req, reply) => {
      await auth.disableMfa(ctx, actorOf(req), req.body.code, req.ip);
      return reply.status(204).send();
    },
  });

  app.route({
    ...declared(routes.changePassword),
    config: { action: 'account.self' },
    handler: async (req, reply) => {
      await auth.changePassword(ctx, actorOf(req), req.body);
      return reply.status(204).send();
    },
  });

  app.route({
    ...declared(routes.readToken),
    config: { public: true, secretParams: ['token'] },
    handler: async (req) => auth.tokenInfo(ctx, req.params.token),
  });

  app.route({
    ...declared(routes.acceptToken),
    config: { public: true },
    handler: async (req, reply) => {
      await auth.acceptToken(ctx, req.body);
      return reply.status(204).send();
    },
  });
}
