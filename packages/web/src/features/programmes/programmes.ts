import type { TFunction } from 'i18next';
import { ApiError, isApiError } from '../../app/api.ts';
import { detailedText } from '../../app/errors.ts';

/** Code lists of programmes: the domain's plain lists (its index brings zod). */
export {
  earlyEndReasons as earlyEndReasonKeys,
  exitReasons as exitReasonKeys,
  fundingLines as fundingLineKeys,
  fundingSources as fundingSourceKeys,
} from '@lotse/domain/codes';

/** The server's money pattern: no leading zeros, at most two decimals. */
const MONEY_PATTERN = /^(0|[1-9]\d{0,9})(\.\d{1,2})?$/;

/**
 * A euro amount as typed ("1234,50" or "1234.50") -> the API's decimal string ("1234.50"), or null
 * when it is not a positive amount with at most two decimals. No floating point is involved.
 */
export function parseEuroInput(input: string): string | null {
  const trimmed = input.trim().replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return null;
  const [whole = '0', fraction] = trimmed.split('.');
  const normalised = `${whole.replace(/^0+(?=\d)/, '')}${fraction === undefined ? '' : `.${fraction}`}`;
  if (!MONEY_PATTERN.test(normalised)) return null;
  if (!/[1-9]/.test(normalised)) return null;
  return normalised;
}

/** Like parseEuroInput, but a budget may also be set to zero ("0" or "0,00" -> "0"). */
export function parseBudgetInput(input: string): string | null {
  if (/^0+([.,]0{1,2})?$/.test(input.trim())) return '0';
  return parseEuroInput(input);
}

/** "1234.5" -> "1.234,50 €" (de) or "€1,234.50" (en), exactly, from the decimal string. */
export function formatEuro(amount: string, locale: string): string {
  const negative = amount.startsWith('-');
  const [whole = '0', fraction = ''] = (negative ? amount.slice(1) : amount).split('.');
  const german = locale.startsWith('de');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, german ? '.' : ',');
  const cents = fraction.padEnd(2, '0').slice(0, 2);
  const sign = negative ? '−' : '';
  return german ? `${sign}${grouped},${cents} €` : `${sign}€${grouped}.${cents}`;
}

export function formatPercent(value: number | null, locale: string): string {
  if (value === null) return '–';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} %`;
}

/** "2026-03" -> "März 2026" */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

export const todayIso = () => new Date().toISOString().slice(0, 10);
export const isIsoDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Requests whose refusal the server explains (400, 409: "all places are taken", "exit before entry"):
 * the dialog shows the server's own message (German UI) instead of the generic text of the code.
 */
export async function explained<T>(t: TFunction, request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (isApiError(error) && (error.status === 400 || error.status === 409) && error.message) {
      throw new ApiError(error.status, 'explained', detailedText(t, error), undefined, error.issues);
    }
    throw error;
  }
}
