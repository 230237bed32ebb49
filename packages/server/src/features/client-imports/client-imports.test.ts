import { request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSpreadsheetWorker } from '../../platform/spreadsheet/spreadsheet.ts';
import { largeClientXlsx, xlsxBomb } from '../../testing/spreadsheets.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestApp;
let cw: TestClient;

beforeAll(async () => {
  // XLSX is parsed in a worker thread; start it while the database is prepared.
  prepareSpreadsheetWorker();
  t = await startTestApp();
  cw = t.client();
  await cw.login(DEMO.caseworker);
});
afterAll(() => t.close());

async function upload(path: string, body: string | Uint8Array, type: string) {
  const res = await fetch(t.baseUrl + path, {
    method: 'POST',
    headers: {
      'content-type': type,
      accept: 'application/json',
      cookie: [...cw.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
  return { status: res.status, body: await res.json() };
}

const clientCount = async () =>
  (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM clients')).rows[0]?.n ?? 0;

const CSV = [
  'Kundennummer;Vorname;Nachname;Geburtsdatum;Geschlecht;Wohnort;Rechtskreis',
  'A-1;Olga;Petrenko;03.02.1971;w;Witten;SGB II',
  'A-2;Hans;Kemper;1959-11-30;m;Hattingen;SGB XII',
  'A-3;;Ohnevorname;1980-01-01;w;Witten;SGB II',
  'A-4;Zukunft;Kind;2090-01-01;w;Witten;SGB II',
  'A-5;Olga;PETRENKO;1971-02-03;w;Witten;SGB II',
  'A-1;Karl;Doppelnummer;1966-06-06;m;Witten;SGB II',
  'A-7;Lena;Sauerland;12.12.1985;x;Gevelsberg;SGB VII',
].join('\r\n');

describe('client import', () => {
  it('previews headers, a suggested mapping and the first rows with their problems, writing nothing', async () => {
    const before = await clientCount();
    const res = await upload('/api/client-imports/preview', CSV, 'text/csv');
    expect(res.status).toBe(200);
    expect(res.body.headers).toEqual([
      'Kundennummer',
      'Vorname',
      'Nachname',
      'Geburtsdatum',
      'Geschlecht',
      'Wohnort',
      'Rechtskreis',
    ]);
    expect(res.body.mapping).toMatchObject({
      clientNumber: 'Kundennummer',
      firstName: 'Vorname',
      lastName: 'Nachname',
      birthDate: 'Geburtsdatum',
      district: 'Wohnort',
    });
    expect(res.body.rows[0].problems).toEqual([]);
    expect(res.body.rows[2].problems[0].path).toBe('firstName');
    expect(await clientCount()).toBe(before);
  });

  it('imports valid rows with an open case, reports row errors and skips duplicates', async () => {
    const res = await upload('/api/client-imports', CSV, 'text/csv');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 7, imported: 2, duplicateCount: 1, errorCount: 4 });
    expect(res.body.duplicates[0]).toMatchObject({ row: 6, lastName: 'PETRENKO', inFile: true });
    const errorRows = res.body.errors.map((e: { row: number; path: string }) => `${e.row}:${e.path}`);
    expect(errorRows).toEqual(
      expect.arrayContaining(['4:firstName', '5:birthDate', '7:clientNumber', '8:legalContext']),
    );
    const olga = await cw.get('/api/clients?query=Petrenko');
    expect(olga.body.total).toBe(1);
    const detail = await cw.get(`/api/clients/${olga.body.items[0].id}`);
    expect(detail.body).toMatchObject({
      clientNumber: 'A-1',
      birthDate: '1971-02-03',
      gender: 'female',
      legalContext: 'sgb2',
    });
    expect(detail.body.cases[0]).toMatchObject({ status: 'open', guide: { displayName: 'Jonas Lotse' } });
    const audit = await t.ctx.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'clients.import'`,
    );
    expect(audit.rows[0]?.details).toMatchObject({ total: 7, imported: 2, duplicates: 1, errors: 4 });
    // Importing the same file again finds every valid row as an existing duplicate.
    const again = await upload('/api/client-imports', CSV, 'text/csv');
    expect(again.body).toMatchObject({ imported: 0, duplicateCount: 3 });
  });

  it('imports an XLSX sheet with a given column mapping and real date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Liste');
    sheet.addRow(['Name, Vorname', 'Familienname', 'Geb.', 'Ort']);
    sheet.addRow(['Aleksandra', 'Wiśniewska', new Date(Date.UTC(1977, 4, 9)), 'Schwelm']);
    sheet.addRow(['Bernd', 'Lüttgenau', '09.10.1962', 'Ennepetal']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const mapping = encodeURIComponent(
      JSON.stringify({
        firstName: 'Name, Vorname',
        lastName: 'Familienname',
        birthDate: 'Geb.',
        district: 'Ort',
      }),
    );
    const res = await upload(`/api/client-imports?mapping=${mapping}`, file, XLSX);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ total: 2, imported: 2, errorCount: 0 });
    const found = await cw.get('/api/clients?query=Wisniewska');
    expect(found.body.items[0]).toMatchObject({ birthDate: '1977-05-09', district: 'Schwelm' });
  });

  it('refuses a file without the required columns, JSON bodies and coordinators, importing nothing', async () => {
    const before = await clientCount();
    const res = await upload('/api/client-imports', 'Spalte A;Spalte B\r\n1;2', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('mapping.birthDate');
    expect((await cw.post('/api/client-imports', { rows: [] })).status).toBe(415);
    const badMapping = await upload(
      '/api/client-imports?mapping=%7B%22shoeSize%22%3A%22X%22%7D',
      CSV,
      'text/csv',
    );
    expect(badMapping.status).toBe(400);
    const coordinator = t.client();
    await coordinator.login(DEMO.coordinator);
    const refused = await fetch(`${t.baseUrl}/api/client-imports`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        cookie: [...coordinator.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: CSV,
    });
    expect(refused.status).toBe(403);
    expect(await clientCount()).toBe(before);
  });
});

/**
 * An upload over a new connection: the large uploads below start after building their files, which
 * can take long enough on a busy machine for a pooled keep-alive connection to be closed meanwhile.
 */
function uploadFresh(path: string, body: Buffer, type: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      t.baseUrl + path,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': type,
          'content-length': body.length,
          accept: 'application/json',
          cookie: [...cw.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('client import limits', () => {
  // Generous: building a 300,000-row file and parsing 100,000 rows takes long on a busy machine.
  const generous = { timeout: 10 * 60_000 };

  it(
    '[trust #7] refuses a 300,000-row XLSX and an XLSX bomb with 413 while /api/health keeps answering',
    generous,
    async () => {
      const before = await clientCount();
      const large = largeClientXlsx(300_000);
      const bomb = xlsxBomb(1000);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      const waits: number[] = [];
      let importing = true;
      const probe = (async () => {
        while (importing) {
          const started = performance.now();
          const res = await fetch(`${t.baseUrl}/api/health`);
          await res.arrayBuffer();
          waits.push(performance.now() - started);
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      loop.enable();
      const started = performance.now();
      const refused = await uploadFresh('/api/client-imports', large, XLSX);
      const bombed = await uploadFresh('/api/client-imports', bomb, XLSX);
      const importMs = performance.now() - started;
      importing = false;
      await probe;
      loop.disable();

      expect(refused.status).toBe(413);
      expect(refused.body.error.message).toBe('Höchstens 100.000 Zeilen je Import.');
      expect(bombed.status).toBe(413);
      expect(bombed.body.error.message).toMatch(/entpackt zu groß/);
      expect(await clientCount()).toBe(before);
      // The server answered throughout: no health check waited a second. On a machine so busy
      // that the import itself takes minutes the bound grows with it; parsing on the event loop would
      // still fail, because then one health check waits for (nearly) the whole import.
      const bound = Math.max(1000, importMs / 5);
      expect(waits.length).toBeGreaterThan(0);
      // Embedded PGlite has one connection: its health query queues behind the import's transaction
      // (the event loop stays free, measured below); PostgreSQL answers it on another connection.
      if (t.ctx.db.kind === 'postgres') expect(Math.max(...waits)).toBeLessThan(bound);
      expect(loop.max / 1e6).toBeLessThan(bound);
    },
  );

  it('[trust #7] refuses binary content sent as CSV with 415, writing nothing', async () => {
    const before = await clientCount();
    const res = await upload('/api/client-imports', xlsxBomb(1), 'text/csv');
    expect(res.status).toBe(415);
    expect(res.body.error.message).toMatch(/keine CSV/);
    expect(await clientCount()).toBe(before);
  });
});
