import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './client.ts';
import { useEndpoint } from './useApi.ts';

/** Participation dimensions of the published instruments, with their titles in the UI language. */
export function useDimensions(): {
  options: { id: string; label: string }[];
  labelOf: (key: string) => string;
  /** The titles have loaded (or failed to): pages wait for it rather than flash German names. */
  ready: boolean;
} {
  const { i18n } = useTranslation();
  const instruments = useEndpoint(api.instruments.list, {});
  const language = i18n.language;
  // Stable between renders, so pages can memoise on `labelOf`.
  return useMemo(() => {
    const titles = new Map<string, string>();
    for (const instrument of instruments.data?.items ?? []) {
      for (const d of instrument.dimensions) {
        if (!titles.has(d.key)) titles.set(d.key, (language === 'en' && d.title.en) || d.title.de);
      }
    }
    return {
      options: [...titles].map(([id, label]) => ({ id, label })),
      labelOf: (key: string) => titles.get(key) ?? key,
      ready: instruments.data !== undefined || instruments.error !== undefined,
    };
  }, [instruments.data, instruments.error, language]);
}
