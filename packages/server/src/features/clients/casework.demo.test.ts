import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { sampleData: true });
});
afterAll(() => t.close());

describe('demo case work', () => {
  it('gives each demo Jobcenter about 300 clients with cases, goals, contacts and outcomes', async () => {
    const perAgency = await t.ctx.db.query<{
      name: string;
      clients: number;
      closed: number;
      outcomes: number;
    }>(
      `SELECT a.name, count(DISTINCT c.id)::int AS clients,
              count(DISTINCT k.id) FILTER (WHERE k.status = 'closed')::int AS closed,
              count(DISTINCT k.outcome)::int AS outcomes
         FROM agencies a JOIN clients c ON c.agency_id = a.id JOIN cases k ON k.client_id = c.id
        GROUP BY a.name ORDER BY a.name`,
    );
    expect(perAgency.rows.map((r) => r.name)).toEqual([
      'Jobcenter EN (Demo)',
      'Jobcenter Maerkischer Kreis (Demo)',
    ]);
    for (const row of perAgency.rows) {
      expect(row.clients).toBe(300);
      expect(row.closed).toBeGreaterThan(30);
      expect(row.outcomes).toBeGreaterThanOrEqual(6);
    }
    const counts = await t.ctx.db.query<{ goals: number; contacts: number; shares: number }>(
      `SELECT (SELECT count(*)::int FROM goals) AS goals, (SELECT count(*)::int FROM contacts) AS contacts,
              (SELECT count(*)::int FROM case_shares WHERE ended_at IS NULL) AS shares`,
    );
    expect(counts.rows[0]?.goals).toBeGreaterThan(600);
    expect(counts.rows[0]?.contacts).toBeGreaterThan(3000);
    expect(counts.rows[0]?.shares).toBeGreaterThan(5);
  });

  it('splits the clients between both guides, shows reminders and lets the pension insurance see shared cases', async () => {
    const jonas = t.client();
    await jonas.login(DEMO.caseworker);
    const aylin = t.client();
    await aylin.login(DEMO.caseworker2);
    const mine = (await jonas.get('/api/clients?scope=mine&pageSize=1')).body.total;
    const hers = (await aylin.get('/api/clients?scope=mine&pageSize=1')).body.total;
    expect(mine).toBeGreaterThan(80);
    expect(hers).toBeGreaterThan(80);
    const caseload = await jonas.get('/api/caseload');
    expect(caseload.body.withoutContact.length).toBeGreaterThan(0);
    const drv = t.client();
    await drv.login(DEMO.caseworkerDrv);
    const shared = await drv.get('/api/clients');
    expect(shared.body.total).toBeGreaterThan(5);
    expect(shared.body.items.every((i: { shared: boolean }) => i.shared)).toBe(true);
    const one = await drv.get(`/api/clients/${shared.body.items[0].id}/contacts`);
    expect(one.status).toBe(200);
  });
});
