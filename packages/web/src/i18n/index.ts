import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

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
  resources: { de: { translation: de }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'de',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18next;
