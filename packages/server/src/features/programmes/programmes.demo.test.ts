import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let coordinator: TestClient;
beforeAll(async () => {
  t = await startTestApp({}, { sampleData: true });
  coordinator = t.client();
  await coordinator.login(DEMO.coordinator);
});
afterAll(() => t.close());

const download = async (path: string) => {
  const res = await fetch(t.baseUrl + path, {
    headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(res.status).toBe(200);
  return await res.arrayBuffer();
};

describe('demo programmes', () => {
  it('has the three programme types with places, enrolments, exits and bookings', async () => {
    const res = await coordinator.get('/api/programmes');
    expect(res.status).toBe(200);
    const kinds = res.body.items.map((p: { fundingSource: string }) => p.fundingSource).sort();
    expect(kinds).toEqual(['esf', 'rehapro', 'sgb2_16i']);
    const rehapro = res.body.items.find((p: { fundingSource: string }) => p.fundingSource === 'rehapro');
    expect(rehapro.agencies.map((a: { role: string }) => a.role)).toEqual(['owner', 'partner']);
    const counts = await t.ctx.db.query<{ status: string; n: number; over: number }>(
      `SELECT status, count(*)::int AS n, count(*) FILTER (WHERE over_booked)::int AS over FROM enrolments GROUP BY status`,
    );
    const by = Object.fromEntries(counts.rows.map((r) => [r.status, r.n]));
    expect(by.active).toBeGreaterThan(20);
    expect(by.exited).toBeGreaterThan(20);
    expect(by.waiting).toBeGreaterThan(0);
    // No agency holds more active places than it is funded for.
    const over = await t.ctx.db.query(
      `SELECT e.programme_id, e.agency_id FROM enrolments e
        WHERE e.status = 'active'
        GROUP BY 1, 2
       HAVING count(*) > coalesce((SELECT max(places) FROM programme_places p
                                    WHERE p.programme_id = e.programme_id AND p.agency_id = e.agency_id), 0)`,
    );
    expect(over.rows).toEqual([]);
    const esf = await t.ctx.db.query<{ total: string }>(
      `SELECT sum(b.amount)::text AS total FROM budgets b JOIN programmes p ON p.id = b.programme_id WHERE p.funding_source = 'esf'`,
    );
    expect(esf.rows[0]?.total).toBe('380000.00');
  });

  it('renders the funder report of every demo programme as JSON, PDF and XLSX', async () => {
    const list = await coordinator.get('/api/programmes');
    const year = t.clock.now().getUTCFullYear();
    for (const p of list.body.items as { id: string; name: string }[]) {
      const q = `from=${year}-01-01&to=${year}-12-31`;
      const json = await coordinator.get(`/api/programmes/${p.id}/report?${q}`);
      expect(json.status, JSON.stringify(json.body)).toBe(200);
      const pdf = await download(`/api/programmes/${p.id}/report?${q}&format=pdf`);
      const file = join(mkdtempSync(join(tmpdir(), 'lotse-demo-report-')), 'r.pdf');
      writeFileSync(file, Buffer.from(pdf));
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text).toContain(p.name.split(' (')[0]);
      expect(text).toContain('Ausgaben nach Förderlinie');
      expect(text).toContain('Teilhabe-Veränderung');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await download(`/api/programmes/${p.id}/report?${q}&format=xlsx`));
      expect(wb.worksheets.map((w) => w.name)).toEqual([
        'Übersicht',
        'Teilnehmende',
        'Merkmale',
        'Plätze',
        'Auslastung',
        'Verbleib',
        'Ausgaben',
        'Teilhabe-Veränderung',
      ]);
      expect(wb.getWorksheet('Übersicht')?.getCell('B1').value).toBe(p.name);
    }
  });
});
