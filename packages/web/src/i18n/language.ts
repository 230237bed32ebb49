import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

/**
 * The UI language and i18next's set-up, without any texts: the staff app (i18n/index.ts) and the
 * public pages' small entry (public/i18n.ts) each pass the resources they need, so a client opening a
 * self-assessment link does not download the staff app's texts.
 */
export type Resource = { [key: string]: string | Resource };

/** Deep merge, so a feature can add keys to shared groups such as `nav` without replacing them. */
export function merged(base: Resource, extras: Resource[]): Resource {
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

/** Starts i18next with the given texts per language, in the stored language (German by default). */
export function initI18n(resources: Record<Language, Resource>): void {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language === 'en' ? 'en' : 'de';
  });
  void i18next.use(initReactI18next).init({
    resources: {
      de: { translation: resources.de },
      en: { translation: resources.en },
    },
    lng: storedLanguage(),
    fallbackLng: 'de',
    supportedLngs: languages,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
}
