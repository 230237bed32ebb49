import type { TFunction } from 'i18next';
import { type ApiError, isApiError } from './api.ts';

/**
 * The text to show for a failed request: a translation of the stable error code when the UI knows
 * it, else the server's own message, else a generic text. Clients switch on `code`, never on `message`.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'too_many_requests') {
      if (error.retryAfter !== undefined) {
        const minutes = Math.max(1, Math.ceil(error.retryAfter / 60));
        return error.retryAfter < 60
          ? t('errors.too_many_requests_seconds', { count: error.retryAfter })
          : t('errors.too_many_requests_minutes', { count: minutes });
      }
      return t('errors.too_many_requests');
    }
    const known = t(`errors.${error.code}`, { defaultValue: '' });
    if (known) return known;
    if (error.message && error.status !== 0) return error.message;
    if (error.status === 0) return t('errors.network_error');
  }
  return t('errors.generic');
}

/**
 * The server's own message where it says more than the code (e.g. why a password is too weak). The
 * server answers in the UI language (the API client sends it as Accept-Language).
 */
export function detailedText(t: TFunction, error: ApiError): string {
  if (error.message && error.status !== 0) return error.message;
  return t(`errors.${error.code}`, { defaultValue: '' }) || errorText(t, error);
}
