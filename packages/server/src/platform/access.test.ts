import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp } from '../testing/test-app.ts';
import { withActor } from './context.ts';

/**
 * The expected access matrix, written down independently of the policy module: if a route is added
 * without an entry here, or a grant changes, this test fails.
 */
const ALL = ['admin', 'lead', 'caseworker', 'coordinator', 'researcher'] as const;
type RoleName = (typeof ALL)[number];
const expected: Record<string, 'public' | readonly RoleName[]> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'POST /api/auth/login': 'public',
  'GET /api/auth/tokens/:token': 'public',
  'POST /api/auth/tokens/accept': 'public',
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'GET /api/auth/session': 'public',
  'POST /api/auth/mfa/verify': ALL,
  'POST /api/auth/mfa/enroll': ALL,
  'POST /api/auth/mfa/enroll/confirm': ALL,
  'POST /api/auth/mfa/recovery-codes': ALL,
  'POST /api/auth/mfa/disable': ALL,
  'POST /api/auth/password': ALL,
  'GET /api/agency': ALL,
  'PATCH /api/agency/settings': ['admin'],
  'GET /api/agency/logo': ALL,
  'PUT /api/agency/logo': ['admin'],
  'DELETE /api/agency/logo': ['admin'],
  'GET /api/districts': ALL,
  'PUT /api/districts': ['admin'],
  'POST /api/districts/import': ['admin'],
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'POST /api/users/:id/reset-password': ['admin'],
  'POST /api/users/:id/reset-mfa': ['admin'],
  'GET /api/audit': ['admin', 'lead'],
  // Case work
  'GET /api/clients': ['lead', 'caseworker', 'coordinator'],
  'POST /api/clients': ['lead', 'caseworker'],
  'GET /api/clients/:id': ['lead', 'caseworker', 'coordinator'],
  'PATCH /api/clients/:id': ['lead', 'caseworker'],
  'POST /api/clients/:id/close': ['lead', 'caseworker'],
  'POST /api/clients/:id/reopen': ['lead', 'caseworker'],
  'POST /api/clients/:id/handover': ['lead', 'caseworker'],
  'POST /api/clients/:id/share': ['lead', 'caseworker'],
  'GET /api/guides': ['lead', 'caseworker'],
  'GET /api/partner-agencies': ['lead', 'caseworker'],
  'GET /api/clients/:id/consents': ['lead', 'caseworker'],
  'POST /api/clients/:id/consents': ['lead', 'caseworker'],
  'POST /api/consents/:id/withdraw': ['lead', 'caseworker'],
  'GET /api/clients/:id/goals': ['lead', 'caseworker'],
  'POST /api/clients/:id/goals': ['lead', 'caseworker'],
  'PATCH /api/goals/:id': ['lead', 'caseworker'],
  'GET /api/clients/:id/contacts': ['lead', 'caseworker', 'coordinator'],
  'POST /api/clients/:id/contacts': ['lead', 'caseworker'],
  'GET /api/caseload': ['lead', 'caseworker'],
  'GET /api/clients/:id/export': ['lead', 'caseworker'],
  'GET /api/clients/:id/consent-form': ['lead', 'caseworker'],
  'GET /api/clients/:id/goal-agreement': ['lead', 'caseworker'],
  'POST /api/clients/:id/erase': ['lead'],
  'POST /api/client-imports/preview': ['lead', 'caseworker'],
  'POST /api/client-imports': ['lead', 'caseworker'],
  // Instruments and assessments
  'GET /api/instruments': ALL,
  'GET /api/instruments/:id': ALL,
  'POST /api/instruments/:id/drafts': ['admin'],
  'PATCH /api/instruments/:id': ['admin'],
  'POST /api/instruments/:id/publish': ['admin'],
  'POST /api/clients/:id/assessments': ['lead', 'caseworker'],
  'POST /api/clients/:id/assessments/import/fhir': ['lead', 'caseworker'],
  'GET /api/clients/:id/assessments': ['lead', 'caseworker'],
  'GET /api/clients/:id/progress': ['lead', 'caseworker'],
  'GET /api/assessments/:id': ['lead', 'caseworker'],
  'PATCH /api/assessments/:id': ['lead', 'caseworker'],
  'POST /api/assessments/:id/complete': ['lead', 'caseworker'],
  'POST /api/assessments/:id/amendments': ['lead', 'caseworker'],
  'GET /api/instruments/:id/fhir': ALL,
  'POST /api/instruments/import/fhir': ['admin'],
  'GET /api/assessments/:id/fhir': ['lead', 'caseworker'],
  'GET /api/instruments/:id/form.pdf': ALL,
  'GET /api/assessments/:id/pdf': ['lead', 'caseworker'],
  'GET /api/clients/:id/progress.pdf': ['lead', 'caseworker'],
  'POST /api/clients/:id/self-assessment-links': ['lead', 'caseworker'],
  'GET /api/clients/:id/self-assessment-links': ['lead', 'caseworker'],
  'POST /api/self-assessment-links/:id/revoke': ['lead', 'caseworker'],
  'POST /api/referrals/:id/feedback': ['lead', 'caseworker'],
  'POST /api/referrals/:id/feedback-links': ['lead', 'caseworker'],
  'GET /api/referrals/:id/feedback-links': ['lead', 'caseworker'],
  'POST /api/referral-feedback-links/:id/revoke': ['lead', 'caseworker'],
  'GET /api/referral-feedback/:token': 'public',
  'POST /api/referral-feedback/:token': 'public',
  'GET /api/self-assessment/:token': 'public',
  'PUT /api/self-assessment/:token/draft': 'public',
  'POST /api/self-assessment/:token/submit': 'public',
  // Programmes and funding
  'GET /api/programmes': ['lead', 'caseworker', 'coordinator'],
  'POST /api/programmes': ['coordinator'],
  'GET /api/programme-agencies': ['lead', 'caseworker', 'coordinator'],
  'GET /api/programme-coaches': ['lead', 'caseworker', 'coordinator'],
  'GET /api/programmes/:id': ['lead', 'caseworker', 'coordinator'],
  'PATCH /api/programmes/:id': ['coordinator'],
  'GET /api/programmes/:id/enrolments': ['lead', 'caseworker', 'coordinator'],
  'POST /api/programmes/:id/enrolments': ['lead', 'caseworker', 'coordinator'],
  'POST /api/enrolments/:id/admit': ['lead', 'caseworker', 'coordinator'],
  'POST /api/enrolments/:id/exit': ['lead', 'caseworker', 'coordinator'],
  'GET /api/programmes/:id/occupancy': ['lead', 'coordinator'],
  'GET /api/programmes/:id/budgets': ['lead', 'coordinator'],
  'POST /api/programmes/:id/budgets': ['coordinator'],
  'GET /api/programmes/:id/expenditures': ['lead', 'coordinator'],
  'POST /api/programmes/:id/expenditures': ['coordinator'],
  'GET /api/programmes/:id/report': ['lead', 'coordinator'],
  // Offers and network
  'GET /api/partners': ALL,
  'GET /api/partners/:id': ALL,
  'POST /api/partners': ['lead', 'caseworker', 'coordinator'],
  'PATCH /api/partners/:id': ['lead', 'caseworker', 'coordinator'],
  'GET /api/offers': ALL,
  'POST /api/offers': ['lead', 'caseworker', 'coordinator'],
  'GET /api/offers/:id': ALL,
  'PATCH /api/offers/:id': ['lead', 'caseworker', 'coordinator'],
  'GET /api/clients/:id/offer-suggestions': ['lead', 'caseworker'],
  'GET /api/clients/:id/referrals': ['lead', 'caseworker'],
  'POST /api/clients/:id/referrals': ['lead', 'caseworker'],
  'PATCH /api/referrals/:id': ['lead', 'caseworker'],
  'GET /api/planning/needs-vs-offers': ['lead', 'coordinator'],
  'GET /api/events': ALL,
  'POST /api/events': ['lead', 'coordinator'],
  'GET /api/events.ics': ALL,
  'GET /api/events/:id.ics': ALL,
  'GET /api/events/:id': ALL,
  'POST /api/events/:id/registrations': ALL,
  'DELETE /api/events/:id/registrations': ALL,
  'PATCH /api/events/:id': ['lead', 'coordinator'],
  'POST /api/events/:id/cancel': ['lead', 'coordinator'],
  'GET /api/events/:id/attendees': ['lead', 'coordinator'],
  'GET /api/notifications': ALL,
  'POST /api/notifications/read-all': ALL,
  'POST /api/notifications/:id/read': ALL,
  'GET /api/events/feed-token': ALL,
  'POST /api/events/feed-token': ALL,
  'DELETE /api/events/feed-token': ALL,
  'GET /api/events/feed/:token.ics': 'public',
  'GET /api/publications': ALL,
  'POST /api/publications': ['lead', 'coordinator'],
  'GET /api/publications/:id/file': ALL,
  'POST /api/offers/import': ['lead', 'coordinator'],
  'GET /api/offers/export': ALL,
  'POST /api/partners/import': ['lead', 'coordinator'],
  'GET /api/partners/export': ALL,
  // Evaluation
  'GET /api/reports/cohort': ['lead', 'coordinator'],
  'GET /api/reports/cohort.pdf': ['lead', 'coordinator'],
  'GET /api/reports/cohort.xlsx': ['lead', 'coordinator'],
  'GET /api/reports/cohort/compare': ['lead', 'coordinator'],
  'GET /api/reports/reliability': ['admin', 'lead', 'coordinator', 'researcher'],
  'GET /api/reports/outcomes': ['lead', 'coordinator'],
  'GET /api/reports/funnel': ['lead', 'coordinator'],
  'GET /api/research-projects': ['admin', 'lead', 'researcher'],
  'POST /api/research-projects': ['researcher'],
  'POST /api/research-projects/:id/approve': ['admin', 'lead'],
  'POST /api/research-projects/:id/exports': ['researcher'],
  'GET /api/research-exports/:id/download': ['researcher'],
};

const userOf: Record<RoleName, string> = {
  admin: DEMO.admin,
  lead: DEMO.lead,
  caseworker: DEMO.caseworker,
  coordinator: DEMO.coordinator,
  researcher: DEMO.researcher,
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('route x role matrix', () => {
  it('lists every API route in the expected matrix', () => {
    const actual = t.routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(actual).toEqual(Object.keys(expected).sort());
    for (const r of t.routes)
      expect(r.public, `${r.method} ${r.url}`).toBe(expected[`${r.method} ${r.url}`] === 'public');
  });

  const protectedRoutes = Object.entries(expected).filter(([, v]) => v !== 'public');

  it.each(protectedRoutes)('%s answers 401 without a session', async (route) => {
    const [method, url] = route.split(' ') as [string, string];
    const res = await t
      .client()
      .request(method, url.replace(':id', randomUUID()), method === 'GET' ? undefined : {});
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  for (const role of ALL) {
    it.each(protectedRoutes)(`%s: role ${role}`, async (route, allowed) => {
      const [method, url] = route.split(' ') as [string, string];
      const c = t.client();
      await c.login(userOf[role]);
      // A body the schema rejects: allowed roles get past the policy (400/404/204...), others get 403,
      // and nothing is changed either way.
      const body = method === 'GET' ? undefined : { unexpectedField: true };
      const res = await c.request(method, url.replace(':id', randomUUID()), body);
      if ((allowed as readonly string[]).includes(role)) {
        expect(res.status, JSON.stringify(res.body)).not.toBe(403);
        expect(res.status).not.toBe(401);
        expect(res.status).toBeLessThan(500);
      } else {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
    });
  }

  it('records refused access in the audit log', async () => {
    const c = t.client();
    await c.login(DEMO.caseworker);
    expect((await c.get('/api/audit')).status).toBe(403);
    const denied = await t.ctx.db.query<{ details: { route: string } }>(
      `SELECT details FROM audit_log WHERE outcome = 'denied' AND action = 'audit.read'`,
    );
    expect(denied.rows.some((r) => r.details.route === 'GET /api/audit')).toBe(true);
  });
});

describe('tenant isolation', () => {
  const userId = async (email: string) =>
    (await t.ctx.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]
      ?.id as string;

  it('answers 404 when an admin touches a user of another agency, and changes nothing', async () => {
    const c = t.client();
    await c.login(DEMO.admin);
    const foreign = await userId(DEMO.caseworkerMk);
    const patch = await c.patch(`/api/users/${foreign}`, { roles: ['admin'] });
    expect(patch.status).toBe(404);
    expect((await c.post(`/api/users/${foreign}/reset-password`)).status).toBe(404);
    expect((await c.post(`/api/users/${foreign}/reset-mfa`)).status).toBe(404);
    const missing = await c.patch(`/api/users/${randomUUID()}`, { roles: ['admin'] });
    expect(missing.body).toEqual(patch.body);
    const roles = await t.ctx.db.query<{ roles: string[] }>('SELECT roles FROM users WHERE id = $1', [
      foreign,
    ]);
    expect(roles.rows[0]?.roles).toEqual(['caseworker']);
  });

  it('lists only the own agency’s users and audit entries', async () => {
    const c = t.client();
    await c.login(DEMO.admin);
    const users = await c.get('/api/users');
    expect(users.body.items.map((u: { email: string }) => u.email).sort()).toEqual(
      [DEMO.admin, DEMO.caseworker, DEMO.caseworker2, DEMO.lead, DEMO.coordinator].sort(),
    );
    const mk = t.client();
    await mk.login(DEMO.caseworkerMk);
    const audit = await c.get(`/api/audit?userId=${await userId(DEMO.caseworkerMk)}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toEqual([]);
  });

  it('row-level security scopes queries without a WHERE clause to the actor’s agency', async () => {
    const jcEn = await userId(DEMO.admin);
    const agency = (
      await t.ctx.db.query<{ agency_id: string }>('SELECT agency_id FROM users WHERE id = $1', [jcEn])
    ).rows[0]?.agency_id as string;
    const actor = { userId: jcEn, agencyId: agency, roles: ['admin'] as const, sessionKey: 'test' };
    const seen = await withActor(t.ctx, { ...actor, roles: ['admin'] }, async ({ tx }) => {
      const users = await tx.query<{ agency_id: string }>('SELECT agency_id FROM users');
      const agencies = await tx.query('SELECT id FROM agencies');
      return { users: users.rows, agencies: agencies.rowCount };
    });
    expect(seen.users.length).toBe(5);
    expect(new Set(seen.users.map((u) => u.agency_id))).toEqual(new Set([agency]));
    expect(seen.agencies).toBe(1);
    const all = await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(all.rows[0]?.n).toBeGreaterThan(5);
  });

  it('does not let the runtime role change or delete audit entries', async () => {
    const id = await userId(DEMO.admin);
    const agency = (
      await t.ctx.db.query<{ agency_id: string }>('SELECT agency_id FROM users WHERE id = $1', [id])
    ).rows[0]?.agency_id as string;
    const actor = { userId: id, agencyId: agency, roles: ['admin' as const], sessionKey: 'test' };
    await expect(
      withActor(t.ctx, actor, ({ tx }) => tx.query(`UPDATE audit_log SET action = 'x'`)),
    ).rejects.toThrow(/permission denied/);
    await expect(withActor(t.ctx, actor, ({ tx }) => tx.query('DELETE FROM audit_log'))).rejects.toThrow(
      /permission denied/,
    );
  });
});
