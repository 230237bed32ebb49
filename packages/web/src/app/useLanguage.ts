import { useTranslation } from 'react-i18next';
import { type Language, localeOf } from '../i18n/language.ts';

/**
 * The translation function with the UI language and the locale that goes with it for dates and
 * numbers; a component using it renders again when the language is switched.
 */
export function useLanguage() {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language === 'en' ? 'en' : 'de';
  return { t, lang, locale: localeOf[lang] };
}
