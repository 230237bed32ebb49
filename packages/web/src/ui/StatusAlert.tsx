import { useCallback, useState } from 'react';
import { Alert } from './Alert.tsx';

/** The outcome of the last action; `n` tells two reports with the same text apart. */
export type Status = { tone: 'success' | 'error'; text: string; n: number };

/** Remembers the outcome of the last action for a `StatusAlert`. */
export function useStatus() {
  const [status, setStatus] = useState<Status>();
  const report = useCallback(
    (tone: Status['tone'], text: string) => setStatus({ tone, text, n: Date.now() }),
    [],
  );
  const clear = useCallback(() => setStatus(undefined), []);
  return { status, report, clear };
}

/**
 * Shows the outcome of the last action. Each report mounts a fresh alert, so screen readers announce
 * a repeated message again.
 */
export function StatusAlert({ status }: { status: Status | undefined }) {
  if (!status) return null;
  return (
    <Alert key={status.n} tone={status.tone}>
      {status.text}
    </Alert>
  );
}
