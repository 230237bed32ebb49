import { fillPath, type Route, type RouteInput } from '@lotse/domain/src/api/route.ts';
import { buildUrl, type RequestOptions } from './api.ts';
import type { Call } from './endpoint.ts';

/**
 * The address of a GET endpoint for a plain link (downloads the browser saves itself): path
 * parameters filled in, the query appended as the API client would send it.
 */
export function hrefOf<R extends Route>(call: Call<R>, input: RouteInput<R>): string {
  const { params, query } = input as { params?: Record<string, unknown>; query?: RequestOptions['query'] };
  return buildUrl(fillPath(call.endpoint.path, params), query);
}
