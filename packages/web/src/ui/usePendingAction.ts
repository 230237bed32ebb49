import { type FormEvent, useCallback, useRef, useState } from 'react';

/**
 * Runs one action at a time: while it runs, `pending` is true and further calls are ignored. A pending
 * button no longer submits, but Enter in a field still does, and two clicks may land before React
 * renders: the ref sees the running action at once. React only, so the public pages may use it.
 */
export function usePendingAction(): {
  pending: boolean;
  run: <T>(action: () => Promise<T>) => Promise<T | undefined>;
  /** A form's submit handler that runs `action` (the browser's own submit is prevented). */
  onSubmit: (action: () => Promise<unknown>) => (event: FormEvent) => void;
} {
  const running = useRef(false);
  const [pending, setPending] = useState(false);
  const run = useCallback(async <T>(action: () => Promise<T>) => {
    if (running.current) return undefined;
    running.current = true;
    setPending(true);
    try {
      return await action();
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);
  const onSubmit = (action: () => Promise<unknown>) => (event: FormEvent) => {
    event.preventDefault();
    void run(action);
  };
  return { pending, run, onSubmit };
}
