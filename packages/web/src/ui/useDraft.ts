import { useState } from 'react';

/**
 * The values of a form as one object: `set(key, value)` changes one field, `reset` starts afresh
 * (after creating something, so the next one starts empty).
 */
export function useDraft<D extends object>(initial: () => D) {
  const [draft, setDraft] = useState<D>(initial);
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((prev) => ({ ...prev, [key]: value }));
  return { draft, set, setDraft, reset: () => setDraft(initial()) };
}
