import type { z } from 'zod';

/**
 * The Lotse HTTP API as data. Each endpoint is declared once, in two halves:
 * - `endpoints.ts`: method and path, plain strings without zod, so the web app (and the client's
 *   small public pages) can call an endpoint without loading a schema;
 * - `<context>.routes.ts`: the same keys with the schemas (params, query, body, responses) and the
 *   OpenAPI texts, built from the endpoints by `defineRoutes`, so a path is written in one place.
 * The server registers its handlers from the routes; the web app binds the endpoints and takes its
 * types from the routes (decision 0015).
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Endpoint {
  readonly method: Method;
  /** Fastify syntax: `:name` for a path parameter. */
  readonly path: string;
}

export interface Contract {
  /** The OpenAPI summary: what the endpoint does, in a line. */
  readonly summary: string;
  /** The OpenAPI group it is listed under. */
  readonly tags: readonly string[];
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Response schemas by status; a download answers with a file and declares none. */
  readonly response?: { readonly [status: number]: z.ZodType };
}

export type Route = Endpoint & Contract;

/** Joins a group's endpoints with their contracts; a key missing on either side does not compile. */
export function defineRoutes<
  const E extends Record<string, Endpoint>,
  const C extends { readonly [K in keyof E]: Contract },
>(
  endpoints: E,
  contracts: C & { readonly [K in Exclude<keyof C, keyof E>]: never },
): {
  readonly [K in keyof E]: E[K] & C[K];
} {
  const routes: Record<string, Route> = {};
  for (const key of Object.keys(endpoints)) {
    routes[key] = { ...(endpoints[key] as Endpoint), ...(contracts[key] as Contract) };
  }
  return routes as { readonly [K in keyof E]: E[K] & C[K] };
}

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
