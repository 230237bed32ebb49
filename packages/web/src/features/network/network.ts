import { DEFAULT_TIME_ZONE } from '@lotse/domain/src/common/time-zone.ts';
import { useTranslation } from 'react-i18next';
import { useUser } from '../../app/auth.tsx';
import { api } from '../../app/client.ts';
import { useEndpoint } from '../../app/useApi.ts';

/**
 * Code lists of the network feature, from the domain's plain lists (`@lotse/domain/codes`, no schemas,
 * so zod stays out of the pages' bundles); districts are the agency's data (`useDistricts`).
 */
export {
  eventKinds,
  offerLanguages,
  partnerKinds,
  publicationKinds,
  referralStatuses,
  targetGroups,
} from '@lotse/domain/codes';

/** Name of an offer language (ISO 639-1 code) in the UI language, from the locale files. */
export function useLanguageName(): (code: string) => string {
  const { t } = useTranslation();
  return (code) => t(`network.languageNames.${code}`, { defaultValue: code });
}

export const formatEuro = (cents: number | null, locale: string, free: string, unknown: string) =>
  cents === null
    ? unknown
    : cents === 0
      ? free
      : new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** The signed-in user's agency time zone: event times are entered and shown in it. */
export function useAgencyTimeZone(): string {
  return useUser()?.agency.timeZone ?? DEFAULT_TIME_ZONE;
}

/** "12,50" or "12.50" (euro) to cents; '' to null; undefined when it is not an amount. */
export function euroToCents(text: string): number | null | undefined {
  const s = text.trim().replace(/\s|€/g, '');
  if (s === '') return null;
  if (!/^\d+([.,]\d{1,2})?$/.test(s)) return undefined;
  return Math.round(Number(s.replace(',', '.')) * 100);
}

/** A text field's trimmed value; an empty one to null. */
export const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** A whole number from a field; '' to null; undefined when it is not one. */
export function intOrNull(text: string): number | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : undefined;
}

// In a module of its own: the public feedback page imports it without this module's hooks (and the
// router they bring).
export { referralFeedbackOutcomes } from './feedbackOutcomes.ts';

/** The agency's districts ("Sozialräume") from `/api/districts`; empty while loading. */
export function useDistricts() {
  const q = useEndpoint(api.districts.list, {});
  const items = q.data?.items ?? [];
  return {
    items,
    error: q.error,
    reload: q.reload,
    name: (key: string) => items.find((d) => d.key === key)?.name ?? key,
  };
}
