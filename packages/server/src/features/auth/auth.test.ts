import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, isAllowed } from '../../platform/policy.ts';
import { DEMO, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auditCount = async (action: string, outcome = 'success') =>
  (
    await t.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND outcome = $2',
      [action, outcome],
    )
  ).rows[0]?.n ?? 0;

describe('sign-in', () => {
  it('returns the user and sets an HttpOnly SameSite session cookie', async () => {
    const c = t.client();
    const res = await c.post('/api/auth/login', { email: DEMO.caseworker, password: 'Lotse-Demo-2026' });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(DEMO.caseworker);
    expect(res.body.user.roles).toEqual(['caseworker']);
    expect(res.body.mfa).toBe('ok');
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const cookie = res.headers.getSetCookie().find((h) => h.startsWith('lotse_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(DEMO.caseworker);
  });

  it('accepts the e-mail address in any letter case', async () => {
    const res = await t
      .client()
      .post('/api/auth/login', { email: ' Lotse@JC-EN.example ', password: 'Lotse-Demo-2026' });
    expect(res.status).toBe(200);
  });

  it('gives the same 401 answer for an unknown account as for a wrong password', async () => {
    const wrong = await t
      .client()
      .post('/api/auth/login', { email: DEMO.caseworker2, password: 'not-the-password-1' });
    const unknown = await t
      .client()
      .post('/api/auth/login', { email: 'nobody@jc-en.example', password: 'not-the-password-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(await auditCount('auth.login', 'failure')).toBeGreaterThanOrEqual(2);
  });

  it('issues a new session id at every sign-in and ends the previous one', async () => {
    const c = t.client();
    await c.login(DEMO.lead);
    const first = c.cookies.get('lotse_session');
    await c.login(DEMO.lead);
    const second = c.cookies.get('lotse_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const old = t.client();
    old.cookies.set('lotse_session', first as string);
    expect((await old.get('/api/auth/me')).status).toBe(401);
  });

  it('ends the session at log-out', async () => {
    const c = t.client();
    await c.login(DEMO.coordinator);
    const token = c.cookies.get('lotse_session') as string;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const replay = t.client();
    replay.cookies.set('lotse_session', token);
    expect((await replay.get('/api/auth/me')).status).toBe(401);
    expect(await auditCount('auth.logout')).toBeGreaterThanOrEqual(1);
  });

  it('answers 401 with a JSON error without a session', async () => {
    const res = await t.client().get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('session probe: 200 with authenticated false without a session, the session with one', async () => {
    const anonymous = await t.client().get('/api/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ authenticated: false });
    const stale = t.client();
    stale.cookies.set('lotse_session', 'not-a-session');
    expect((await stale.get('/api/auth/session')).body).toEqual({ authenticated: false });
    const c = t.client();
    await c.login(DEMO.caseworker);
    const probe = await c.get('/api/auth/session');
    expect(probe.status).toBe(200);
    expect(probe.body.authenticated).toBe(true);
    expect(probe.body.mfa).toBe('ok');
    expect(probe.body.user).toEqual((await c.get('/api/auth/me')).body.user);
  });
});

describe('permissions of the session', () => {
  const demoRoles = ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'] as const;

  for (const role of demoRoles) {
    it(`lists exactly the actions the policy allows a ${role}, on sign-in, /me and the probe`, async () => {
      const c = t.client();
      const login = await c.login(DEMO[role]);
      expect(login.body.user.roles).toEqual([role]);
      const expected = actions.filter((action) => isAllowed({ roles: [role] }, action));
      expect(login.body.permissions).toEqual(expected);
      const me = await c.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(Object.keys(me.body).sort()).toEqual(['mfa', 'permissions', 'user']);
      expect(me.body.permissions).toEqual(expected);
      expect((await c.get('/api/auth/session')).body.permissions).toEqual(expected);
    });
  }

  it('names the grants literally: a wrongly changed grant fails here', async () => {
    const permissionsOf = async (email: string) => (await t.client().login(email)).body.permissions;
    const admin = await permissionsOf(DEMO.admin);
    expect(admin).toEqual(expect.arrayContaining(['users.manage', 'agency.configure', 'instruments.manage']));
    expect(admin).not.toContain('clients.read');
    const lead = await permissionsOf(DEMO.lead);
    expect(lead).toEqual(expect.arrayContaining(['clients.erase', 'caseload.team', 'audit.read']));
    expect(lead).not.toContain('programmes.manage');
    const caseworker = await permissionsOf(DEMO.caseworker);
    expect(caseworker).toEqual(
      expect.arrayContaining(['clients.write', 'network.write', 'contacts.notes.read']),
    );
    expect(caseworker).not.toContain('clients.erase');
    expect(caseworker).not.toContain('caseload.team');
    const coordinator = await permissionsOf(DEMO.coordinator);
    expect(coordinator).toEqual(
      expect.arrayContaining(['programmes.manage', 'budgets.manage', 'network.import']),
    );
    expect(coordinator).not.toContain('contacts.notes.read');
    expect(await permissionsOf(DEMO.researcher)).toEqual([
      'account.self',
      'agency.read',
      'districts.read',
      'network.read',
      'events.register',
      'notifications.read',
      'instruments.read',
      'reports.reliability',
      'research.read',
      'research.request',
      'research.export',
    ]);
  });

  it('is absent from the probe without a session', async () => {
    const probe = await t.client().get('/api/auth/session');
    expect(probe.body).toEqual({ authenticated: false });
  });
});

describe('session expiry', () => {
  it('ends a session after 30 idle minutes', async () => {
    const c = t.client();
    await c.login(DEMO.researcher);
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(31 * 60_000);
    const res = await c.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/abgelaufen/);
  });

  it('ends an active session after the absolute timeout of 12 hours', async () => {
    const c = t.client();
    await c.login(DEMO.caseworkerMk);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      t.clock.advance(20 * 60_000);
      expect((await c.get('/api/auth/me')).status).toBe(200);
    }
    t.clock.advance(25 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });
});

describe('lock-out', () => {
  it('locks an account briefly after 5 failures, also for the right password, then lets it in again', async () => {
    const c = t.client();
    for (let i = 0; i < 5; i++) {
      expect(
        (await c.post('/api/auth/login', { email: DEMO.caseworkerDrv, password: `wrong-password-${i}` }))
          .status,
      ).toBe(401);
    }
    const locked = await c.post('/api/auth/login', {
      email: DEMO.caseworkerDrv,
      password: 'Lotse-Demo-2026',
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_requests');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    t.clock.advance(61_000);
    expect(
      (await c.post('/api/auth/login', { email: DEMO.caseworkerDrv, password: 'Lotse-Demo-2026' })).status,
    ).toBe(200);
  });

  it('throttles unknown accounts exactly like known ones', async () => {
    const c = t.client();
    for (let i = 0; i < 5; i++)
      await c.post('/api/auth/login', { email: 'ghost@nowhere.example', password: `guess-number-${i}` });
    expect(
      (await c.post('/api/auth/login', { email: 'ghost@nowhere.example', password: 'guess-number-x' }))
        .status,
    ).toBe(429);
    t.clock.advance(16 * 60_000);
  });

  it('never locks an account for longer than 15 minutes', async () => {
    const c = t.client();
    for (let i = 0; i < 12; i++) {
      await c.post('/api/auth/login', { email: DEMO.caseworker2, password: `wrong-password-${i}` });
      t.clock.advance(16 * 60_000);
    }
    expect(
      (await c.post('/api/auth/login', { email: DEMO.caseworker2, password: 'Lotse-Demo-2026' })).status,
    ).toBe(200);
  });

  it('stops a source address after many failures across accounts', async () => {
    const local = await startTestApp({ LOTSE_LOGIN_MAX_FAILURES_SOURCE: '8' });
    try {
      const c = local.client();
      for (let i = 0; i < 8; i++) {
        await c.post('/api/auth/login', { email: `spray${i}@jc-en.example`, password: 'Sommer2026!Sommer' });
      }
      const res = await c.post('/api/auth/login', { email: DEMO.caseworker, password: 'Lotse-Demo-2026' });
      expect(res.status).toBe(429);
    } finally {
      await local.close();
    }
  });
});

describe('two-factor authentication', () => {
  const code = (secret: string) => generate({ secret, epoch: Math.floor(t.clock.now().getTime() / 1000) });

  async function inviteAndActivate(roles: string[]) {
    const admin = t.client();
    await admin.login(DEMO.admin);
    const email = `mfa-${Math.random().toString(36).slice(2, 8)}@jc-en.example`;
    const created = await admin.post('/api/users', { email, displayName: 'Mara Zweifaktor', roles });
    expect(created.status).toBe(201);
    const password = 'kaffee tasse fenster 42';
    expect(
      (await t.client().post('/api/auth/tokens/accept', { token: created.body.link.token, password })).status,
    ).toBe(204);
    return { email, password, id: created.body.user.id as string };
  }

  it('requires enrolment for a role the agency lists, then a code at every sign-in', async () => {
    const { email, password } = await inviteAndActivate(['researcher']);
    const c = t.client();
    const first = await c.post('/api/auth/login', { email, password });
    expect(first.body.mfa).toBe('enroll');
    expect((await c.get('/api/users')).status).toBe(401);
    const enrol = await c.post('/api/auth/mfa/enroll');
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(enrol.body.qrSvg).toMatch(/<svg/);
    expect((await c.post('/api/auth/mfa/enroll/confirm', { code: '000000' })).status).toBe(401);
    const confirmed = await c.post('/api/auth/mfa/enroll/confirm', { code: await code(enrol.body.secret) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.recoveryCodes).toHaveLength(10);
    expect((await c.get('/api/auth/me')).body.mfa).toBe('ok');

    t.clock.advance(60_000);
    const second = t.client();
    const step1 = await second.post('/api/auth/login', { email, password });
    expect(step1.body.mfa).toBe('verify');
    const pendingCookie = second.cookies.get('lotse_session');
    expect((await second.get('/api/agency')).body.error.code).toBe('mfa_required');
    expect((await second.post('/api/auth/mfa/verify', { code: '123456' })).status).toBe(401);
    const verified = await second.post('/api/auth/mfa/verify', { code: await code(enrol.body.secret) });
    expect(verified.status).toBe(200);
    expect(verified.body.mfa).toBe('ok');
    expect(second.cookies.get('lotse_session')).not.toBe(pendingCookie);
    expect((await second.get('/api/agency')).status).toBe(200);

    // The same code is refused a second time (replay), a recovery code works once.
    const third = t.client();
    await third.post('/api/auth/login', { email, password });
    expect((await third.post('/api/auth/mfa/verify', { code: await code(enrol.body.secret) })).status).toBe(
      401,
    );
    const recovery = confirmed.body.recoveryCodes[0];
    expect((await third.post('/api/auth/mfa/verify', { code: recovery })).status).toBe(200);
    const fourth = t.client();
    await fourth.post('/api/auth/login', { email, password });
    expect((await fourth.post('/api/auth/mfa/verify', { code: recovery })).status).toBe(401);

    // Required by the agency: cannot be switched off.
    t.clock.advance(60_000);
    expect((await second.post('/api/auth/mfa/disable', { code: await code(enrol.body.secret) })).status).toBe(
      403,
    );
  });

  it('does not ask demo users for a second factor in demo mode, but does outside it', async () => {
    const demoAdmin = await t
      .client()
      .post('/api/auth/login', { email: DEMO.admin, password: 'Lotse-Demo-2026' });
    expect(demoAdmin.body.mfa).toBe('ok');
    const strict = await startTestApp({ LOTSE_DEMO: 'false' });
    try {
      const res = await strict
        .client()
        .post('/api/auth/login', { email: DEMO.admin, password: 'Lotse-Demo-2026' });
      expect(res.body.mfa).toBe('enroll');
      const cw = await strict
        .client()
        .post('/api/auth/login', { email: DEMO.caseworker, password: 'Lotse-Demo-2026' });
      expect(cw.body.mfa).toBe('ok');
    } finally {
      await strict.close();
    }
  });

  it('lets a user of an optional role turn TOTP on and off again', async () => {
    const { email, password } = await inviteAndActivate(['caseworker']);
    const c = t.client();
    expect((await c.post('/api/auth/login', { email, password })).body.mfa).toBe('ok');
    const enrol = await c.post('/api/auth/mfa/enroll');
    await c.post('/api/auth/mfa/enroll/confirm', { code: await code(enrol.body.secret) });
    expect((await c.get('/api/auth/me')).body.user.mfaEnabled).toBe(true);
    t.clock.advance(31_000);
    expect((await c.post('/api/auth/mfa/disable', { code: await code(enrol.body.secret) })).status).toBe(204);
    expect((await c.get('/api/auth/me')).body.user.mfaEnabled).toBe(false);
  });
});

describe('passwords', () => {
  it('rejects short, common and context passwords and accepts a long passphrase', async () => {
    const c = t.client();
    await c.login(DEMO.caseworker);
    const change = (newPassword: string) =>
      c.post('/api/auth/password', { currentPassword: 'Lotse-Demo-2026', newPassword });
    const short = await change('kurz123');
    expect(short.status).toBe(400);
    for (const weak of ['passwordpassword', '123456789012', 'Jobcenter2026!!', 'aaaaaaaaaaaaaaa']) {
      const res = await change(weak);
      expect(res.status, weak).toBe(400);
      expect(res.body.error.code, weak).toBe('weak_password');
    }
    expect(
      (
        await c.post('/api/auth/password', {
          currentPassword: 'wrong-current-pw',
          newPassword: 'gruene wiese am fluss',
        })
      ).status,
    ).toBe(400);
    expect((await change('gruene wiese am fluss')).status).toBe(204);
    expect(
      (
        await t
          .client()
          .post('/api/auth/login', { email: DEMO.caseworker, password: 'gruene wiese am fluss' })
      ).status,
    ).toBe(200);
    expect(
      (await t.client().post('/api/auth/login', { email: DEMO.caseworker, password: 'Lotse-Demo-2026' }))
        .status,
    ).toBe(401);
    expect(await auditCount('auth.password.change')).toBe(1);
  });

  it('stores argon2id hashes only', async () => {
    const rows = await t.ctx.db.query<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE password_hash IS NOT NULL',
    );
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) expect(r.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
