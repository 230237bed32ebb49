import type { MfaState } from '@lotse/domain';
import type { Access, Route } from '@lotse/domain/routes';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Actor } from './context.ts';

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
    /** Who may call this route: an action the central policy decides on, or anyone. */
    access?: Access;
    /** Reachable while a sign-in still waits for the second factor. */
    mfaPending?: boolean;
    /** Path parameters that are secrets (one-time link tokens); the log shows `[redacted]` instead. */
    secretParams?: readonly string[];
  }
  interface FastifyRequest {
    session: AuthenticatedSession | undefined;
  }
}

/**
 * Fastify options for a route declared in the domain's route table: method, path and schemas come
 * from there; `serve` adds the access config and the handler. Fastify's zod type provider types the
 * handler's request and reply from the schemas.
 */
function declared<const R extends Route>(route: R) {
  const schema: Record<string, unknown> = {
    tags: [...route.tags],
    summary: route.summary,
    'x-lotse-access': route.access,
  };
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

type Parsed<R, K extends string> = R extends { [_ in K]: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;

/** What a handler answers: the 200 (else 201) body, or the reply it sent itself (files, other statuses). */
type Answer<R> = R extends { response: infer S }
  ?
      | (S extends { 200: z.ZodType }
          ? z.output<S[200]>
          : S extends { 201: z.ZodType }
            ? z.output<S[201]>
            : never)
      | FastifyReply
  : unknown;

/** A request as a handler of `serve` sees it: the validated input, and who asks. */
export interface Call<R extends Route> {
  params: Parsed<R, 'params'>;
  query: Parsed<R, 'query'>;
  body: Parsed<R, 'body'>;
  req: FastifyRequest;
  reply: FastifyReply;
  /** The signed-in actor; reading it on a public route is a programming error and throws. */
  readonly actor: Actor;
  /** The signed-in session, with the state of its second factor; throws like `actor`. */
  readonly session: AuthenticatedSession;
}

export type Handler<R extends Route> = (call: Call<R>) => Promise<Answer<R>>;

/**
 * Registers every route of a group from the route table with its handler: schemas and access come
 * from the declaration, so a feature's routes file is only its handlers. The status follows the
 * declaration: 201 when the route declares only 201, 204 when it declares no response and the
 * handler returns nothing; a handler that needs another status sends the reply itself.
 */
export function serve<const G extends Record<string, Route>>(
  app: App,
  routes: G,
  handlers: { [K in keyof G]: Handler<G[K]> },
): void {
  for (const [key, route] of Object.entries(routes)) {
    const handle = handlers[key] as Handler<Route>;
    const statuses = Object.keys(route.response ?? {});
    const created = statuses.length === 1 && statuses[0] === '201';
    app.route({
      ...declared(route),
      config: { access: route.access, mfaPending: route.mfaPending, secretParams: route.secretParams },
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      handler: async (req, reply) => {
        const result = await handle(callOf(req, reply));
        // A handler that sent the reply itself (a file, another status) returns it; awaiting a reply
        // waits until it is sent, so the answer is known by `sent`, not by the returned value.
        if (reply.sent) return reply;
        if (created) return reply.status(201).send(result);
        if (result === undefined && !route.response) return reply.status(204).send();
        return result;
      },
    });
  }
}

function callOf(req: FastifyRequest, reply: FastifyReply): Call<Route> {
  return {
    params: req.params,
    query: req.query,
    body: req.body,
    req,
    reply,
    get actor() {
      return actorOf(req);
    },
    get session() {
      return sessionOf(req);
    },
  } as Call<Route>;
}

/**
 * Sends a file: its media type and a Content-Disposition that shows it in the browser (`inline`) or
 * saves it (under `name`, if given).
 */
export function sendFile(
  reply: FastifyReply,
  body: unknown,
  file: { name?: string; type: string; inline?: boolean },
): FastifyReply {
  const disposition = file.inline ? 'inline' : 'attachment';
  return reply
    .type(file.type)
    .header('content-disposition', file.name ? `${disposition}; filename="${file.name}"` : disposition)
    .send(body);
}

/** The actor of an authenticated route; the auth hook guarantees it exists. */
export function actorOf(req: { session: AuthenticatedSession | undefined }): Actor {
  return sessionOf(req).actor;
}

/** The session of an authenticated route; the auth hook guarantees it exists. */
export function sessionOf(req: { session: AuthenticatedSession | undefined }): AuthenticatedSession {
  if (!req.session) throw new Error('route without authentication reached a handler that needs an actor');
  return req.session;
}
