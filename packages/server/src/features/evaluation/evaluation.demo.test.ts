import { instrumentDefinition } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

const TEILHABE_BOGEN = '7e11ab0e-0000-4000-8000-000000000001';
const isNumber = (v: unknown) => typeof v === 'number';

let t: TestApp;
let lead: TestClient;
beforeAll(async () => {
  t = await startTestApp({}, { sampleData: true });
  lead = t.client();
  await lead.login(DEMO.lead);
});
afterAll(() => t.close());

/** Cronbach's alpha by the textbook two-pass formula, written independently of the domain code. */
function alphaOf(rows: number[][]): number {
  const k = rows[0]?.length ?? 0;
  const variance = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  };
  const itemVariances = Array.from({ length: k }, (_, i) => variance(rows.map((r) => r[i] as number)));
  const totals = rows.map((r) => r.reduce((a, b) => a + b, 0));
  return (k / (k - 1)) * (1 - itemVariances.reduce((a, b) => a + b, 0) / variance(totals));
}

describe('evaluation on the demo data', () => {
  it('shows figures for every dimension with estimated reference values (n >= 100)', async () => {
    const res = await lead.get('/api/reports/cohort');
    expect(res.status).toBe(200);
    expect(res.body.dimensions.length).toBe(13);
    expect(res.body.dimensions.filter((d: { meanChange: unknown }) => isNumber(d.meanChange)).length).toBe(
      13,
    );
    expect(res.body.reference.source).not.toBe('instrument_default');
    const health = res.body.reference.dimensions.find((d: { key: string }) => d.key === 'health');
    expect(health.source).toBe('estimated');
    expect(health.n).toBeGreaterThanOrEqual(100);
  });

  it("reports Cronbach's alpha equal to an independent computation from the raw answers", async () => {
    const res = await lead.get(`/api/reports/reliability?instrumentVersionId=${TEILHABE_BOGEN}`);
    expect(res.status).toBe(200);
    const def = instrumentDefinition.parse(
      (
        await t.ctx.db.query<{ definition: unknown }>('SELECT definition FROM instruments WHERE id = $1', [
          TEILHABE_BOGEN,
        ])
      ).rows[0]?.definition,
    );
    const dim = def.dimensions.find((d) => d.key === 'finances');
    const items = (dim?.items ?? []).filter(
      (i) => i.type === 'scale' && i.scored && i.role === 'rating' && i.texts.professional && i.scale,
    );
    const answers = await t.ctx.db.query<{ answers: Record<string, number | null> }>(
      `SELECT answers FROM assessments WHERE instrument_id = $1 AND status = 'completed'
          AND occasion = 'intake' AND perspective = 'professional'`,
      [TEILHABE_BOGEN],
    );
    const rows = answers.rows
      .map((r) =>
        items.map((i) => {
          const v = r.answers[i.key];
          if (typeof v !== 'number') return null;
          const values = (i.scale?.options ?? []).map((o) => o.value);
          const share = (v - Math.min(...values)) / (Math.max(...values) - Math.min(...values));
          return i.reverse ? 1 - share : share;
        }),
      )
      .filter((r): r is number[] => r.every((v) => v !== null));
    const reported = res.body.dimensions.find((d: { key: string }) => d.key === 'finances');
    expect(reported.alphaN).toBe(rows.length);
    expect(Math.abs(reported.alpha - alphaOf(rows))).toBeLessThan(1e-9);
    for (const item of reported.items) expect(isNumber(item.itemTotal)).toBe(true);
  });

  it('has outcomes, a funnel and at least one suppressed cell for the dashboards', async () => {
    const outcomes = await lead.get('/api/reports/outcomes');
    expect(outcomes.status).toBe(200);
    expect(isNumber(outcomes.body.closures)).toBe(true);
    expect(outcomes.body.closures).toBeGreaterThan(0);
    const funnel = await lead.get('/api/reports/funnel');
    expect(isNumber(funnel.body.steps[0].count)).toBe(true);
    const hidden = JSON.stringify([outcomes.body, funnel.body]).includes('"suppressed":true');
    expect(hidden).toBe(true);
    expect(
      outcomes.body.disability.filter((g: { clients: unknown }) => isNumber(g.clients)).length,
    ).toBeGreaterThan(1);
  });
});
