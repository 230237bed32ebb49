import type { Route, RouteInput, RouteOutput } from '@lotse/domain/src/api/route.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Call } from './endpoint.ts';

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` and runs it again when `key` changes; `null` loads nothing. Earlier requests are
 * aborted so a slow answer never overwrites a newer one.
 */
function useLoad<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(key !== null);
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for what load reads; nonce forces reloads
  useEffect(() => {
    if (key === null) {
      setLoading(false);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    loadRef
      .current(controller.signal)
      .then((result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setLoading(false);
      })
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setError(cause);
        setLoading(false);
      });
    return () => controller.abort();
  }, [key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload };
}

/** Loads a GET endpoint of the route table; `null` input waits (e.g. for an id). */
export function useEndpoint<R extends Route>(
  call: Call<R>,
  input: RouteInput<R> | null,
): QueryState<RouteOutput<R>> {
  const key = input === null ? null : `${call.endpoint.path} ${JSON.stringify(input)}`;
  return useLoad(key, (signal) =>
    (call as (input: unknown, options: object) => Promise<RouteOutput<R>>)(input, { signal }),
  );
}
