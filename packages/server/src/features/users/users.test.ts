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
    expect((await admin.patch(`/api/users/${me.id}`, { roles: ['lead'] })).status).toBe(403);
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

describe('[trust #8] roles and resets of administrators', () => {
  const auditOf = async (action: string, resourceId: string) =>
    (
      await t.ctx.db.query<{ outcome: string; actor_user_id: string; details: Record<string, unknown> }>(
        'SELECT outcome, actor_user_id, details FROM audit_log WHERE action = $1 AND resource_id = $2 ORDER BY id',
        [action, resourceId],
      )
    ).rows;

  /** A further administrator, signed in (the agency's second-factor rule is lifted for this test). */
  async function anotherAdmin(name: string) {
    const created = await admin.post('/api/users', {
      email: `${name}@jc-en.example`,
      displayName: `${name} Admin`,
      roles: ['admin'],
    });
    expect(created.status).toBe(201);
    await t.client().post('/api/auth/tokens/accept', { token: created.body.link.token, password: PASSWORD });
    const c = t.client();
    await c.login(`${name}@jc-en.example`, PASSWORD);
    return { client: c, id: created.body.user.id as string };
  }

  it('[trust #8] refuses to let anybody change their own roles (403 with a message) and audits the attempt', async () => {
    await admin.login(DEMO.admin);
    const me = (await admin.get('/api/auth/me')).body.user;
    const res = await admin.patch(`/api/users/${me.id}`, { roles: ['admin', 'researcher'] });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/eigenen Rollen/);
    expect((await admin.get('/api/auth/me')).body.user.roles).toEqual(['admin']);
    const denied = (await auditOf('users.roles.change', me.id)).filter((a) => a.outcome === 'denied');
    expect(denied.at(-1)?.details).toEqual({
      from: ['admin'],
      to: ['admin', 'researcher'],
      reason: 'own_account',
    });
    // An unchanged role list (a form that saves the name) is fine.
    expect(
      (await admin.patch(`/api/users/${me.id}`, { roles: ['admin'], displayName: 'Petra Admin' })).status,
    ).toBe(200);
  });

  it('[trust #8] refuses the admin role together with a client-data role, on invitation and on change', async () => {
    for (const roles of [
      ['admin', 'lead'],
      ['admin', 'caseworker'],
      ['admin', 'coordinator'],
    ]) {
      const res = await admin.post('/api/users', {
        email: 'kombi@jc-en.example',
        displayName: 'Kim Kombi',
        roles,
      });
      expect(res.status, roles.join()).toBe(400);
      expect(JSON.stringify(res.body.error), roles.join()).toMatch(/Administrationsrolle/);
    }
    const lead = (await admin.get('/api/users?query=leitung@')).body.items[0];
    const res = await admin.patch(`/api/users/${lead.id}`, { roles: ['lead', 'admin'] });
    expect(res.status).toBe(400);
    expect((await admin.get('/api/users?query=leitung@')).body.items[0].roles).toEqual(['lead']);
    // Admin with the research role (pseudonymised aggregates only) stays possible.
    const ok = await admin.post('/api/users', {
      email: 'admin-forschung@jc-en.example',
      displayName: 'Ada Forschung',
      roles: ['admin', 'researcher'],
    });
    expect(ok.status).toBe(201);
  });

  it('[trust #8] records old and new roles (codes only) for every role change', async () => {
    const cw = (await admin.get('/api/users?query=demir')).body.items[0];
    await admin.patch(`/api/users/${cw.id}`, { roles: ['caseworker', 'coordinator'] });
    await admin.patch(`/api/users/${cw.id}`, { roles: ['caseworker'] });
    const changes = (await auditOf('users.roles.change', cw.id)).map((a) => a.details);
    expect(changes).toEqual([
      { from: ['caseworker'], to: ['caseworker', 'coordinator'] },
      { from: ['caseworker', 'coordinator'], to: ['caseworker'] },
    ]);
  });

  it('[trust #8] needs a second administrator to reset another administrator; nobody resets their own account', async () => {
    await admin.patch('/api/agency/settings', { mfaRequiredRoles: [] });
    const b = await anotherAdmin('zweite');
    const c = await anotherAdmin('dritte');
    const me = (await admin.get('/api/auth/me')).body.user;

    expect((await admin.post(`/api/users/${me.id}/reset-password`)).status).toBe(403);
    expect((await admin.post(`/api/users/${me.id}/reset-mfa`)).status).toBe(403);

    const first = await admin.post(`/api/users/${b.id}/reset-password`);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ approvalRequired: true });
    expect(first.body).not.toHaveProperty('link');
    expect((await admin.post(`/api/users/${b.id}/reset-password`)).status).toBe(409);
    // The target cannot approve a request about themselves.
    expect((await b.client.post(`/api/users/${b.id}/reset-password`)).status).toBe(403);
    const second = await c.client.post(`/api/users/${b.id}/reset-password`);
    expect(second.status).toBe(200);
    expect(second.body.link.token).toBeTruthy();
    const done = await auditOf('users.password.reset', b.id);
    expect(done.at(-1)).toMatchObject({ actor_user_id: c.id, details: { requestedBy: me.id } });
    expect(await auditOf('users.password.reset_request', b.id)).toHaveLength(1);
    // The request was used up: the next reset starts over.
    expect((await c.client.post(`/api/users/${b.id}/reset-password`)).status).toBe(202);

    // A request expires after a day.
    expect((await admin.post(`/api/users/${b.id}/reset-mfa`)).status).toBe(202);
    t.clock.advance(25 * 3_600_000);
    await c.client.login('dritte@jc-en.example', PASSWORD);
    expect((await c.client.post(`/api/users/${b.id}/reset-mfa`)).status).toBe(202);
    await admin.login(DEMO.admin);
    expect((await admin.post(`/api/users/${b.id}/reset-mfa`)).status).toBe(204);

    // Non-admin users are reset by one administrator, as before.
    const cw = (await admin.get('/api/users?query=demir')).body.items[0];
    expect((await admin.post(`/api/users/${cw.id}/reset-password`)).status).toBe(200);
  });
});
