import { idParams } from './params.ts';
import type { Contract, Endpoint, Route } from './route.ts';

/** A path that addresses one object by its id: such a route takes `idParams` unless it says otherwise. */
type IdPath = `${string}/:id` | `${string}/:id/${string}`;

type Derived<P extends string, C> = C extends { params: unknown }
  ? unknown
  : P extends IdPath
    ? { readonly params: typeof idParams }
    : unknown;

/**
 * Joins a group's endpoints with their contracts; a key missing on either side does not compile.
 * `defaults` holds what every route of the group shares (its OpenAPI tags, often its access); a
 * route's own contract overrides it. A path with `:id` gets `idParams` unless the contract declares
 * its own path parameters.
 */
export function defineRoutes<
  const E extends Record<string, Endpoint>,
  const D extends Partial<Contract>,
  const C extends { readonly [K in keyof E]: Omit<Contract, keyof D> & Partial<Contract> },
>(
  endpoints: E,
  defaults: D,
  contracts: C & { readonly [K in Exclude<keyof C, keyof E>]: never },
): {
  readonly [K in keyof E]: E[K] & Omit<D, keyof C[K]> & C[K] & Derived<E[K]['path'], C[K]>;
} {
  const routes: Record<string, Route> = {};
  for (const key of Object.keys(endpoints)) {
    const endpoint = endpoints[key] as Endpoint;
    const contract = contracts[key] as Partial<Contract>;
    const derived = !contract.params && /\/:id(\/|$)/.test(endpoint.path) ? { params: idParams } : {};
    routes[key] = { ...endpoint, ...derived, ...defaults, ...contract } as Route;
  }
  return routes as never;
}
