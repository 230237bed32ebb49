import { createHash, randomBytes } from 'node:crypto';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { openTotpSecret, protectSecretsAtRest } from './secrets-at-rest.ts';

// Three apps with fresh databases and many argon2 checks: on a busy machine that takes a while, and
// the assertions count outcomes, never durations.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const PASSWORD = 'kaffee tasse fenster 42';
const code = (secret: string) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });

const auditRows = async (action: string, userId: string) =>
  (
    await t.ctx.db.query<{ outcome: string; details: Record<string, unknown> }>(
      'SELECT outcome, details FROM audit_log WHERE action = $1 AND resource_id = $2 ORDER BY id',
      [action, userId],
    )
  ).rows;

/** A new user with TOTP set up; returns the secret and the recovery codes. */
async function userWithMfa() {
  const admin = t.client();
  await admin.login(DEMO.admin);
  const email = `zf-${Math.random().toString(36).slice(2, 8)}@jc-en.example`;
  const created = await admin.post('/api/users', {
    email,
    displayName: 'Zora Faktor',
    roles: ['caseworker'],
  });
  await t.client().post('/api/auth/tokens/accept', { token: created.body.link.token, password: PASSWORD });
  const c = t.client();
  await c.post('/api/auth/login', { email, password: PASSWORD });
  const enrol = await c.post('/api/auth/mfa/enroll');
  const confirmed = await c.post('/api/auth/mfa/enroll/confirm', { code: await code(enrol.body.secret) });
  expect(confirmed.status).toBe(200);
  t.clock.advance(31_000); // the enrolment code may not be replayed
  return {
    email,
    id: created.body.user.id as string,
    secret: enrol.body.secret as string,
    recovery: confirmed.body.recoveryCodes as string[],
  };
}

async function pendingSignIn(email: string): Promise<TestClient> {
  const c = t.client();
  const res = await c.post('/api/auth/login', { email, password: PASSWORD });
  expect(res.body.mfa).toBe('verify');
  return c;
}

describe('[trust #1] second-factor codes cannot be guessed', () => {
  it('[trust #1] ends the pending sign-in after 5 wrong TOTP codes, refuses the right code then, locks the account and audits it', async () => {
    const u = await userWithMfa();
    const c = await pendingSignIn(u.email);
    for (let i = 0; i < 4; i++) {
      const res = await c.post('/api/auth/mfa/verify', { code: `00000${i}` });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_mfa_code');
    }
    const fifth = await c.post('/api/auth/mfa/verify', { code: '000009' });
    expect(fifth.status).toBe(401);
    expect(fifth.body.error.code).toBe('mfa_attempts_exceeded');
    // The pending session is gone: even the right code is refused.
    const right = await c.post('/api/auth/mfa/verify', { code: await code(u.secret) });
    expect(right.status).toBe(401);
    expect((await c.get('/api/auth/me')).status).toBe(401);

    const audit = await auditRows('auth.mfa.verify', u.id);
    expect(audit.map((a) => a.outcome)).toEqual(Array(5).fill('failure'));
    expect(audit[4]?.details).toEqual({ attempt: 5, signInEnded: true });

    // The account's sign-in throttle applies: 5 failures lock it, also for the right password.
    const again = await t.client().post('/api/auth/login', { email: u.email, password: PASSWORD });
    expect(again.status).toBe(429);
    t.clock.advance(61_000);
    // Knowing the password does not reset the counter: one more wrong code doubles the lock.
    const next = await pendingSignIn(u.email);
    expect((await next.post('/api/auth/mfa/verify', { code: '111111' })).status).toBe(401);
    const locked = await next.post('/api/auth/mfa/verify', { code: await code(u.secret) });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    t.clock.advance(121_000);
    const ok = await next.post('/api/auth/mfa/verify', { code: await code(u.secret) });
    expect(ok.status).toBe(200);
    // A completed sign-in resets the account counter.
    t.clock.advance(31_000);
    const fresh = await pendingSignIn(u.email);
    expect((await fresh.post('/api/auth/mfa/verify', { code: '222222' })).status).toBe(401);
    expect((await fresh.post('/api/auth/mfa/verify', { code: await code(u.secret) })).status).toBe(200);
  });

  it('[trust #1] counts wrong recovery codes the same way; a valid recovery code stays unused when refused', async () => {
    const u = await userWithMfa();
    const c = await pendingSignIn(u.email);
    for (let i = 0; i < 5; i++) {
      const res = await c.post('/api/auth/mfa/verify', { code: `abcde-fghj${i + 2}` });
      expect(res.status).toBe(401);
    }
    expect((await c.post('/api/auth/mfa/verify', { code: u.recovery[0] })).status).toBe(401);
    t.clock.advance(61_000);
    const later = await pendingSignIn(u.email);
    expect((await later.post('/api/auth/mfa/verify', { code: u.recovery[0] })).status).toBe(200);
  });

  it('[trust #1] checks no more than 5 codes of 20 sent in parallel on one pending sign-in', async () => {
    const u = await userWithMfa();
    const c = await pendingSignIn(u.email);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => c.post('/api/auth/mfa/verify', { code: String(100000 + i * 7) })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toEqual([]);
    const checked = (await auditRows('auth.mfa.verify', u.id)).filter((a) => a.outcome === 'failure');
    expect(checked).toHaveLength(5);
  });
});

describe('[trust #12] sign-in throttling', () => {
  it('[trust #12] checks exactly 5 of 30 parallel wrong passwords for one account, the rest get 429', async () => {
    const email = DEMO.caseworkerMk;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.client().post('/api/auth/login', { email, password: `wrong-password-${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25);
    const failures = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log a JOIN users u ON u.id = a.actor_user_id
        WHERE a.action = 'auth.login' AND a.outcome = 'failure' AND u.email = $1`,
      [email],
    );
    expect(failures.rows[0]?.n).toBe(5);
    t.clock.advance(16 * 60_000);
  });

  it('[trust #12] does not lock out an office behind one address after 30 failures (per-source default 300)', async () => {
    const c = t.client();
    for (let i = 0; i < 31; i++) {
      await c.post('/api/auth/login', { email: `tippfehler${i}@jc-en.example`, password: 'falsch-falsch-1' });
    }
    expect((await c.post('/api/auth/login', { email: DEMO.lead, password: 'Lotse-Demo-2026' })).status).toBe(
      200,
    );
    t.clock.advance(61 * 60_000);
  });
});

describe('[trust #12] forwarded addresses', () => {
  // Two more apps: one where the test's own address (loopback) is a configured proxy, one where not.
  let proxied: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    proxied = await startTestApp({
      LOTSE_TRUSTED_PROXIES: '127.0.0.1/32,::1',
      LOTSE_LOGIN_MAX_FAILURES_SOURCE: '6',
    });
    direct = await startTestApp({
      LOTSE_TRUSTED_PROXIES: '10.0.0.0/8',
      LOTSE_LOGIN_MAX_FAILURES_SOURCE: '6',
    });
  });
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
  });
  const spray = (c: TestClient, i: number, xff: string) =>
    c.request(
      'POST',
      '/api/auth/login',
      { email: `spray${i}@jc-en.example`, password: 'Sommer2026!Sommer' },
      { 'x-forwarded-for': xff },
    );
  const signIn = (c: TestClient, headers: Record<string, string>) =>
    c.request('POST', '/api/auth/login', { email: DEMO.caseworker, password: 'Lotse-Demo-2026' }, headers);

  it('[trust #12] ignores X-Forwarded-For from an address that is not a configured proxy', async () => {
    const c = direct.client();
    for (let i = 0; i < 6; i++) await spray(c, i, `203.0.113.${i + 1}`);
    expect((await signIn(c, { 'x-forwarded-for': '203.0.113.99' })).status).toBe(429);
  });

  it('[trust #12] takes the address a trusted proxy appended, so a rotating forged X-Forwarded-For does not help', async () => {
    const c = proxied.client();
    for (let i = 0; i < 6; i++) await spray(c, i, `198.18.0.${i + 1}, 203.0.113.7`);
    expect((await signIn(c, { 'x-forwarded-for': '198.18.0.99, 203.0.113.7' })).status).toBe(429);
    // Another client behind the same proxy is not affected.
    expect((await signIn(c, { 'x-forwarded-for': '198.18.0.99, 203.0.113.8' })).status).toBe(200);
  });

  const cookieOf = (res: { headers: Headers }) =>
    res.headers.getSetCookie().find((h) => h.startsWith('lotse_session=')) ?? '';

  it('[trust #11] marks the session cookie Secure when a trusted TLS proxy forwards the request', async () => {
    const tls = await signIn(proxied.client(), {
      'x-forwarded-proto': 'https',
      'x-forwarded-for': '203.0.113.20',
    });
    expect(tls.status).toBe(200);
    expect(cookieOf(tls)).toMatch(/;\s*Secure/i);
    const plain = await signIn(proxied.client(), { 'x-forwarded-for': '203.0.113.21' });
    expect(cookieOf(plain)).not.toMatch(/;\s*Secure/i);
    // Without a trusted proxy the header is a client's claim and changes nothing.
    const claimed = await signIn(t.client(), { 'x-forwarded-proto': 'https' });
    expect(claimed.status).toBe(200);
    expect(cookieOf(claimed)).not.toMatch(/;\s*Secure/i);
  });
});

describe('[trust #11] caching', () => {
  it('[trust #11] sends Cache-Control: no-store on API answers with personal data, errors and exports', async () => {
    const c = t.client();
    await c.login(DEMO.caseworker);
    const clients = await c.get('/api/clients');
    expect(clients.status).toBe(200);
    expect(clients.headers.get('cache-control')).toBe('no-store');
    const id = clients.body.items[0]?.id;
    if (id) expect((await c.get(`/api/clients/${id}/export`)).headers.get('cache-control')).toBe('no-store');
    expect((await c.get('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    expect((await t.client().get('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    expect((await c.get('/api/users')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('[trust #13] passwords with the name, e-mail or agency name', () => {
  it('[trust #13] are refused at invitation, password change and reset', async () => {
    const admin = t.client();
    await admin.login(DEMO.admin);
    const created = await admin.post('/api/users', {
      email: 'greta.quellwasser@jc-en.example',
      displayName: 'Greta Quellwasser',
      roles: ['caseworker'],
    });
    const accept = (token: string, password: string) =>
      t.client().post('/api/auth/tokens/accept', { token, password });
    for (const weak of [
      'Greta Quellwasser sagt hallo',
      'greta.quellwasser mag Tee',
      'Jobcenter EN (Demo) 2026!',
    ]) {
      const res = await accept(created.body.link.token, weak);
      expect(res.status, weak).toBe(400);
      expect(res.body.error.code, weak).toBe('weak_password');
    }
    expect((await accept(created.body.link.token, PASSWORD)).status).toBe(204);

    const greta = t.client();
    await greta.login('greta.quellwasser@jc-en.example', PASSWORD);
    const change = await greta.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'ich bin greta quellwasser',
    });
    expect(change.status).toBe(400);
    expect(change.body.error.code).toBe('weak_password');

    const reset = await admin.post(`/api/users/${created.body.user.id}/reset-password`);
    const viaReset = await accept(reset.body.link.token, 'GretaQuellwasser!2026');
    expect(viaReset.status).toBe(400);
    expect(viaReset.body.error.code).toBe('weak_password');
    expect((await accept(reset.body.link.token, 'gruene wiese am fluss')).status).toBe(204);
  });
});

describe('[trust #11] secrets at rest', () => {
  const storedSecret = async (id: string) =>
    (await t.ctx.db.query<{ mfa_secret: string }>('SELECT mfa_secret FROM users WHERE id = $1', [id])).rows[0]
      ?.mfa_secret ?? '';
  const storedCodes = async (id: string) =>
    (
      await t.ctx.db.query<{ code_hash: string }>('SELECT code_hash FROM recovery_codes WHERE user_id = $1', [
        id,
      ])
    ).rows;
  const sha256 = (code: string) => createHash('sha256').update(code.replace('-', '')).digest('hex');

  it('[trust #11] keeps the TOTP secret encrypted and recovery codes as salted keyed hashes', async () => {
    const u = await userWithMfa();
    const stored = await storedSecret(u.id);
    expect(stored).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(stored).not.toContain(u.secret);
    expect(openTotpSecret(t.ctx, stored)).toBe(u.secret);
    // Another key (a copy of the database without the key) cannot read it.
    const otherKey = { ...t.ctx.config, secretKey: { value: randomBytes(32), file: '/nonexistent' } };
    expect(() => openTotpSecret({ ...t.ctx, config: otherKey }, stored)).toThrow(/key/);

    const codes = await storedCodes(u.id);
    expect(codes).toHaveLength(10);
    const plainDigests = new Set(u.recovery.map(sha256));
    for (const c of codes) {
      expect(c.code_hash).toMatch(/^h1\./);
      expect(plainDigests.has(c.code_hash)).toBe(false);
    }
  });

  it('[trust #11] encrypts secrets stored in clear and converts unsalted recovery codes at start', async () => {
    const u = await userWithMfa();
    // The state of an installation from before: secret in clear, codes as bare SHA-256.
    await t.ctx.db.query('UPDATE users SET mfa_secret = $2 WHERE id = $1', [u.id, u.secret]);
    await t.ctx.db.query('DELETE FROM recovery_codes WHERE user_id = $1', [u.id]);
    for (const code of u.recovery)
      await t.ctx.db.query(
        'INSERT INTO recovery_codes (agency_id, user_id, code_hash) SELECT agency_id, id, $2 FROM users WHERE id = $1',
        [u.id, sha256(code)],
      );
    const converted = await protectSecretsAtRest(t.ctx);
    expect(converted.totpSecrets).toBeGreaterThanOrEqual(1);
    expect(converted.recoveryCodes).toBeGreaterThanOrEqual(10);
    expect(await storedSecret(u.id)).toMatch(/^v1\./);
    expect((await storedCodes(u.id)).every((c) => c.code_hash.startsWith('h1.'))).toBe(true);
    expect(await protectSecretsAtRest(t.ctx)).toEqual({ totpSecrets: 0, recoveryCodes: 0 });
    // Both still work after the conversion.
    const viaCode = await pendingSignIn(u.email);
    expect((await viaCode.post('/api/auth/mfa/verify', { code: await code(u.secret) })).status).toBe(200);
    const viaRecovery = await pendingSignIn(u.email);
    expect((await viaRecovery.post('/api/auth/mfa/verify', { code: u.recovery[3] })).status).toBe(200);
    // A start with a different key is refused instead of locking every user out.
    const otherKey = { ...t.ctx.config, secretKey: { value: randomBytes(32), file: '/nonexistent' } };
    await expect(protectSecretsAtRest({ ...t.ctx, config: otherKey })).rejects.toThrow(/LOTSE_SECRET_KEY/);
  });

  it('[trust #11] replaces recovery codes only with the password or a current code', async () => {
    const u = await userWithMfa();
    const c = await pendingSignIn(u.email);
    expect((await c.post('/api/auth/mfa/verify', { code: await code(u.secret) })).status).toBe(200);
    expect((await c.post('/api/auth/mfa/recovery-codes')).status).toBe(400);
    expect((await c.post('/api/auth/mfa/recovery-codes', {})).status).toBe(400);
    const wrongPassword = await c.post('/api/auth/mfa/recovery-codes', { password: 'nicht das passwort' });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
    const wrongCode = await c.post('/api/auth/mfa/recovery-codes', { code: '000000' });
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body.error.code).toBe('invalid_mfa_code');
    expect(await storedCodes(u.id)).toHaveLength(10);
    const byPassword = await c.post('/api/auth/mfa/recovery-codes', { password: PASSWORD });
    expect(byPassword.status).toBe(200);
    expect(byPassword.body.recoveryCodes).toHaveLength(10);
    t.clock.advance(31_000);
    const byCode = await c.post('/api/auth/mfa/recovery-codes', { code: await code(u.secret) });
    expect(byCode.status).toBe(200);
    // Only the newest set works.
    const old = await pendingSignIn(u.email);
    expect((await old.post('/api/auth/mfa/verify', { code: byPassword.body.recoveryCodes[0] })).status).toBe(
      401,
    );
    expect((await old.post('/api/auth/mfa/verify', { code: byCode.body.recoveryCodes[0] })).status).toBe(200);
  });
});
