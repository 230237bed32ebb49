import {
  acceptTokenRequest,
  changePasswordRequest,
  loginRequest,
  mfaCodeRequest,
  mfaEnrollment,
  recoveryCodes,
  regenerateRecoveryCodesRequest,
  sessionProbe,
  sessionResponse,
  tokenInfo as tokenInfoSchema,
} from '@lotse/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { type App, type AuthenticatedSession, actorOf } from '../../platform/http.ts';
import * as auth from './auth.service.ts';
import { SESSION_COOKIE } from './sessions.ts';

const tags = ['Anmeldung'];

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

  app.post(
    '/api/auth/login',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: loginRequest,
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const result = await auth.login(ctx, req.body, req.ip, req.cookies[SESSION_COOKIE]);
      setCookie(req, reply, result.token);
      return result.body;
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { action: 'account.self', mfaPending: true }, schema: { tags, summary: 'Sign out' } },
    async (req, reply) => {
      await auth.logout(ctx, actorOf(req));
      clearCookie(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { action: 'account.self', mfaPending: true },
      schema: { tags, summary: 'The signed-in user', response: { 200: sessionResponse } },
    },
    async (req) => auth.me(ctx, req.session as AuthenticatedSession),
  );

  // The web app's start-up check: public, answers 200 with or without a session (a 401 there would be
  // logged by the browser as an error on every public page). /api/auth/me keeps its 401 for API clients.
  app.get(
    '/api/auth/session',
    {
      config: { public: true },
      schema: { tags, summary: 'Whether a session exists, and its user', response: { 200: sessionProbe } },
    },
    async (req) => {
      const result = await auth.authenticate(ctx, req.cookies[SESSION_COOKIE]);
      if (result.status !== 'valid') return { authenticated: false };
      return { authenticated: true, ...(await auth.me(ctx, result.session)) };
    },
  );

  app.post(
    '/api/auth/mfa/verify',
    {
      config: { action: 'account.self', mfaPending: true },
      schema: {
        tags,
        summary: 'Complete sign-in with a TOTP or recovery code',
        body: mfaCodeRequest,
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const result = await auth.verifyMfa(ctx, req.session as AuthenticatedSession, req.body.code, req.ip);
      setCookie(req, reply, result.token);
      return result.body;
    },
  );

  app.post(
    '/api/auth/mfa/enroll',
    {
      config: { action: 'account.self', mfaPending: true },
      schema: { tags, summary: 'Start setting up TOTP', response: { 200: mfaEnrollment } },
    },
    async (req) => auth.startMfaEnrollment(ctx, req.session as AuthenticatedSession),
  );

  app.post(
    '/api/auth/mfa/enroll/confirm',
    {
      config: { action: 'account.self', mfaPending: true },
      schema: {
        tags,
        summary: 'Confirm TOTP set-up; returns recovery codes once',
        body: mfaCodeRequest,
        response: { 200: recoveryCodes },
      },
    },
    async (req) => auth.confirmMfaEnrollment(ctx, req.session as AuthenticatedSession, req.body.code),
  );

  app.post(
    '/api/auth/mfa/recovery-codes',
    {
      config: { action: 'account.self' },
      schema: {
        tags,
        summary: 'Replace the recovery codes; needs the password or a current code',
        body: regenerateRecoveryCodesRequest,
        response: { 200: recoveryCodes },
      },
    },
    async (req) => auth.regenerateRecoveryCodes(ctx, actorOf(req), req.body, req.ip),
  );

  app.post(
    '/api/auth/mfa/disable',
    {
      config: { action: 'account.self' },
      schema: { tags, summary: 'Turn TOTP off (if the agency allows)', body: mfaCodeRequest },
    },
    async (req, reply) => {
      await auth.disableMfa(ctx, actorOf(req), req.body.code, req.ip);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { action: 'account.self' },
      schema: { tags, summary: 'Change the own password', body: changePasswordRequest },
    },
    async (req, reply) => {
      await auth.changePassword(ctx, actorOf(req), req.body);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/auth/tokens/:token',
    {
      config: { public: true, secretParams: ['token'] },
      schema: {
        tags,
        summary: 'What an invitation or reset link is for',
        params: z.object({ token: z.string().min(20).max(200) }),
        response: { 200: tokenInfoSchema },
      },
    },
    async (req) => auth.tokenInfo(ctx, req.params.token),
  );

  app.post(
    '/api/auth/tokens/accept',
    {
      config: { public: true },
      schema: { tags, summary: 'Set a password from an invitation or reset link', body: acceptTokenRequest },
    },
    async (req, reply) => {
      await auth.acceptToken(ctx, req.body);
      return reply.status(204).send();
    },
  );
}
