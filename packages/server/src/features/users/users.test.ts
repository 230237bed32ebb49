import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let admin: TestClient;
beforeAll(async () => {
  t = await startTestApp({ LOTSE_PUBLIC_URL: 'https://lotse.jobcenter-en.example' });
  admin = t.client();
  await admin.login(DEMO.admin);
});
afterAll(() => t.close());

const PASSWORD = 'abendrot ueber der ruhr';

describe('user administration', () => {
  it('invites a user who sets a password through the one-time link and signs in', async () => {
    const created = await admin.post('/api/users', {
      email: 'Ben.Neu@JC-EN.example',
      displayName: 'Ben Neu',
      roles: ['caseworker'],
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      email: 'ben.neu@jc-en.example',
      status: 'invited',
      roles: ['caseworker'],
    });
    expect(created.body.link.url).toBe(
      `https://lotse.jobcenter-en.example/einladung/${created.body.link.token}`,
    );
    expect(
      (await t.client().post('/api/auth/login', { email: 'ben.neu@jc-en.example', password: PASSWORD }))
        .status,
    ).toBe(401);

    const info = await t.client().get(`/api/auth/tokens/${created.body.link.token}`);
    expect(info.body).toEqual({ email: 'ben.neu@jc-en.example', purpose: 'invite' });
    const weak = await t
      .client()
      .post('/api/auth/tokens/accept', { token: created.body.link.token, password: 'passwordpassword' });
    expect(weak.body.error.code).toBe('weak_password');
    expect(
      (
        await t
          .client()
          .post('/api/auth/tokens/accept', { token: created.body.link.token, password: PASSWORD })
      ).status,
    ).toBe(204);
    expect(
      (
        await t
          .client()
          .post('/api/auth/tokens/accept', { token: created.body.link.token, password: PASSWORD })
      ).status,
    ).toBe(404);

    const ben = t.client();
    const login = await ben.post('/api/auth/login', { email: 'ben.neu@jc-en.example', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.status).toBe('active');
  });

  it('refuses an invitation link after it expired', async () => {
    const created = await admin.post('/api/users', {
      email: 'spaet@jc-en.example',
      displayName: 'Sven Spät',
      roles: ['lead'],
    });
    t.clock.advance(8 * 24 * 3_600_000);
    const res = await t
      .client()
      .post('/api/auth/tokens/accept', { token: created.body.link.token, password: PASSWORD });
    expect(res.status).toBe(404);
    await admin.login(DEMO.admin);
  });

  it('refuses an e-mail address that exists in any agency', async () => {
    const res = await admin.post('/api/users', {
      email: DEMO.caseworkerMk,
      displayName: 'Doppelt',
      roles: ['lead'],
    });
    expect(res.status).toBe(409);
  });

  it('disables a user: sessions end at once and sign-in is refused; enabling restores access', async () => {
    const cw = t.client();
    const login = await cw.login(DEMO.caseworker2);
    const id = login.body.user.id;
    const disabled = await admin.patch(`/api/users/${id}`, { disabled: true });
    expect(disabled.body.user.status).toBe('disabled');
    expect((await cw.get('/api/auth/me')).status).toBe(401);
    expect(
      (await t.client().post('/api/auth/login', { email: DEMO.caseworker2, password: 'Lotse-Demo-2026' }))
        .status,
    ).toBe(401);
    expect((await admin.patch(`/api/users/${id}`, { disabled: false })).body.user.status).toBe('active');
    expect(
      (await t.client().post('/api/auth/login', { email: DEMO.caseworker2, password: 'Lotse-Demo-2026' }))
        .status,
    ).toBe(200);
  });

  it('changes roles, takes effect at the next request and records old and new roles', async () => {
    const lead = t.client();
    const login = await lead.login(DEMO.lead);
    expect((await lead.get('/api/audit')).status).toBe(200);
    await admin.patch(`/api/users/${login.body.user.id}`, { roles: ['caseworker'] });
    expect((await lead.get('/api/audit')).status).toBe(403);
    const entry = await t.ctx.db.query<{ details: { from: string[]; to: string[] } }>(
      `SELECT details FROM audit_log WHERE action = 'users.roles.change' AND resource_id = $1`,
      [login.body.user.id],
    );
    expect(entry.rows[0]?.details).toEqual({ from: ['lead'], to: ['caseworker'] });
    await admin.patch(`/api/users/${login.body.user.id}`, { roles: ['lead'] });
  });

  it('does not let an admin lock themselves out', async () => {
    const me = (await admin.get('/api/auth/me')).body.user;
    expect((await admin.patch(`/api/users/${me.id}`, { disabled: true })).status).toBe(409);
    expect((await admin.patch(`/api/users/${me.id}`, { roles: ['lead'] })).status).toBe(409);
  });

  it('resets a password with a one-time link that signs out existing sessions', async () => {
    const coord = t.client();
    const login = await coord.login(DEMO.coordinator);
    const reset = await admin.post(`/api/users/${login.body.user.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect((await t.client().get(`/api/auth/tokens/${reset.body.link.token}`)).body.purpose).toBe('reset');
    expect(
      (await t.client().post('/api/auth/tokens/accept', { token: reset.body.link.token, password: PASSWORD }))
        .status,
    ).toBe(204);
    expect((await coord.get('/api/auth/me')).status).toBe(401);
    expect(
      (await t.client().post('/api/auth/login', { email: DEMO.coordinator, password: PASSWORD })).status,
    ).toBe(200);
  });

  it('searches users by name or e-mail within the own agency', async () => {
    const byName = await admin.get('/api/users?query=demir');
    expect(byName.body.items.map((u: { email: string }) => u.email)).toEqual([DEMO.caseworker2]);
    const byMail = await admin.get('/api/users?query=LEITUNG@');
    expect(byMail.body.items.map((u: { email: string }) => u.email)).toEqual([DEMO.lead]);
    expect((await admin.get('/api/users?query=jc-mk')).body.total).toBe(0);
    expect((await admin.get('/api/users?query=100%25')).body.total).toBe(0);
  });

  it('does not show admins the password hashes or second-factor secrets', async () => {
    const list = await admin.get('/api/users');
    const text = JSON.stringify(list.body);
    expect(text).not.toMatch(/argon2|password|mfaSecret|secret/i);
  });
});

describe('agency settings', () => {
  it('sets the roles that must use two-factor authentication', async () => {
    const before = await admin.get('/api/agency');
    expect(before.body.settings.mfaRequiredRoles).toEqual(['admin', 'researcher']);
    const res = await admin.patch('/api/agency/settings', { mfaRequiredRoles: ['admin', 'lead', 'lead'] });
    expect(res.status).toBe(200);
    expect(res.body.settings.mfaRequiredRoles).toEqual(['admin', 'lead']);
    const created = await admin.post('/api/users', {
      email: 'teamleitung2@jc-en.example',
      displayName: 'Tara Team',
      roles: ['lead'],
    });
    await t.client().post('/api/auth/tokens/accept', { token: created.body.link.token, password: PASSWORD });
    const login = await t
      .client()
      .post('/api/auth/login', { email: 'teamleitung2@jc-en.example', password: PASSWORD });
    expect(login.body.mfa).toBe('enroll');
    const cw = t.client();
    await cw.login(DEMO.caseworker);
    expect((await cw.get('/api/agency')).body.name).toBe('Jobcenter EN (Demo)');
    expect((await cw.patch('/api/agency/settings', { mfaRequiredRoles: [] })).status).toBe(403);
  });

  it('lets an agency raise the small-cell threshold but not lower it below the installation floor', async () => {
    const raised = await admin.patch('/api/agency/settings', { suppressionThreshold: 10 });
    expect(raised.status).toBe(200);
    expect(raised.body.settings).toMatchObject({
      suppressionThreshold: 10,
      mfaRequiredRoles: ['admin', 'lead'],
    });
    const lowered = await admin.patch('/api/agency/settings', { suppressionThreshold: 3 });
    expect(lowered.status).toBe(400);
    expect((await admin.get('/api/agency')).body.settings.suppressionThreshold).toBe(10);
  });
});
