import type { FastifyRequest } from 'fastify';
import { badRequest } from './errors.ts';

/** Where in a JSON value a NUL character sits (`body.firstName`), or undefined if nowhere. */
export function nulBytePath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulBytePath(value[i], `${path}.${i}`);
      if (found) return found;
    }
    return undefined;
  }
  // Parsed JSON and query objects; uploads passed on as streams or buffers are files, not text.
  if (value !== null && typeof value === 'object') {
    if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function')
      return undefined;
    for (const [key, v] of Object.entries(value)) {
      const found = nulBytePath(key, `${path}.${key}`) ?? nulBytePath(v, `${path}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * PostgreSQL cannot store the NUL character in text, and no person's name or note contains it. One
 * check for every route, before schema validation, so no field can be forgotten: 400, never a 500.
 */
export async function rejectNulBytes(req: FastifyRequest) {
  const where =
    nulBytePath(req.query, 'query') ?? nulBytePath(req.params, 'params') ?? nulBytePath(req.body, 'body');
  if (where)
    throw badRequest('Die Eingabe enthält ein unzulässiges Steuerzeichen (NUL).', [
      { path: where.replace(/^body\./, ''), message: 'Steuerzeichen NUL (\\u0000) ist nicht erlaubt.' },
    ]);
}
