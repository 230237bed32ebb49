import { initI18n } from '../i18n/language.ts';
import de from './i18n/de.json';
import en from './i18n/en.json';

/**
 * The public pages' texts only: the frame's (app name, shell, common words, error codes) and the
 * pages' own. The staff app merges the same files into its texts, so each text is written once.
 */
initI18n({ de, en });
