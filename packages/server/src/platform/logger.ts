import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/**
 * Structured logs without personal data or secrets: cookies and auth headers are redacted, request
 * URLs are logged without their query string (search terms may be names), bodies are never logged.
 */
export function createLogger(level: Config['logLevel']): Logger {
  return pino({
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
      req: (req: { method: string; url: string; id: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
      }),
    },
  });
}

/** Invitation and reset links carry their secret in the path. */
export const redactUrl = (url: string) =>
  (url.split('?')[0] ?? '').replace(/\/(tokens|einladung)\/[^/]+/, '/$1/[redacted]');
