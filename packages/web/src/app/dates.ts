import { currentLanguage, localeOf } from '../i18n/language.ts';

// The lean language module only (no bundled translations), so the public pages may format dates too.
const uiLocale = () => localeOf[currentLanguage()];

/** Today as 'YYYY-MM-DD' in the browser's time zone (the default for dated entries). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A life-event date ('YYYY-MM-DD') in the UI language's format, without time-zone shifts. */
export function formatDate(iso: string | null | undefined, locale: string = uiLocale()): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export interface DateTimeOptions {
  locale?: string;
  /** Without one, the browser's zone; event times pass the agency's zone (what the organiser entered). */
  timeZone?: string;
  /**
   * `medium`: date and time to the second (log-ins, audit entries); `event`: weekday, date and time
   * to the minute (appointments).
   */
  style?: 'medium' | 'event';
}

/** A moment (an ISO timestamp) as date and time; '' for none, the input itself when it is no date. */
export function formatDateTime(
  iso: string | null | undefined,
  { locale = uiLocale(), timeZone, style = 'medium' }: DateTimeOptions = {},
): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const styles =
    style === 'event'
      ? ({ dateStyle: 'full', timeStyle: 'short' } as const)
      : ({ dateStyle: 'medium', timeStyle: 'medium' } as const);
  return new Intl.DateTimeFormat(locale, { ...styles, ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** The time of day of a moment, to the minute. */
export function formatTime(iso: string, { locale = uiLocale(), timeZone }: DateTimeOptions = {}): string {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(
    new Date(iso),
  );
}
