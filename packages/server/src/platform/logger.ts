import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

/**
 * Structured logs without personal data or secrets: cookies and auth headers are redacted, request
 * URLs are logged without their query string (search terms may be names), path parameters a route
 * declares secret (`config: { secretParams: ['token'] }`) are replaced, bodies are never logged.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'err.detail',
        'err.parameters',
      ],
      censor: '[redacted]',
    },
    serializers: {
      req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: loggedUrl(req) }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const REDACTED = '[redacted]';

interface LoggedRequest {
  id: string;
  method: string;
  url: string;
  params?: unknown;
  routeOptions?: { url?: string; config?: { secretParams?: readonly string[] } };
}

/**
 * The path of a request as it may be logged. A route with secret parameters is logged as its own
 * pattern with the other parameters filled in, so no spelling of the secret (percent-encoded,
 * trailing dot, upper case) can slip past a text search. The rule lives on the route, next to the
 * parameter it protects, so a new token route cannot be forgotten in a list elsewhere.
 */
export function loggedUrl(req: LoggedRequest): string {
  const path = req.url.split('?')[0] ?? '';
  const secret = req.routeOptions?.config?.secretParams;
  const pattern = req.routeOptions?.url;
  if (!secret?.length || !pattern) return path;
  const params = (req.params ?? {}) as Record<string, unknown>;
  return pattern.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
    secret.includes(name) ? REDACTED : encodeURIComponent(String(params[name] ?? '')),
  );
}

/**
 * Refuses to register a route whose path carries a parameter named like a secret without declaring
 * it in `secretParams`: a new link route cannot leak its token into the log by omission.
 */
export function requireDeclaredSecrets(route: { url: string; config?: unknown }) {
  const declared = (route.config as { secretParams?: readonly string[] } | undefined)?.secretParams ?? [];
  for (const [, name] of route.url.matchAll(/:([A-Za-z0-9_]+)/g)) {
    if (name && /token|secret/i.test(name) && !declared.includes(name))
      throw new Error(`Route ${route.url} must declare config.secretParams: ['${name}']`);
  }
}
