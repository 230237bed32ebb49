import type { MfaState } from '@lotse/domain';
import type { Route } from '@lotse/domain/routes';
import type {
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Actor } from './context.ts';
import type { Action } from './policy.ts';

/**
 * A request's signed-in session: who acts and how far the second factor is. The auth feature
 * creates it, the auth hook attaches it to the request; the type lives here so the platform does
 * not depend on the feature.
 */
export interface AuthenticatedSession {
  actor: Actor;
  mfa: MfaState;
}

/** The Fastify instance type every feature registers its routes on. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  Logger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action this route performs; the central policy decides who may call it. */
    action?: Action;
    /** Reachable without a session (sign-in, health, invitation links, API docs). */
    public?: boolean;
    /** Reachable while a sign-in still waits for the second factor. */
    mfaPending?: boolean;
    /** Path parameters that are secrets (one-time link tokens); the log shows `[redacted]` instead. */
    secretParams?: readonly string[];
  }
  interface FastifyRequest {
    session: AuthenticatedSession | undefined;
  }
}

export { idParams } from '@lotse/domain/routes';

/**
 * Fastify options for a route declared in the domain's route table: method, path and schemas come
 * from there, the feature adds its access config and handler (`app.route({ ...declared(r), config,
 * handler })`). Fastify's zod type provider types the handler's request and reply from the schemas.
 */
export function declared<const R extends Route>(route: R) {
  const schema: Record<string, unknown> = { tags: [...route.tags], summary: route.summary };
  if (route.params) schema.params = route.params;
  if (route.query) schema.querystring = route.query;
  if (route.body) schema.body = route.body;
  if (route.response) schema.response = route.response;
  return {
    method: route.method,
    url: route.path,
    schema: schema as {
      tags: string[];
      summary: string;
      params: R['params'];
      querystring: R['query'];
      body: R['body'];
      response: R['response'];
    },
  };
}

/** The actor of an authenticated route; the auth hook guarantees it exists. */
export function actorOf(req: { session: AuthenticatedSession | undefined }): Actor {
  if (!req.session) throw new Error('route without authentication reached a handler that needs an actor');
  return req.session.actor;
}
