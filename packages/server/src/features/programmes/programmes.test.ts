import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../platform/context.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
const agency: Record<'en' | 'mk' | 'drv', string> = { en: '', mk: '', drv: '' };
let coordinator: TestClient;
let caseworker: TestClient;
let lead: TestClient;
let mkCaseworker: TestClient;
let programmeId = '';

const agencyId = async (name: string) =>
  (await t.ctx.db.query<{ id: string }>('SELECT id FROM agencies WHERE name = $1', [name])).rows[0]
    ?.id as string;

let clientSeq = 0;
/** Clients are inserted directly: this file tests programmes, not client records. */
async function newClient(agencyKey: 'en' | 'mk', gender = 'female', birthDate = '1980-05-01') {
  clientSeq += 1;
  const r = await t.ctx.db.query<{ id: string }>(
    `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, gender, created_at, updated_at)
     VALUES ($1, $2, 'Test', $3, $4, $5, now(), now()) RETURNING id`,
    [agency[agencyKey], `T-${clientSeq}`, `Person${clientSeq}`, birthDate, gender],
  );
  return r.rows[0]?.id as string;
}

const count = async (sql: string, params: unknown[] = []) =>
  (await t.ctx.db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;

beforeAll(async () => {
  t = await startTestApp();
  agency.en = await agencyId('Jobcenter EN (Demo)');
  agency.mk = await agencyId('Jobcenter Maerkischer Kreis (Demo)');
  agency.drv = await agencyId('DRV Westfalen (Demo)');
  coordinator = t.client();
  await coordinator.login(DEMO.coordinator);
  caseworker = t.client();
  await caseworker.login(DEMO.caseworker);
  lead = t.client();
  await lead.login(DEMO.lead);
  mkCaseworker = t.client();
  await mkCaseworker.login(DEMO.caseworkerMk);
});
afterAll(() => t.close());

describe('programmes', () => {
  it('creates a multi-agency programme with places per agency and year (201)', async () => {
    const res = await coordinator.post('/api/programmes', {
      name: 'Soziale Teilhabe am Arbeitsmarkt EN/MK',
      fundingSource: 'sgb2_16i',
      legalBasis: '§ 16i SGB II',
      funder: 'Land NRW',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      agencies: [
        { agencyId: agency.en, places: [{ year: 2026, places: 2 }] },
        { agencyId: agency.mk, role: 'participant', places: [{ year: 2026, places: 3 }] },
        { agencyId: agency.drv, role: 'partner' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    programmeId = res.body.programme.id;
    expect(res.body.programme.myRole).toBe('owner');
    expect(res.body.programme.agencies.map((a: { role: string }) => a.role)).toEqual([
      'owner',
      'partner',
      'participant',
    ]);
    const mk = res.body.programme.agencies.find((a: { agency: { id: string } }) => a.agency.id === agency.mk);
    expect(mk.places).toEqual([{ year: 2026, places: 3 }]);
  });

  it('lists the programme for every agency that takes part, with its own role', async () => {
    const own = await coordinator.get('/api/programmes');
    expect(own.status).toBe(200);
    expect(own.body.items.map((p: { id: string }) => p.id)).toContain(programmeId);
    const mk = await mkCaseworker.get(`/api/programmes/${programmeId}`);
    expect(mk.status).toBe(200);
    expect(mk.body.programme.myRole).toBe('participant');
  });

  it('answers 404 to an agency that does not take part, like a missing programme', async () => {
    const other = await coordinator.post('/api/programmes', {
      name: 'Nur EN',
      fundingSource: 'esf',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
    });
    expect(other.status).toBe(201);
    const res = await mkCaseworker.get(`/api/programmes/${other.body.programme.id}`);
    expect(res.status).toBe(404);
    const list = await mkCaseworker.get('/api/programmes');
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(other.body.programme.id);
  });

  it('refuses bad programme input with 400 and writes nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM programmes');
    for (const body of [
      { name: 'x', fundingSource: 'lottery', startsOn: '2026-01-01', endsOn: '2026-12-31' },
      { name: 'x', fundingSource: 'esf', startsOn: '2026-12-01', endsOn: '2026-01-01' },
      {
        name: 'x',
        fundingSource: 'esf',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        agencies: [{ agencyId: '00000000-0000-4000-8000-000000000000' }],
      },
      { name: '', fundingSource: 'esf', startsOn: '2026-01-01', endsOn: '2026-12-31' },
    ]) {
      const res = await coordinator.post('/api/programmes', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect(await count('SELECT count(*)::int AS n FROM programmes')).toBe(before);
  });

  it('lets only the owner and partners change a programme', async () => {
    const res = await coordinator.patch(`/api/programmes/${programmeId}`, {
      description: 'Coaching und Anleitung',
    });
    expect(res.status).toBe(200);
    expect(res.body.programme.description).toBe('Coaching und Anleitung');
    expect((await caseworker.patch(`/api/programmes/${programmeId}`, { description: 'x' })).status).toBe(403);
  });
});

describe('enrolments and places', () => {
  const enrolled: string[] = [];
  let waitingId = '';

  it('enrols clients into free places and refuses over-booking with 409', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
        clientId: await newClient('en'),
        entryDate: '2026-02-01',
        employer: 'Stadtwerke Witten',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.enrolment.status).toBe('active');
      enrolled.push(res.body.enrolment.id);
    }
    const before = await count('SELECT count(*)::int AS n FROM enrolments');
    const full = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId: await newClient('en'),
      entryDate: '2026-02-15',
    });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('conflict');
    expect(await count('SELECT count(*)::int AS n FROM enrolments')).toBe(before);
  });

  it('puts a client on the waiting list when no place is free', async () => {
    const res = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId: await newClient('en'),
      waitingList: true,
    });
    expect(res.status).toBe(201);
    expect(res.body.enrolment.status).toBe('waiting');
    waitingId = res.body.enrolment.id;
    const admit = await caseworker.post(`/api/enrolments/${waitingId}/admit`, { entryDate: '2026-03-01' });
    expect(admit.status).toBe(409);
  });

  it('over-books only with a reason from a lead or coordinator, and audits it without the reason', async () => {
    const clientId = await newClient('en');
    const byCaseworker = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId,
      entryDate: '2026-02-15',
      overbookingReason: 'Dringender Fall, Platz wird im März frei',
    });
    expect(byCaseworker.status).toBe(403);
    const byLead = await lead.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId,
      entryDate: '2026-02-15',
      overbookingReason: 'Dringender Fall, Platz wird im März frei',
    });
    expect(byLead.status, JSON.stringify(byLead.body)).toBe(201);
    expect(byLead.body.enrolment.overBooked).toBe(true);
    const audit = await t.ctx.db.query<{ client_id: string; details: Record<string, unknown> }>(
      `SELECT client_id, details FROM audit_log WHERE action = 'enrolments.overbook'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.client_id).toBe(clientId);
    expect(JSON.stringify(audit.rows[0]?.details)).not.toContain('Dringender');
    enrolled.push(byLead.body.enrolment.id);
  });

  it('frees places on exit so a waiting client can be admitted', async () => {
    for (const id of enrolled.slice(0, 2)) {
      const res = await caseworker.post(`/api/enrolments/${id}/exit`, {
        date: '2026-02-28',
        reason: 'employment',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.enrolment.status).toBe('exited');
    }
    const admit = await caseworker.post(`/api/enrolments/${waitingId}/admit`, { entryDate: '2026-03-01' });
    expect(admit.status, JSON.stringify(admit.body)).toBe(200);
    expect(admit.body.enrolment.status).toBe('active');
    expect(admit.body.enrolment.overBooked).toBe(false);
  });

  it('refuses bad exits with 400 or 409 and changes nothing', async () => {
    const id = enrolled[0] as string;
    expect(
      (await caseworker.post(`/api/enrolments/${id}/exit`, { date: '2026-03-01', reason: 'employment' }))
        .status,
    ).toBe(409);
    const active = enrolled[2] as string;
    const early = await caseworker.post(`/api/enrolments/${active}/exit`, {
      date: '2026-03-01',
      reason: 'early_end',
    });
    expect(early.status).toBe(400);
    const before = await caseworker.post(`/api/enrolments/${active}/exit`, {
      date: '2026-01-01',
      reason: 'regular_end',
    });
    expect(before.status).toBe(400);
    expect(
      (await caseworker.post(`/api/enrolments/${active}/exit`, { date: '2026-03-01', reason: 'won_lottery' }))
        .status,
    ).toBe(400);
    expect(
      await count(`SELECT count(*)::int AS n FROM enrolments WHERE id = $1 AND status = 'active'`, [active]),
    ).toBe(1);
  });

  it('refuses an entry outside the programme period and a second open enrolment', async () => {
    const clientId = await newClient('en');
    const outside = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId,
      entryDate: '2030-01-01',
    });
    expect(outside.status).toBe(400);
    const waiting = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId,
      waitingList: true,
    });
    expect(waiting.status).toBe(201);
    const again = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId,
      waitingList: true,
    });
    expect(again.status).toBe(409);
  });

  it('lists the own agency’s enrolments and audits each client shown', async () => {
    const res = await coordinator.get(`/api/programmes/${programmeId}/enrolments`);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(4);
    const audited = await count(
      `SELECT count(DISTINCT client_id)::int AS n FROM audit_log WHERE action = 'enrolments.read'`,
    );
    expect(audited).toBe(res.body.items.length);
  });
});

describe('money', () => {
  it('books 0.10 + 0.20 and sums to exactly 0.30', async () => {
    for (const amount of ['0.10', '0.20']) {
      const res = await coordinator.post(`/api/programmes/${programmeId}/expenditures`, {
        fundingLine: 'coaching',
        amount,
        date: '2026-02-10',
        reference: `BELEG-${amount}`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.expenditure.amount).toBe(amount);
    }
    const b = await coordinator.get(`/api/programmes/${programmeId}/budgets?year=2026`);
    expect(b.status).toBe(200);
    const coaching = b.body.total.lines.find((l: { fundingLine: string }) => l.fundingLine === 'coaching');
    expect(coaching.spent).toBe('0.30');
  });

  it.each([
    ['a number', 12.5],
    ['text', 'abc'],
    ['three decimals', '1.234'],
    ['a negative amount', '-1.00'],
    ['zero', '0.00'],
    ['a comma', '1,50'],
  ])('refuses %s as amount with 400 and books nothing', async (_, amount) => {
    const before = await count('SELECT count(*)::int AS n FROM expenditures');
    const res = await coordinator.post(`/api/programmes/${programmeId}/expenditures`, {
      fundingLine: 'coaching',
      amount,
      date: '2026-02-10',
      reference: 'X-1',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(await count('SELECT count(*)::int AS n FROM expenditures')).toBe(before);
  });

  it('refuses an unknown funding line, a missing reference and a date outside the programme', async () => {
    for (const body of [
      { fundingLine: 'lottery', amount: '1.00', date: '2026-02-10', reference: 'X' },
      { fundingLine: 'coaching', amount: '1.00', date: '2026-02-10' },
      { fundingLine: 'coaching', amount: '1.00', date: '2031-02-10', reference: 'X' },
    ]) {
      expect((await coordinator.post(`/api/programmes/${programmeId}/expenditures`, body)).status).toBe(400);
    }
  });

  it('shows budget, remaining and a burn-rate warning when spending runs ahead of plan', async () => {
    const set = await coordinator.post(`/api/programmes/${programmeId}/budgets`, {
      year: 2026,
      fundingLine: 'guidance',
      amount: '1000.00',
    });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    // The test clock stands at 2026-03-02: about 17 % of the year has passed; 600 EUR is 60 %.
    await coordinator.post(`/api/programmes/${programmeId}/expenditures`, {
      fundingLine: 'guidance',
      amount: '600.00',
      date: '2026-02-20',
      reference: 'ANL-1',
    });
    const b = await coordinator.get(`/api/programmes/${programmeId}/budgets?year=2026`);
    const guidance = b.body.agencies
      .find((a: { agency: { id: string } }) => a.agency.id === agency.en)
      .lines.find((l: { fundingLine: string }) => l.fundingLine === 'guidance');
    expect(guidance).toMatchObject({
      budget: '1000.00',
      spent: '600.00',
      remaining: '400.00',
      warning: 'ahead_of_plan',
    });
    expect(
      (
        await coordinator.post(`/api/programmes/${programmeId}/budgets`, {
          year: 2026,
          fundingLine: 'guidance',
          amount: 5,
        })
      ).status,
    ).toBe(400);
  });
});

describe('across agencies: aggregates without identities', () => {
  const mkClients: string[] = [];
  const mkEnrolments: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const clientId = await newClient('mk', i === 0 ? 'male' : 'female');
      mkClients.push(clientId);
      const res = await mkCaseworker.post(`/api/programmes/${programmeId}/enrolments`, {
        clientId,
        entryDate: '2026-02-01',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      mkEnrolments.push(res.body.enrolment.id);
    }
  });

  it('gives the owning agency’s coordinator 404 on any client of another agency', async () => {
    const client = mkClients[0] as string;
    const foreign = await coordinator.get(`/api/clients/${client}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    // The same coordinator reads a client of the own agency: the 404 is about the agency, not the role.
    expect((await coordinator.get(`/api/clients/${await newClient('en')}`)).status).toBe(200);
    const enrol = await coordinator.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId: client,
      entryDate: '2026-03-01',
    });
    expect(enrol.status).toBe(404);
    const exit = await coordinator.post(`/api/enrolments/${mkEnrolments[0]}/exit`, {
      date: '2026-03-01',
      reason: 'regular_end',
    });
    expect(exit.status).toBe(404);
    const list = await coordinator.get(`/api/programmes/${programmeId}/enrolments`);
    expect(JSON.stringify(list.body)).not.toContain(client);
  });

  it('shows the owner other agencies’ occupancy suppressed and its own exactly', async () => {
    const res = await coordinator.get(`/api/programmes/${programmeId}/occupancy?year=2026`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const feb = (id: string) =>
      res.body.agencies
        .find((a: { agency: { id: string } }) => a.agency.id === id)
        .months.find((m: { month: string }) => m.month === '2026-02');
    expect(feb(agency.mk)).toMatchObject({
      places: 3,
      occupied: { suppressed: true },
      entries: { suppressed: true },
    });
    expect(feb(agency.en).occupied).toBe(3);
    expect(JSON.stringify(res.body)).not.toContain(mkClients[0]);
  });

  it('gives a participating agency only its own figures', async () => {
    const leadMk = await mkCaseworker.get(`/api/programmes/${programmeId}/occupancy?year=2026`);
    expect(leadMk.status).toBe(403);
  });

  it('keeps enrolments with the enrolling agency even without a WHERE clause (row-level security)', async () => {
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
      enrolments: (await tx.query<{ agency_id: string }>('SELECT agency_id FROM enrolments')).rows,
      clients: (
        await tx.query<{ id: string }>('SELECT id FROM clients WHERE id = ANY($1::uuid[])', [mkClients])
      ).rows,
      counts: (
        await tx.query('SELECT * FROM lotse_programme_counts($1, $2, $3)', [
          programmeId,
          '2026-01-01',
          '2026-12-31',
        ])
      ).rows,
    }));
    expect(new Set(seen.enrolments.map((e) => e.agency_id))).toEqual(new Set([agency.en]));
    expect(seen.clients).toEqual([]);
    expect(seen.counts.length).toBeGreaterThan(0);
    const outsider = { ...actor, agencyId: await agencyId('Begleitforschung (Demo)') };
    const none = await withActor(
      t.ctx,
      outsider,
      async ({ tx }) =>
        (
          await tx.query('SELECT * FROM lotse_programme_counts($1, $2, $3)', [
            programmeId,
            '2026-01-01',
            '2026-12-31',
          ])
        ).rows,
    );
    expect(none).toEqual([]);
  });
});

describe('funder report', () => {
  const query = 'from=2026-01-01&to=2026-12-31';

  it('[trust #14] answers JSON with hidden cells as {suppressed: true} (no value, no "<5"), exact money, no identities', async () => {
    const res = await coordinator.get(`/api/programmes/${programmeId}/report?${query}&format=json`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body;
    expect(r.suppression).toEqual({ threshold: 5, marker: '*' });
    const mk = r.participants.byAgency.find((a: { agency: string }) =>
      a.agency.startsWith('Jobcenter Maerkischer'),
    );
    expect(mk.participants).toEqual({ suppressed: true });
    expect(r.participants.byGender.male).toEqual({ suppressed: true });
    // A hidden cell is labelled nothing that states its size: secondary suppression hides large cells too.
    expect(JSON.stringify(r)).not.toMatch(/"<\s*\d/);
    expect(r.spending.lines.find((l: { fundingLine: string }) => l.fundingLine === 'coaching').spent).toBe(
      '0.30',
    );
    expect(JSON.stringify(r)).not.toMatch(/Person\d|T-\d/);
  });

  it('[trust #14] renders a PDF whose text shows the neutral symbol and its legend, never "<5" (pdftotext)', async () => {
    const res = await fetch(`${t.baseUrl}/api/programmes/${programmeId}/report?${query}&format=pdf`, {
      headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'lotse-report-'));
    const file = join(dir, 'report.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Bericht an den Fördergeber');
    expect(text).toContain('Soziale Teilhabe am Arbeitsmarkt EN/MK');
    expect(text).toContain('* = anonymisiert');
    expect(text).not.toMatch(/<\s*5/);
    expect(text).toMatch(/ \*$/m);
    expect(text).toContain('0,30');
    expect(text).not.toMatch(/Person\d/);
  });

  it('[trust #14] renders an XLSX that reads back with the neutral symbol and its legend', async () => {
    const res = await fetch(`${t.baseUrl}/api/programmes/${programmeId}/report?${query}&format=xlsx`, {
      headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.getWorksheet('Teilnehmende');
    expect(sheet).toBeDefined();
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const mk = rows.find((r) => String(r[0]).startsWith('Jobcenter Maerkischer'));
    expect(mk?.[1]).toBe('*');
    const legend: unknown[] = [];
    wb.getWorksheet('Übersicht')?.eachRow((row) => legend.push(row.getCell(2).value));
    expect(legend.some((v) => String(v).startsWith('* = anonymisiert'))).toBe(true);
    const money = wb.getWorksheet('Ausgaben');
    const coaching: unknown[] = [];
    money?.eachRow((row) => {
      if (row.getCell(1).value === 'Coaching') coaching.push(row.getCell(3).value);
    });
    expect(coaching).toEqual([0.3]);
  });

  it('defaults to the last complete month, quarter or year (agency day) and counts nothing in the future', async () => {
    // The test clock stands at 2026-03-02.
    const month = await coordinator.get(`/api/programmes/${programmeId}/report`);
    expect(month.status, JSON.stringify(month.body)).toBe(200);
    expect(month.body.period).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(month.body.timeZone).toBe('Europe/Berlin');
    expect(
      (await coordinator.get(`/api/programmes/${programmeId}/report?period=quarter`)).body.period,
    ).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect((await coordinator.get(`/api/programmes/${programmeId}/report?period=year`)).body.period).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect((await coordinator.get(`/api/programmes/${programmeId}/report?from=2026-01-01`)).status).toBe(400);

    // A period reaching into the future: months to come are marked and hold no occupied places, and
    // the average occupancy is taken over the months so far only.
    const r = (await coordinator.get(`/api/programmes/${programmeId}/report?${query}`)).body;
    const byMonth = new Map(r.places.months.map((m: { month: string }) => [m.month, m] as const)) as Map<
      string,
      { occupied: unknown; future?: boolean; places: number }
    >;
    expect(byMonth.get('2026-03')?.future).toBeUndefined();
    for (const m of ['2026-04', '2026-07', '2026-12']) {
      expect(byMonth.get(m)?.future).toBe(true);
      expect(byMonth.get(m)?.occupied).toBe(0);
    }
    const feb = (await coordinator.get(`/api/programmes/${programmeId}/report?from=2026-01-01&to=2026-03-31`))
      .body;
    expect(r.places.averageOccupancyPercent).toBe(feb.places.averageOccupancyPercent);
    // The programme page's occupancy: nothing occupied after today either.
    const occ = (await coordinator.get(`/api/programmes/${programmeId}/occupancy?year=2026`)).body;
    const later = JSON.stringify(occ).match(/"month":"2026-(0[4-9]|1[0-2])","occupied":(\d+)/g) ?? [];
    for (const hit of later) expect(hit).toMatch(/"occupied":0$/);
  });

  it('writes German date cells and a readable time stamp in the agency time zone into the XLSX', async () => {
    const res = await fetch(`${t.baseUrl}/api/programmes/${programmeId}/report?${query}&format=xlsx`, {
      headers: { cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const overview = wb.getWorksheet('Übersicht');
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      overview?.eachRow((row) => {
        if (row.getCell(1).value === label) found = row;
      });
      return found as ExcelJS.Row;
    };
    const generated = rowOf('Erstellt am').getCell(2);
    expect(generated.value).toBeInstanceOf(Date);
    // 08:00Z on 2 March is 09:00 in Berlin; the cell shows the Berlin wall-clock time.
    expect((generated.value as Date).toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(generated.numFmt).toBe('DD.MM.YYYY HH:MM');
    const period = rowOf('Berichtszeitraum');
    expect((period.getCell(2).value as Date).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect((period.getCell(3).value as Date).toISOString()).toBe('2026-12-31T00:00:00.000Z');
    expect(period.getCell(2).numFmt).toBe('DD.MM.YYYY');
    const texts: string[] = [];
    overview?.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string') texts.push(c.value);
      }),
    );
    expect(texts.filter((v) => /\d{4}-\d{2}-\d{2}/.test(v))).toEqual([]);
    const months = wb.getWorksheet('Auslastung');
    expect(months?.getCell(2, 1).value).toBeInstanceOf(Date);
    expect(months?.getCell(2, 1).numFmt).toBe('MM.YYYY');
    const values: unknown[] = [];
    months?.eachRow((row) => values.push(row.getCell(3).value));
    expect(values).toContain('noch nicht begonnen');
  });

  it('refuses a bad period or format with 400', async () => {
    for (const q of [
      'from=2026-12-31&to=2026-01-01',
      'from=2026-01-01&to=2026-12-31&format=docx',
      'from=abc&to=2026-12-31',
    ]) {
      expect((await coordinator.get(`/api/programmes/${programmeId}/report?${q}`)).status).toBe(400);
    }
  });

  it('honours a higher suppression threshold from the environment', async () => {
    const strict = await startTestApp({ LOTSE_SUPPRESSION_THRESHOLD: '10' });
    try {
      const c = strict.client();
      await c.login(DEMO.coordinator);
      const created = await c.post('/api/programmes', {
        name: 'Streng',
        fundingSource: 'state',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
      });
      const r = await c.get(`/api/programmes/${created.body.programme.id}/report?${query}`);
      expect(r.body.suppression).toEqual({ threshold: 10, marker: '*' });
    } finally {
      await strict.close();
    }
  });
});
