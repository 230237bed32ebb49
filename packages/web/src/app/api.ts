/**
 * Small fetch wrapper for the Lotse API: JSON in and out, same-origin cookies, typed errors. Pages call
 * the typed endpoints (`endpoint.ts`, `client.ts`); `request` is what they send through.
 * A 401 that means "no (longer a) session" is reported to one listener (the auth provider), which
 * sends the user to the sign-in page with the session-expired message.
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds from a Retry-After header (429), if the server sent one. */
  readonly retryAfter: number | undefined;
  /** Field-level problems of a validation error: path (e.g. "email") and message. */
  readonly issues: { path: string; message: string }[];
  /** The whole `error` object of the answer, for members beyond code and message (e.g. `candidates`). */
  readonly body: Record<string, unknown>;

  constructor(
    status: number,
    code: string,
    message: string,
    retryAfter?: number,
    issues: { path: string; message: string }[] = [],
    body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
    this.issues = issues;
    this.body = body;
  }
}

/** 401 codes that answer a wrong input in a form, not a missing session. */
const credentialCodes = new Set(['invalid_credentials', 'invalid_mfa_code']);

type UnauthorizedListener = (error: ApiError) => void;
let unauthorizedListener: UnauthorizedListener | undefined;

/** Registers the one listener for "the session is gone". Returns an unsubscribe function. */
export function onSessionLost(listener: UnauthorizedListener): () => void {
  unauthorizedListener = listener;
  return () => {
    if (unauthorizedListener === listener) unauthorizedListener = undefined;
  };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /**
   * The call may legitimately answer 401 without a lost session (sign-in, probing the session on
   * start): do not report it to the session-lost listener.
   */
  expectUnauthenticated?: boolean;
  signal?: AbortSignal;
}

/** The UI language, so the server can phrase its error messages in it. */
function acceptLanguage(): string {
  const lang = document.documentElement.lang;
  return lang === 'en' ? 'en, de;q=0.5' : 'de, en;q=0.5';
}

/** `path?query`, leaving out empty values. */
export function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function toApiError(response: Response): Promise<ApiError> {
  let code = 'http_error';
  let message = response.statusText;
  let issues: { path: string; message: string }[] = [];
  let body: Record<string, unknown> = {};
  try {
    const parsed = (await response.json()) as {
      error?: { code?: unknown; message?: unknown; issues?: unknown };
    };
    if (parsed?.error && typeof parsed.error === 'object') body = parsed.error;
    if (typeof parsed?.error?.code === 'string') code = parsed.error.code;
    if (typeof parsed?.error?.message === 'string') message = parsed.error.message;
    if (Array.isArray(parsed?.error?.issues)) {
      issues = parsed.error.issues.filter(
        (i): i is { path: string; message: string } =>
          typeof i?.path === 'string' && typeof i?.message === 'string',
      );
    }
  } catch {
    // Not JSON (proxy error page, empty body): keep the HTTP status text.
  }
  if (code === 'http_error') {
    if (response.status === 401) code = 'unauthenticated';
    else if (response.status === 403) code = 'forbidden';
    else if (response.status === 404) code = 'not_found';
    else if (response.status === 429) code = 'too_many_requests';
  }
  return new ApiError(
    response.status,
    code,
    message,
    parseRetryAfter(response.headers.get('Retry-After')),
    issues,
    body,
  );
}

export async function request<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, query, expectUnauthenticated = false, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage() };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (signal) init.signal = signal;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !expectUnauthenticated && !credentialCodes.has(error.code)) {
      unauthorizedListener?.(error);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
