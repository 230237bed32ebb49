import type { FormEvent } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's filters and page, kept in the address (`?suche=…&seite=2`) so a list can be bookmarked,
 * shared and reloaded. `update` changes filters and returns to the first page unless it names one;
 * empty filters and page 1 leave the address.
 */
export function useListParams<K extends string>(filters: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const get = (key: K) => params.get(key) ?? '';
  const page = Math.max(1, Number(params.get('seite')) || 1);
  const update = (next: Partial<Record<K | 'seite', string | number>>) => {
    const merged: Record<string, string | number> = { seite: 1 };
    for (const key of filters) merged[key] = get(key);
    Object.assign(merged, next);
    const entries = Object.entries(merged).filter(([k, v]) => v && !(k === 'seite' && v === 1));
    setParams(Object.fromEntries(entries.map(([k, v]) => [k, String(v)])));
  };
  /** The submit handler of a search form: the typed text becomes `filter`. */
  const searchBy = (filter: K, text: string) => (event: FormEvent) => {
    event.preventDefault();
    update({ [filter]: text.trim() } as Partial<Record<K | 'seite', string>>);
  };
  return { get, page, update, searchBy };
}
