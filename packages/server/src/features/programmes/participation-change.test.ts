import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reliableChange } from '@lotse/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../platform/context.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/** The system instrument "Teilhabe-Bogen" v1 (migration 003). */
const TEILHABE_BOGEN = '7e11ab0e-0000-4000-8000-000000000001';
const PERIOD = { from: '2026-01-01', to: '2026-12-31' };

let t: TestApp;
let coordinator: TestClient;
let caseworker: TestClient;
let mkCaseworker: TestClient;
const agency: Record<'en' | 'mk', string> = { en: '', mk: '' };
let programmeId = '';
const clientIds: string[] = [];

const agencyId = async (name: string) =>
  (await t.ctx.db.query<{ id: string }>('SELECT id FROM agencies WHERE name = $1', [name])).rows[0]
    ?.id as string;

let seq = 0;
async function newClient(agencyKey: 'en' | 'mk') {
  seq += 1;
  const r = await t.ctx.db.query<{ id: string }>(
    `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, gender, created_at, updated_at)
     VALUES ($1, $2, 'Change', $3, '1975-01-01', 'female', now(), now()) RETURNING id`,
    [agency[agencyKey], `PC-${seq}`, `Teilhabe${seq}`],
  );
  const id = r.rows[0]?.id as string;
  clientIds.push(id);
  return id;
}

/** A completed assessment with stored dimension scores (this file tests the report, not scoring). */
async function assessment(
  agencyKey: 'en' | 'mk',
  clientId: string,
  date: string,
  scores: Record<string, number | null>,
  perspective: 'self' | 'professional' = 'self',
) {
  const dimensionScores = Object.entries(scores).map(([dimension, score]) => ({
    dimension,
    kind: dimension === 'life_satisfaction' ? 'global' : 'area',
    score,
    answered: 3,
    items: 3,
    need: null,
    workOn: null,
  }));
  await t.ctx.db.query(
    `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on, status,
                              scores, created_at, updated_at, completed_at)
     VALUES ($1, $2, $3, 'follow_up', $4, 'together', $5, 'completed', $6, now(), now(), now())`,
    [agency[agencyKey], clientId, TEILHABE_BOGEN, perspective, date, JSON.stringify(dimensionScores)],
  );
}

async function enrol(client: TestClient, clientId: string) {
  const res = await client.post(`/api/programmes/${programmeId}/enrolments`, {
    clientId,
    entryDate: '2026-02-01',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

beforeAll(async () => {
  t = await startTestApp();
  agency.en = await agencyId('Jobcenter EN (Demo)');
  agency.mk = await agencyId('Jobcenter Maerkischer Kreis (Demo)');
  coordinator = t.client();
  await coordinator.login(DEMO.coordinator);
  caseworker = t.client();
  await caseworker.login(DEMO.caseworker);
  mkCaseworker = t.client();
  await mkCaseworker.login(DEMO.caseworkerMk);
  const created = await coordinator.post('/api/programmes', {
    name: 'Teilhabe-Veränderung EN/MK',
    fundingSource: 'state',
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    agencies: [
      { agencyId: agency.en, places: [{ year: 2026, places: 20 }] },
      { agencyId: agency.mk, role: 'participant', places: [{ year: 2026, places: 5 }] },
    ],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  programmeId = created.body.programme.id;

  // EN: ten participants with health from 40 to 70 (five) or 40 to 45 (five); life satisfaction
  // without a score at the second assessment.
  for (let i = 0; i < 10; i++) {
    const id = await newClient('en');
    await enrol(caseworker, id);
    await assessment('en', id, '2026-02-10', { health: 40, life_satisfaction: 50 });
    await assessment('en', id, '2026-03-10', { health: 55, life_satisfaction: 60 });
    await assessment('en', id, '2026-06-10', { health: i < 5 ? 70 : 45, life_satisfaction: null });
  }
  // Not counted: one assessment only; two of different perspectives; the first outside the period;
  // an assessed client who is not enrolled.
  const single = await newClient('en');
  await enrol(caseworker, single);
  await assessment('en', single, '2026-03-01', { health: 10 });
  const mixed = await newClient('en');
  await enrol(caseworker, mixed);
  await assessment('en', mixed, '2026-03-01', { health: 10 }, 'self');
  await assessment('en', mixed, '2026-05-01', { health: 90 }, 'professional');
  const early = await newClient('en');
  await enrol(caseworker, early);
  await assessment('en', early, '2025-11-01', { health: 10 });
  await assessment('en', early, '2026-05-01', { health: 90 });
  const outside = await newClient('en');
  await assessment('en', outside, '2026-03-01', { health: 10 });
  await assessment('en', outside, '2026-05-01', { health: 90 });
  // MK: two participants, a professional view of health worsening by 30.
  for (let i = 0; i < 2; i++) {
    const id = await newClient('mk');
    await enrol(mkCaseworker, id);
    await assessment('mk', id, '2026-03-01', { health: 80 }, 'professional');
    await assessment('mk', id, '2026-09-01', { health: 50 }, 'professional');
  }
});
afterAll(() => t.close());

type Row = {
  perspective: string;
  dimension: string;
  participants: number | string;
  meanChange: number | null;
  improved: { count: number | string; percent: number | null };
  unchanged: { count: number | string; percent: number | null };
  worsened: { count: number | string; percent: number | null };
};

describe('participation change in the funder report', () => {
  it('classifies each change with the domain RCI and shows counts, shares and the mean', async () => {
    // The test data sit clearly on either side of the criterion (health: SD 20, reliability 0.78).
    expect(reliableChange(40, 70, { sd: 20, reliability: 0.78 }).class).toBe('improved');
    expect(reliableChange(40, 45, { sd: 20, reliability: 0.78 }).class).toBe('unchanged');
    expect(reliableChange(80, 50, { sd: 20, reliability: 0.78 }).class).toBe('worsened');

    const res = await coordinator.get(
      `/api/programmes/${programmeId}/report?from=${PERIOD.from}&to=${PERIOD.to}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const change = res.body.participationChange as { criterion: number; rows: Row[] };
    expect(change.criterion).toBe(1.96);
    const health = change.rows.find((r) => r.dimension === 'health' && r.perspective === 'self');
    expect(health).toMatchObject({
      participants: 10,
      meanChange: 17.5,
      improved: { count: 5, percent: 50 },
      unchanged: { count: 5, percent: 50 },
      worsened: { count: 0, percent: 0 },
    });
    // Without a second score there is no change: life satisfaction is not reported.
    expect(change.rows.find((r) => r.dimension === 'life_satisfaction')).toBeUndefined();
  });

  it('[trust #14] suppresses small groups: {suppressed: true}, no mean, no shares', async () => {
    const res = await coordinator.get(
      `/api/programmes/${programmeId}/report?from=${PERIOD.from}&to=${PERIOD.to}`,
    );
    const rows = res.body.participationChange.rows as Row[];
    const mk = rows.find((r) => r.dimension === 'health' && r.perspective === 'professional');
    expect(mk).toEqual(
      expect.objectContaining({
        participants: { suppressed: true },
        meanChange: null,
        worsened: { count: { suppressed: true }, percent: null },
      }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/Teilhabe\d|PC-\d/);
  });

  it('protects a small other-agency group against the own agency’s exact knowledge', async () => {
    // Two MK participants join the self-assessed health group of ten EN participants: the total (12)
    // minus the own ten would reveal MK's two, so the whole group is suppressed.
    for (let i = 0; i < 2; i++) {
      const id = await newClient('mk');
      await enrol(mkCaseworker, id);
      await assessment('mk', id, '2026-03-01', { health: 50 });
      await assessment('mk', id, '2026-09-01', { health: 52 });
    }
    const res = await coordinator.get(
      `/api/programmes/${programmeId}/report?from=${PERIOD.from}&to=${PERIOD.to}`,
    );
    const health = (res.body.participationChange.rows as Row[]).find(
      (r) => r.dimension === 'health' && r.perspective === 'self',
    );
    expect(health?.participants).toEqual({ suppressed: true });
    expect(health?.meanChange).toBeNull();
    expect(health?.improved.percent).toBeNull();
  });

  it('prints the section in the PDF and the XLSX', async () => {
    const cookie = [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const url = (format: string) =>
      `${t.baseUrl}/api/programmes/${programmeId}/report?from=2026-01-01&to=2026-04-30&format=${format}`;
    const pdf = await fetch(url('pdf'), { headers: { cookie } });
    expect(pdf.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'lotse-change-')), 'report.pdf');
    writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Teilhabe-Veränderung');
    expect(text).toContain('Reliable Change Index');
    expect(text).not.toContain('noch nicht enthalten');
    // Until April: EN's ten changed by +15 (health) and +10 (life satisfaction); both unchanged by RCI.
    expect(text).toMatch(/Gesundheit\s+Selbsteinschätzung\s+10\s+\+15\s+0 \(0,0 %\)\s+10 \(100,0 %\)/);
    expect(text).not.toMatch(/Teilhabe\d/);

    const xlsx = await fetch(url('xlsx'), { headers: { cookie } });
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    const sheet = wb.getWorksheet('Teilhabe-Veränderung');
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const health = rows.find((r) => r[1] === 'Gesundheit' && r[2] === 'Selbsteinschätzung');
    expect(health?.slice(3, 9)).toEqual([10, 15, 0, 0, 10, 100]);
    const overview: unknown[] = [];
    wb.getWorksheet('Übersicht')?.eachRow((row) => overview.push(row.getCell(2).value));
    expect(overview.join(' ')).not.toContain('noch nicht enthalten');
  });

  it('keeps assessments of other agencies unreadable; the counting function returns counts only', async () => {
    const coordinatorId = (
      await t.ctx.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [DEMO.coordinator])
    ).rows[0]?.id as string;
    const actor = {
      userId: coordinatorId,
      agencyId: agency.en,
      roles: ['coordinator' as const],
      sessionKey: 'x',
    };
    const seen = await withActor(t.ctx, actor, async ({ tx }) => ({
      assessments: (
        await tx.query<{ agency_id: string }>(
          'SELECT agency_id FROM assessments WHERE client_id = ANY($1::uuid[])',
          [clientIds],
        )
      ).rows,
      changes: (
        await tx.query<Record<string, unknown>>('SELECT * FROM lotse_programme_changes($1, $2, $3)', [
          programmeId,
          PERIOD.from,
          PERIOD.to,
        ])
      ).rows,
    }));
    expect(new Set(seen.assessments.map((a) => a.agency_id))).toEqual(new Set([agency.en]));
    expect(seen.changes.length).toBeGreaterThan(0);
    expect(Object.keys(seen.changes[0] ?? {}).sort()).toEqual(
      ['agency_id', 'difference', 'dimension', 'instrument_key', 'n', 'perspective'].sort(),
    );
    expect(seen.changes.some((c) => c.agency_id === agency.mk)).toBe(true);
    const outsider = { ...actor, agencyId: await agencyId('Begleitforschung (Demo)') };
    const none = await withActor(
      t.ctx,
      outsider,
      async ({ tx }) =>
        (
          await tx.query('SELECT * FROM lotse_programme_changes($1, $2, $3)', [
            programmeId,
            PERIOD.from,
            PERIOD.to,
          ])
        ).rows,
    );
    expect(none).toEqual([]);
  });
});
