import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import assessmentsDe from '../features/assessments/i18n/de.json';
import assessmentsEn from '../features/assessments/i18n/en.json';
import caseworkDe from '../features/clients/i18n/de.json';
import caseworkEn from '../features/clients/i18n/en.json';
import districtsDe from '../features/districts/i18n/de.json';
import districtsEn from '../features/districts/i18n/en.json';
import evaluationDe from '../features/evaluation/i18n/de.json';
import evaluationEn from '../features/evaluation/i18n/en.json';
import instrumentsDe from '../features/instruments/i18n/de.json';
import instrumentsEn from '../features/instruments/i18n/en.json';
import networkDe from '../features/offers/i18n/de.json';
import networkEn from '../features/offers/i18n/en.json';
import programmesDe from '../features/programmes/i18n/de.json';
import programmesEn from '../features/programmes/i18n/en.json';
import de from './de.json';
import en from './en.json';

type Resource = { [key: string]: string | Resource };

/** Feature translations live beside their feature; each adds one import per language and a line here. */
const featureResources: Record<'de' | 'en', Resource[]> = {
  de: [caseworkDe, networkDe, assessmentsDe, instrumentsDe, programmesDe, evaluationDe, districtsDe],
  en: [caseworkEn, networkEn, assessmentsEn, instrumentsEn, programmesEn, evaluationEn, districtsEn],
};

/** Deep merge, so a feature can add keys to shared groups such as `nav` without replacing them. */
function merged(base: Resource, extras: Resource[]): Resource {
  const out: Resource = { ...base };
  for (const extra of extras) {
    for (const [key, value] of Object.entries(extra)) {
      const current = out[key];
      out[key] = typeof value === 'object' && typeof current === 'object' ? merged(current, [value]) : value;
    }
  }
  return out;
}

export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'lotse.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    if (value === 'de' || value === 'en') return value;
  } catch {
    // Storage may be blocked; German is the default.
  }
  return 'de';
}

/** BCP 47 locale used for dates and numbers in each UI language. */
export const localeOf: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

export function currentLanguage(): Language {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'de';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Ignore: the choice then lasts for this page only.
  }
  await i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language === 'en' ? 'en' : 'de';
});

void i18next.use(initReactI18next).init({
  resources: {
    de: { translation: merged(de, featureResources.de) },
    en: { translation: merged(en, featureResources.en) },
  },
  lng: storedLanguage(),
  fallbackLng: 'de',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18next;
