import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../app/useApi.ts';

interface InstrumentList {
  items: { dimensions: { key: string; title: { de: string; en?: string } }[] }[];
}

/** Participation dimensions of the published instruments, with their titles in the UI language. */
export function useDimensions(): {
  options: { id: string; label: string }[];
  labelOf: (key: string) => string;
} {
  const { i18n } = useTranslation();
  const instruments = useApiQuery<InstrumentList>('/api/instruments');
  const titles = new Map<string, string>();
  for (const instrument of instruments.data?.items ?? []) {
    for (const d of instrument.dimensions) {
      if (!titles.has(d.key)) titles.set(d.key, (i18n.language === 'en' && d.title.en) || d.title.de);
    }
  }
  return {
    options: [...titles].map(([id, label]) => ({ id, label })),
    labelOf: (key) => titles.get(key) ?? key,
  };
}
