import i18next from 'i18next';
import administrationDe from '../features/administration/i18n/de.json';
import administrationEn from '../features/administration/i18n/en.json';
import caseworkDe from '../features/casework/i18n/de.json';
import caseworkEn from '../features/casework/i18n/en.json';
import evaluationDe from '../features/evaluation/i18n/de.json';
import evaluationEn from '../features/evaluation/i18n/en.json';
import instrumentsDe from '../features/instruments/i18n/de.json';
import instrumentsEn from '../features/instruments/i18n/en.json';
import networkDe from '../features/network/i18n/de.json';
import networkEn from '../features/network/i18n/en.json';
import programmesDe from '../features/programmes/i18n/de.json';
import programmesEn from '../features/programmes/i18n/en.json';
import publicDe from '../public/i18n/de.json';
import publicEn from '../public/i18n/en.json';
import de from './de.json';
import en from './en.json';
import { initI18n, merged, type Resource } from './language.ts';

export * from './language.ts';

/**
 * Feature translations live beside their feature; each adds one import per language and a line here.
 * The texts of the page frame and the public pages are in public/i18n, which the public pages' small
 * entry loads alone.
 */
const featureResources: Record<'de' | 'en', Resource[]> = {
  de: [caseworkDe, networkDe, instrumentsDe, programmesDe, evaluationDe, administrationDe, publicDe],
  en: [caseworkEn, networkEn, instrumentsEn, programmesEn, evaluationEn, administrationEn, publicEn],
};

initI18n({ de: merged(de, featureResources.de), en: merged(en, featureResources.en) });

export default i18next;
