import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/useApi.ts';

interface InstrumentList {
  items: { dimensions: { key: string; title: { de: string; en?: string } }[] }[];
}

/** Participation dimensions of the published instruments, with their titles in the UI language. */
export function useDimensions(): {
  options: { id: string; label: string }[];
  labelOf: (key: string) => string;
  /** The titles have loaded (or failed to): pages wait for it rather than flash German names. */
  ready: boolean;
} {
  const { i18n } = useTranslation();
  const instruments = useApiQuery<InstrumentList>('/api/instruments');
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

interface Progress {
  series: { dimensions: { key: string; kind: string; points: { date: string; need: boolean | null }[] }[] }[];
}

/**
 * Dimensions with participation need in the client's latest assessment (any perspective), so a goal can
 * be agreed straight from a need. Empty while the client has no assessment.
 */
export function useNeedDimensions(clientId: string): string[] {
  const progress = useApiQuery<Progress>(`/api/clients/${clientId}/progress`);
  const latest = new Map<string, { date: string; need: boolean | null }>();
  for (const series of progress.data?.series ?? []) {
    for (const d of series.dimensions) {
      if (d.kind !== 'area') continue;
      const last = d.points.at(-1);
      const known = latest.get(d.key);
      if (last && (!known || last.date > known.date)) latest.set(d.key, last);
    }
  }
  return [...latest].filter(([, p]) => p.need === true).map(([key]) => key);
}
