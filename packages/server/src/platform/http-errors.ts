import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import { languageOf, localize } from './i18n/messages.ts';

type Issue = { path: string; message: string };

/** PostgreSQL error classes that can only come from input the route should have rejected. */
const pgInputErrors: Record<string, [number, string]> = {
  '23505': [409, 'Ein Eintrag mit diesen Angaben existiert bereits.'],
  '23503': [409, 'Der Eintrag verweist auf etwas, das nicht existiert oder noch verwendet wird.'],
  '22P02': [400, 'Ungültiger Wert.'],
  '22007': [400, 'Ungültiges Datum.'],
  '22008': [400, 'Datum außerhalb des gültigen Bereichs.'],
  '22001': [400, 'Ein Wert ist zu lang.'],
};

function zodIssues(err: FastifyError): Issue[] {
  return (err.validation ?? []).map((v) => {
    const issue = (v.params as { issue?: { path?: (string | number)[]; message?: string } } | undefined)
      ?.issue;
    const path = issue?.path?.join('.') ?? v.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '';
    return { path, message: issue?.message ?? v.message ?? 'ungültig' };
  });
}

/** The one mapping from errors to HTTP. Unknown errors become a 500 without internals. */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  // Messages (and issue messages) in the user's language; the code stays the same in every language.
  const language = languageOf(req.headers['accept-language']);
  const send = (
    status: number,
    code: string,
    message: string,
    issues?: Issue[],
    extra: Record<string, unknown> = {},
  ) =>
    reply
      .status(status)
      .type('application/json')
      .send({
        error: {
          code,
          message: localize(message, language),
          ...(issues
            ? { issues: issues.map((issue) => ({ ...issue, message: localize(issue.message, language) })) }
            : {}),
          ...extra,
        },
      });

  if (err instanceof AppError) {
    reply.headers(err.headers);
    return send(err.status, err.code, err.message, err.issues, err.extra);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = err.validationContext === 'body' ? 'Anfrage' : err.validationContext;
    return send(400, 'validation_failed', `Ungültige Eingabe (${where}).`, zodIssues(err));
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(400, 'invalid_json', 'Der Inhalt der Anfrage ist kein gültiges JSON.');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return send(413, 'payload_too_large', 'Die Anfrage ist zu groß.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(415, 'unsupported_media_type', 'Dieser Inhaltstyp wird nicht unterstützt (JSON erwartet).');
  }
  if (err instanceof SyntaxError && err.statusCode === 400) {
    return send(400, 'invalid_json', 'Der Inhalt der Anfrage ist kein gültiges JSON.');
  }
  const pg = typeof err.code === 'string' ? pgInputErrors[err.code] : undefined;
  if (pg) {
    req.log.warn({ pgCode: err.code }, 'database rejected input');
    return send(pg[0], pg[0] === 409 ? 'conflict' : 'bad_request', pg[1]);
  }
  if (err.statusCode === 429) return send(429, 'too_many_requests', 'Zu viele Anfragen.');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return send(err.statusCode, 'bad_request', err.message);
  }
  req.log.error({ err }, 'unhandled error');
  return send(500, 'internal_error', 'Ein interner Fehler ist aufgetreten.');
}
