import type { LocalizedText } from '@lotse/domain';

/** An instrument text in the UI language or an instrument locale (German fallback). */
export const tr = (t: LocalizedText | undefined, lang: string): string =>
  t ? ((lang === 'en' || lang === 'de-LS' ? t[lang] : undefined) ?? t.de) : '';

export const fmt = (n: number | null | undefined, locale: string) =>
  n === null || n === undefined ? '–' : n.toLocaleString(locale, { maximumFractionDigits: 2 });

export const dateText = (iso: string, locale: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString(locale, { timeZone: 'UTC' });
