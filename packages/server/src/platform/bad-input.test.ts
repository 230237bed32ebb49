import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp();
  admin = t.client();
  await admin.login(DEMO.admin);
});
afterAll(() => t.close());

/** Rows in every table a request could write to; must not move for rejected input. */
const snapshot = async () =>
  (
    await t.ctx.db.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM users) || '/' || (SELECT count(*) FROM audit_log) || '/' ||
              (SELECT count(*) FROM one_time_tokens) || '/' || (SELECT count(*) FROM agencies) AS n`,
    )
  ).rows[0]?.n;

describe('bad input gets a clear 4xx and writes nothing', () => {
  const cases: [string, string, string, unknown, Record<string, string>?, number?, string?][] = [
    ['broken JSON', 'POST', '/api/users', '{"email": ', undefined, 400, 'invalid_json'],
    ['empty JSON body', 'POST', '/api/users', '', { 'content-type': 'application/json' }, 400],
    [
      'unknown field',
      'POST',
      '/api/users',
      { email: 'x@jc-en.example', displayName: 'X', roles: ['lead'], isRoot: true },
      undefined,
      400,
      'validation_failed',
    ],
    [
      'wrong type',
      'POST',
      '/api/users',
      { email: 'x@jc-en.example', displayName: 42, roles: ['lead'] },
      undefined,
      400,
      'validation_failed',
    ],
    [
      'unknown role',
      'POST',
      '/api/users',
      { email: 'x@jc-en.example', displayName: 'X', roles: ['superuser'] },
      undefined,
      400,
      'validation_failed',
    ],
    [
      'invalid e-mail',
      'POST',
      '/api/users',
      { email: 'not-an-address', displayName: 'X', roles: ['lead'] },
      undefined,
      400,
      'validation_failed',
    ],
    ['array instead of object', 'POST', '/api/users', [1, 2, 3], undefined, 400, 'validation_failed'],
    [
      'form encoding',
      'POST',
      '/api/users',
      'email=x',
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
    ],
    [
      'malformed id',
      'PATCH',
      '/api/users/1%27%20OR%201=1',
      { roles: ['lead'] },
      undefined,
      400,
      'validation_failed',
    ],
    [
      'empty role list',
      'PATCH',
      '/api/agency/settings',
      { mfaRequiredRoles: ['god'] },
      undefined,
      400,
      'validation_failed',
    ],
    ['null body', 'PATCH', '/api/agency/settings', 'null', { 'content-type': 'application/json' }, 400],
  ];

  it.each(cases)('%s', async (_name, method, path, body, headers, status, code) => {
    const before = await snapshot();
    const res = await admin.request(method, path, body, headers);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(res.body.error.message.length).toBeGreaterThan(5);
    if (code) expect(res.body.error.code).toBe(code);
    expect(await snapshot()).toBe(before);
  });

  it('names the offending field', async () => {
    const res = await admin.post('/api/users', {
      email: 'x@jc-en.example',
      displayName: 'X',
      roles: ['superuser'],
    });
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('roles.0');
  });

  it('refuses an oversized body with 413', async () => {
    const before = await snapshot();
    const res = await admin.post('/api/users', {
      email: 'x@jc-en.example',
      displayName: 'a'.repeat(2_000_000),
      roles: ['lead'],
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
    expect(await snapshot()).toBe(before);
  });

  it('answers an announced oversized body with 413 before the client sends it', async () => {
    const big = await announceBody(t.baseUrl, 3_000_000, '');
    expect(big).toEqual({ continued: false, status: 413, connection: 'close' });
    // Within the limit the server asks for the body and then judges it.
    const small = await announceBody(t.baseUrl, 2, '{}');
    expect(small.continued).toBe(true);
    expect(small.status).toBe(400);
  });

  it('refuses a write carrying a foreign Origin', async () => {
    const res = await admin.request(
      'POST',
      '/api/users',
      { email: 'y@jc-en.example', displayName: 'Y', roles: ['lead'] },
      {
        origin: 'https://evil.example',
      },
    );
    expect(res.status).toBe(403);
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await admin.get('/api/does-not-exist');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('NUL characters', () => {
  const clients = () => t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM clients');

  it('[trust #13] a NUL in any text field of a JSON body is a 400 naming the field, and nothing is written', async () => {
    const cw = t.client();
    await cw.login(DEMO.caseworker);
    const before = (await clients()).rows[0]?.n;
    const res = await cw.post('/api/clients', {
      firstName: 'a\u0000b',
      lastName: 'Nul',
      birthDate: '1970-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/NUL/);
    expect(res.body.error.issues[0].path).toBe('firstName');
    const nested = await cw.post('/api/partners', {
      name: 'Verein',
      kind: 'welfare',
      contacts: [{ name: '\u0000' }],
    });
    expect(nested.status).toBe(400);
    expect((await clients()).rows[0]?.n).toBe(before);
  });

  it('[trust #13] a NUL in a query string is a 400, not a 500', async () => {
    const cw = t.client();
    await cw.login(DEMO.caseworker);
    for (const path of ['/api/clients?query=%00', '/api/clients?query=ab%00cd', '/api/offers?query=%00']) {
      const res = await cw.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message).toMatch(/NUL/);
    }
  });
});

describe('OpenAPI', () => {
  it('describes the routes from the same zod schemas that validate them', async () => {
    const doc = await t.client().get('/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    const createUser = doc.body.paths['/api/users'].post;
    const schema = createUser.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['email', 'displayName', 'roles']));
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('researcher');
    expect(doc.body.paths['/api/auth/login']).toBeDefined();
    const docs = await t.client().request('GET', '/api/docs/', undefined, { accept: 'text/html' });
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toMatch(/swagger/i);
  });
});

/**
 * Sends the head of a login request that announces `length` bytes with `Expect: 100-continue`, and
 * the body only when the server asks for it; reports whether it asked and what it answered.
 */
function announceBody(
  baseUrl: string,
  length: number,
  body: string,
): Promise<{ continued: boolean; status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    let continued = false;
    const req = httpRequest(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: {
        expect: '100-continue',
        'content-type': 'application/json',
        'content-length': String(length),
        origin: baseUrl,
      },
    });
    req.on('continue', () => {
      continued = true;
      req.end(body);
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () =>
        resolve({ continued, status: res.statusCode ?? 0, connection: res.headers.connection }),
      );
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}
