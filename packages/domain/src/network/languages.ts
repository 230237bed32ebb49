/**
 * Languages an offer is held in (ISO 639-1 codes) with German names. Client records hold the
 * preferred language as free text; `languageCodeOf` maps "Türkisch", "turkish" or "tr" to "tr".
 */
export const offerLanguages = {
  de: 'Deutsch',
  en: 'Englisch',
  tr: 'Türkisch',
  ar: 'Arabisch',
  ru: 'Russisch',
  uk: 'Ukrainisch',
  pl: 'Polnisch',
  ro: 'Rumänisch',
  bg: 'Bulgarisch',
  fa: 'Persisch',
  ku: 'Kurdisch',
  sq: 'Albanisch',
  it: 'Italienisch',
  el: 'Griechisch',
  es: 'Spanisch',
  fr: 'Französisch',
  sr: 'Serbisch',
  hr: 'Kroatisch',
  ti: 'Tigrinya',
  so: 'Somali',
  dgs: 'Deutsche Gebärdensprache',
} as const;
export type OfferLanguage = keyof typeof offerLanguages;
export const offerLanguageCodes = Object.keys(offerLanguages) as [OfferLanguage, ...OfferLanguage[]];

const englishNames: Record<string, OfferLanguage> = {
  german: 'de',
  english: 'en',
  turkish: 'tr',
  arabic: 'ar',
  russian: 'ru',
  ukrainian: 'uk',
  polish: 'pl',
  romanian: 'ro',
  bulgarian: 'bg',
  persian: 'fa',
  farsi: 'fa',
  dari: 'fa',
  kurdish: 'ku',
  albanian: 'sq',
  italian: 'it',
  greek: 'el',
  spanish: 'es',
  french: 'fr',
  serbian: 'sr',
  croatian: 'hr',
  tigrinya: 'ti',
  somali: 'so',
  'sign language': 'dgs',
  gebardensprache: 'dgs',
};

const fold = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();

export function languageCodeOf(value: string | null | undefined): OfferLanguage | undefined {
  if (!value) return undefined;
  const v = fold(value);
  if (!v) return undefined;
  const primary = v.split(/[-_]/)[0] as string;
  if (primary in offerLanguages) return primary as OfferLanguage;
  for (const [code, name] of Object.entries(offerLanguages))
    if (fold(name) === v) return code as OfferLanguage;
  return englishNames[v];
}

export function languageName(code: string): string {
  return (offerLanguages as Record<string, string>)[code] ?? code;
}
