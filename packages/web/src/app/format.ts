import { currentLanguage, localeOf } from '../i18n/index.ts';

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(localeOf[currentLanguage()]).format(value);
}

/** A relative path from the server becomes an absolute link someone can open elsewhere. */
export function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).toString();
  } catch {
    return url;
  }
}
