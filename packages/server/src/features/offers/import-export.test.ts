import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareSpreadsheetWorker } from '../../platform/spreadsheet/spreadsheet.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/** Import and export of offers and partners (CSV/XLSX) over real HTTP on a real database. */
let t: TestApp;
let ko: TestClient;
let cw: TestClient;

beforeAll(async () => {
  // XLSX is parsed in a worker thread; start it while the database is prepared.
  prepareSpreadsheetWorker();
  t = await startTestApp();
  ko = t.client();
  cw = t.client();
  await ko.login(DEMO.coordinator);
  await cw.login(DEMO.caseworker);
  const p = await ko.post('/api/partners', {
    name: 'Diakonie Witten',
    kind: 'welfare',
    districts: ['witten'],
  });
  expect(p.status).toBe(201);
});
afterAll(() => t.close());

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const offerCount = async () =>
  (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM offers')).rows[0]?.n ?? 0;

const CSV = [
  'title;partner;dimensions;district;languages;stepFree;capacity;freePlaces;validFrom',
  'Erzählcafé Annen;Diakonie Witten;social_contacts;Witten-Annen;Deutsch, Türkisch;ja;12;4;2026-01-01',
  'Schuldnerberatung;Unbekannter Träger;finances;Witten;de;nein;;;',
  'Walking-Treff;Diakonie Witten;Astrologie;Atlantis;de;vielleicht;5;3;',
  'Sprachcafé;Diakonie Witten;education_skills;Herdecke;de;;;;',
].join('\n');

describe('offer import', () => {
  it('previews with row-level errors and writes nothing', async () => {
    const before = await offerCount();
    const res = await ko.post('/api/offers/import', { format: 'csv', data: b64(CSV) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ mode: 'preview', rows: 4, valid: 2, created: 0 });
    const byRow = (row: number) =>
      res.body.errors.filter((e: { row: number }) => e.row === row).map((e: { field: string }) => e.field);
    expect(byRow(3)).toEqual(['partner']);
    expect(byRow(4).sort()).toEqual(['dimensions', 'district', 'stepFree']);
    expect(res.body.preview[0]).toMatchObject({
      row: 2,
      title: 'Erzählcafé Annen',
      district: 'witten',
      languages: ['de', 'tr'],
      stepFree: true,
    });
    expect(await offerCount()).toBe(before);
  });

  it('refuses to commit while a row is invalid (400, nothing written)', async () => {
    const before = await offerCount();
    const res = await ko.post('/api/offers/import', { format: 'csv', data: b64(CSV), mode: 'commit' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('rows.3.partner');
    expect(await offerCount()).toBe(before);
  });

  it('commits the valid rows when the user chooses to skip invalid ones', async () => {
    const before = await offerCount();
    const res = await ko.post('/api/offers/import', {
      format: 'csv',
      data: b64(CSV),
      mode: 'commit',
      skipInvalid: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'commit', rows: 4, valid: 2, created: 2, skipped: 2 });
    expect(await offerCount()).toBe(before + 2);
    const found = await ko.get('/api/offers?query=Erzählcafé Annen');
    expect(found.body.items[0]).toMatchObject({
      district: 'witten',
      capacity: 12,
      freePlaces: 4,
      stepFree: true,
    });
  });

  it('answers 400 for a file that is no spreadsheet and 403 for caseworkers', async () => {
    const garbage = await ko.post('/api/offers/import', { format: 'xlsx', data: b64('not a zip file') });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.issues[0].path).toBe('data');
    expect((await cw.post('/api/offers/import', { format: 'csv', data: b64(CSV) })).status).toBe(403);
  });

  it('exports the own directory as XLSX that imports again unchanged', async () => {
    const res = await fetch(`${t.baseUrl}/api/offers/export?format=xlsx`, {
      headers: { cookie: [...ko.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const file = Buffer.from(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).text).toBe('title');
    expect(sheet?.rowCount).toBe(3);
    const again = await ko.post('/api/offers/import', { format: 'xlsx', data: file.toString('base64') });
    expect(again.body).toMatchObject({ rows: 2, valid: 2, errors: [] });
  });
});

describe('partner import and export', () => {
  it('imports partners from CSV with errors per row, and exports them as CSV', async () => {
    const csv = [
      'name,kind,districts,postalCode,contactName,contactEmail',
      'TuS Hattingen,sports,Hattingen,45525,Herr Berg,berg@tus.example',
      'Ohne Art,,Witten,1234,,',
    ].join('\n');
    const preview = await ko.post('/api/partners/import', { format: 'csv', data: b64(csv) });
    expect(preview.body).toMatchObject({ rows: 2, valid: 1 });
    expect(
      preview.body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort(),
    ).toEqual(['3:kind', '3:postalCode']);
    // The preview shows no contact person names (personal data).
    expect(JSON.stringify(preview.body.preview)).not.toContain('Berg');
    const commit = await ko.post('/api/partners/import', {
      format: 'csv',
      data: b64(csv),
      mode: 'commit',
      skipInvalid: true,
    });
    expect(commit.body.created).toBe(1);
    const exported = await ko.get('/api/partners/export?format=csv');
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const text = exported.body as string;
    expect(text.split('\r\n')[0]).toBe(
      'name;kind;street;postalCode;city;districts;website;notes;contactName;contactRole;contactPhone;contactEmail',
    );
    expect(text).toContain('TuS Hattingen;sports;;45525;;Hattingen;;;Herr Berg;;;berg@tus.example');
  });
});

describe('formula cells in exports', () => {
  const formula = '=HYPERLINK("http://x.invalid","Klick")';
  const download = async (format: string) => {
    const res = await fetch(`${t.baseUrl}/api/partners/export?format=${format}`, {
      headers: { cookie: [...ko.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    return Buffer.from(await res.arrayBuffer());
  };

  it('[trust #6] no CSV cell starts a formula; importing the export gives back the original text', async () => {
    const created = await ko.post('/api/partners', { name: formula, kind: 'welfare', notes: '@SUM(1+1)' });
    expect(created.status).toBe(201);
    const csv = (await download('csv')).toString('utf8');
    expect(csv).toContain('HYPERLINK');
    const cells = csv.split('\r\n').flatMap((line) => line.split(';'));
    expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);
    const again = await ko.post('/api/partners/import', { format: 'csv', data: b64(csv) });
    const names = again.body.preview.map((p: { name: string }) => p.name);
    expect(names).toContain(formula);
  });

  it('[trust #6] XLSX exports hold formula-looking text as text, never as a formula', async () => {
    const file = await download('xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0]?.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const cell = cells.find((c) => c.text === formula);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
  });
});
