import type { MfaState } from '@lotse/domain';
import type {
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
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

/** Path parameters of a route that addresses one object by its id (`.../:id/...`). */
export const idParams = z.object({ id: z.uuid() });

/** The actor of an authenticated route; the auth hook guarantees it exists. */
export function actorOf(req: { session: AuthenticatedSession | undefined }): Actor {
  if (!req.session) throw new Error('route without authentication reached a handler that needs an actor');
  return req.session.actor;
}
