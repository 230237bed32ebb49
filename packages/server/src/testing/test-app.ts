import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { DestinationStream } from 'pino';
import { buildApp } from '../app.ts';
import { seedDemoIfEmpty } from '../features/demo/demo.seed.ts';
import { rememberAuditKey } from '../platform/audit.ts';
import { auditKey } from '../platform/audit-key.ts';
import type { ApiRoute } from '../platform/auth-hook.ts';
import { ManualClock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import type { AppContext } from '../platform/context.ts';
import { createLogger } from '../platform/logger.ts';
import { createTestDb, type TestDatabase } from './test-db.ts';

/** The test app's audit key (the data directory does not exist, so no key file). */
export const TEST_AUDIT_KEY = 'a0'.repeat(32);

export interface TestApp {
  /** The server's context, but with the superuser connection (see createTestDb). */
  ctx: AppContext;
  routes: ApiRoute[];
  clock: ManualClock;
  baseUrl: string;
  testDb: TestDatabase;
  client(): TestClient;
  close(): Promise<void>;
}

/**
 * The real app on a real port with a fresh database and the demo agencies; requests go over HTTP.
 * Time is a manual clock so that tests can let sessions and lock-outs expire.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { sampleData?: boolean; logTo?: DestinationStream } = {},
): Promise<TestApp> {
  const testDb = await createTestDb();
  const config = loadConfig({
    LOTSE_DATA_DIR: '/nonexistent',
    LOTSE_WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
    // Each test app has its own key for secrets at rest (there is no data directory for a key file).
    LOTSE_SECRET_KEY: randomBytes(32).toString('base64'),
    LOTSE_AUDIT_KEY: TEST_AUDIT_KEY,
    ...env,
  });
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  // The server runs on the app role's connection, as in production; tests get the same context with
  // the superuser connection, so that they can inspect and tamper with every agency's rows.
  const log = options.logTo ? createLogger('info', options.logTo) : createLogger(config.logLevel);
  const appCtx: AppContext = { config, db: testDb.appDb, clock, log };
  const ctx: AppContext = { ...appCtx, db: testDb.db };
  for (const db of [testDb.db, testDb.appDb]) rememberAuditKey(db, auditKey(config));
  await seedDemoIfEmpty(appCtx, { sampleData: options.sampleData ?? false });
  const { app, routes } = await buildApp(appCtx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    ctx,
    routes,
    clock,
    baseUrl,
    testDb,
    client: () => new TestClient(baseUrl),
    async close() {
      await app.close();
      await testDb.drop();
    },
  };
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A minimal HTTP client with a cookie jar, like a browser tab. */
export class TestClient {
  cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse<T>> {
    const h: Record<string, string> = { accept: 'application/json', ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, ...rest] = (pair ?? '').split('=');
      const value = rest.join('=');
      if (!name) continue;
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c) || /max-age=0/i.test(c))
        this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  patch<T = any>(path: string, body?: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body?: unknown) {
    return this.request<T>('PUT', path, body);
  }

  async login(email: string, password = 'Lotse-Demo-2026') {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200)
      throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
}

export const DEMO = {
  admin: 'admin@jc-en.example',
  caseworker: 'lotse@jc-en.example',
  caseworker2: 'lotse2@jc-en.example',
  lead: 'leitung@jc-en.example',
  coordinator: 'koordination@jc-en.example',
  caseworkerMk: 'lotse@jc-mk.example',
  caseworkerDrv: 'lotse@drv-wf.example',
  researcher: 'forschung@iaq.example',
} as const;
