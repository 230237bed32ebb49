import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { sampleData: true });
});
afterAll(() => t.close());

describe('demo assessments', () => {
  it('gives every demo client 1-4 assessment dates with scores stored next to the answers', async () => {
    const perClient = await t.ctx.db.query<{ n: number; dates: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT a.assessed_on)::int AS dates
         FROM clients c LEFT JOIN assessments a ON a.client_id = c.id GROUP BY c.id`,
    );
    expect(perClient.rows.length).toBeGreaterThan(10);
    for (const r of perClient.rows) {
      expect(r.dates).toBeGreaterThanOrEqual(1);
      expect(r.dates).toBeLessThanOrEqual(4);
    }
    const empty = await t.ctx.db.query(`SELECT 1 FROM assessments WHERE jsonb_array_length(scores) <> 13`);
    expect(empty.rowCount).toBe(0);
  });

  it('shows plausible change: most clients with several assessments improve, some do not', async () => {
    const change = await t.ctx.db.query<{ delta: number }>(
      `SELECT (array_agg(total_score ORDER BY assessed_on DESC))[1] - (array_agg(total_score ORDER BY assessed_on))[1] AS delta
         FROM assessments WHERE perspective = 'professional' GROUP BY client_id HAVING count(*) > 1`,
    );
    const deltas = change.rows.map((r) => r.delta);
    expect(deltas.length).toBeGreaterThan(5);
    expect(deltas.filter((d) => d > 0).length).toBeGreaterThan(deltas.length / 2);
    expect(deltas.some((d) => d <= 0)).toBe(true);
  });

  it('is readable through the progress API with a reliable change for some client', async () => {
    const guide = t.client();
    await guide.login(DEMO.caseworker);
    const clients = await t.ctx.db.query<{ client_id: string }>(
      `SELECT a.client_id FROM assessments a JOIN users u ON u.agency_id = a.agency_id AND u.email = $1
        GROUP BY a.client_id HAVING count(*) > 2`,
      [DEMO.caseworker],
    );
    let reliable = 0;
    for (const { client_id } of clients.rows.slice(0, 10)) {
      const res = await guide.get(`/api/clients/${client_id}/progress`);
      expect(res.status).toBe(200);
      reliable += JSON.stringify(res.body).match(/"class":"(improved|worsened)"/g)?.length ?? 0;
    }
    expect(reliable).toBeGreaterThan(0);
  });
});
