import {
  type Endpoint,
  fillPath,
  type Route,
  type RouteInput,
  type RouteOutput,
} from '@lotse/domain/src/api/route.ts';
import { request } from './api.ts';

export interface CallOptions {
  signal?: AbortSignal;
  /** The call may answer 401 without a lost session (sign-in, the session probe). */
  expectUnauthenticated?: boolean;
}

type Args<R extends Route> =
  object extends RouteInput<R>
    ? [input?: RouteInput<R>, options?: CallOptions]
    : [input: RouteInput<R>, options?: CallOptions];

/** One endpoint as a function: input and answer typed from the route table. */
export type Call<R extends Route> = ((...args: Args<R>) => Promise<RouteOutput<R>>) & {
  readonly endpoint: Endpoint;
};

type Input = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

/** Binds a group of endpoints (method and path, no schemas) to the types of its routes. */
export function bind<G extends Record<string, Route>>(
  endpoints: {
    readonly [K in keyof G]: Pick<G[K], 'method' | 'path'>;
  },
): { readonly [K in keyof G]: Call<G[K]> } {
  const calls: Record<string, unknown> = {};
  for (const [key, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    const call = (input: Input = {}, options: CallOptions = {}) =>
      request(fillPath(endpoint.path, input.params), {
        method: endpoint.method,
        query: input.query as Record<string, string | number | undefined | null> | undefined,
        body: input.body,
        ...options,
      });
    calls[key] = Object.assign(call, { endpoint });
  }
  return calls as { readonly [K in keyof G]: Call<G[K]> };
}
