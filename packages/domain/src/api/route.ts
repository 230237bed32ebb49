import type { z } from 'zod';
import type { Action } from '../auth/grants.ts';

/**
 * The Lotse HTTP API as data. Each endpoint is declared once, in two halves:
 * - `endpoints.ts`: method and path, plain strings without zod, so the web app (and the client's
 *   small public pages) can call an endpoint without loading a schema;
 * - `<context>.routes.ts`: the same keys with the schemas (params, query, body, responses), who may
 *   call each one and the OpenAPI texts, built from the endpoints by `defineRoutes`
 *   (`define-routes.ts`), so a path is written in one place.
 * The server registers its handlers from the routes; the web app binds the endpoints and takes its
 * types from the routes (decision 0015).
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  readonly method: Method;
  /** Fastify syntax: `:name` for a path parameter. */
  readonly path: string;
}

/** Who may call an endpoint: a policy action (checked against the caller's roles) or anyone. */
export type Access = Action | 'public';

export interface Contract {
  /** The OpenAPI summary: what the endpoint does, in a line. */
  readonly summary: string;
  /** The OpenAPI group it is listed under. */
  readonly tags: readonly string[];
  /** Who may call it; the server's auth hook refuses a route without one (deny by default). */
  readonly access: Access;
  /** Reachable while a sign-in still waits for the second factor. */
  readonly mfaPending?: boolean;
  /** Path parameters that are secrets (one-time link tokens); the log shows `[redacted]` instead. */
  readonly secretParams?: readonly string[];
  /** The largest request body in bytes, where an upload needs more than the server's default. */
  readonly bodyLimit?: number;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Response schemas by status; a download answers with a file and declares none. */
  readonly response?: { readonly [status: number]: z.ZodType };
}

export type Route = Endpoint & Contract;

type SchemaInput<S> = S extends z.ZodType ? z.input<S> : never;
type SchemaOutput<S> = S extends z.ZodType ? z.output<S> : never;

/** What a caller sends: path parameters, query and body, each only where the route declares it. */
export type RouteInput<R extends Route> = (R extends { params: z.ZodType }
  ? { params: SchemaInput<R['params']> }
  : unknown) &
  (R extends { query: z.ZodType } ? { query?: SchemaInput<R['query']> } : unknown) &
  (R extends { body: z.ZodType } ? { body: Draft<SchemaInput<R['body']>> } : unknown);

/**
 * A request body as a form sends it: the fields' names and types are checked, but a required field
 * may be missing, because forms send what was entered and the server names each missing field (the
 * form shows it there).
 */
export type Draft<T> = T extends readonly unknown[] ? T : T extends object ? Partial<T> : T;

/** The successful answer's body: 200, else 201, else nothing (204 or a file). */
export type RouteOutput<R extends Route> = R extends { response: { 200: z.ZodType } }
  ? SchemaOutput<R['response'][200]>
  : R extends { response: { 201: z.ZodType } }
    ? SchemaOutput<R['response'][201]>
    : undefined;

/** The path with its parameters filled in, each encoded as one path segment. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`${path}: ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}
