import type { ErrorCode } from '@lotse/domain';

/**
 * The small set of typed errors services throw. They map to HTTP in one place (http-errors.ts);
 * anything else becomes a generic 500 without internals.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly issues?: { path: string; message: string }[],
    /** Further members of the error object, e.g. the `candidates` of a possible duplicate. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, issues?: { path: string; message: string }[]) =>
  new AppError(400, issues ? 'validation_failed' : 'bad_request', message, {}, issues);
export const unauthenticated = (message = 'Anmeldung erforderlich.') =>
  new AppError(401, 'unauthenticated', message);
export const forbidden = (message = 'Keine Berechtigung für diese Aktion.') =>
  new AppError(403, 'forbidden', message);
/** Also used for objects the caller may not see: "not found" and "not allowed" look the same. */
export const notFound = (message = 'Nicht gefunden.') => new AppError(404, 'not_found', message);
export const conflict = (message: string) => new AppError(409, 'conflict', message);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'too_many_requests',
    `Zu viele Versuche. Bitte in ${Math.ceil(retryAfterSeconds / 60)} Minute(n) erneut versuchen.`,
    { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  );
