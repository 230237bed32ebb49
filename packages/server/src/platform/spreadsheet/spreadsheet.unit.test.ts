import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { largeClientXlsx, xlsxBomb } from '../../testing/spreadsheets.ts';
import { AppError } from '../errors.ts';
import { prepareSpreadsheetWorker, readSheet, type SheetLimits } from './spreadsheet.ts';

prepareSpreadsheetWorker();

const limits: SheetLimits = {
  maxRows: 5000,
  maxBytes: 20 * 1024 * 1024,
  maxUncompressedBytes: 100 * 1024 * 1024,
};

async function read(input: Buffer | Readable, format: 'csv' | 'xlsx', l = limits) {
  let headers: string[] = [];
  const rows = [];
  for await (const row of readSheet(input, format, l, (h) => {
    headers = h;
  }))
    rows.push(row);
  return { headers, rows };
}

async function refusal(input: Buffer | Readable, format: 'csv' | 'xlsx', l = limits) {
  try {
    await read(input, format, l);
  } catch (error) {
    if (error instanceof AppError) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

// Worker start and building large files take long on a busy machine; the bound only catches a hang.
describe('spreadsheet reader', { timeout: 10 * 60_000 }, () => {
  it('reads CSV with the separator of its header line, trimmed, without empty rows', async () => {
    const csv = '\uFEFFname,notes\r\nCaritas, "Deutsch; Türkisch"\r\n,\r\n\'=SUM(1),x\r\n';
    const { headers, rows } = await read(Readable.from([Buffer.from(csv)]), 'csv');
    expect(headers).toEqual(['name', 'notes']);
    expect(rows).toEqual([
      { row: 2, record: { name: 'Caritas', notes: 'Deutsch; Türkisch' } },
      { row: 4, record: { name: '=SUM(1)', notes: 'x' } },
    ]);
  });

  it('reads the first worksheet of an XLSX file, dates as ISO dates', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Liste');
    sheet.addRow(['Vorname', 'Geb.']);
    sheet.addRow(['Aleksandra', new Date(Date.UTC(1977, 4, 9))]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const { headers, rows } = await read(file, 'xlsx');
    expect(headers).toEqual(['Vorname', 'Geb.']);
    expect(rows).toEqual([{ row: 2, record: { Vorname: 'Aleksandra', 'Geb.': '1977-05-09' } }]);
  });

  it('[trust #7] stops a 300,000-row XLSX at the row limit with 413', async () => {
    const file = largeClientXlsx(300_000);
    expect(await refusal(file, 'xlsx')).toEqual({
      status: 413,
      message: 'Höchstens 5.000 Zeilen je Import.',
    });
  });

  it('[trust #7] refuses a decompression bomb by its declared size, before inflating it', async () => {
    const bomb = xlsxBomb(1000);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const refused = await refusal(bomb, 'xlsx');
    expect(refused.status).toBe(413);
    expect(refused.message).toMatch(/entpackt zu groß/);
  });

  it('[trust #7] refuses a bomb whose zip headers understate its size, while inflating', async () => {
    const refused = await refusal(xlsxBomb(200, true), 'xlsx');
    expect(refused.status).toBe(413);
    expect(refused.message).toMatch(/entpackt zu groß/);
  });

  it('[trust #7] refuses a file beyond the byte limit while it streams in', async () => {
    const endless = Readable.from(
      (function* () {
        for (let i = 0; i < 100; i++)
          yield Buffer.from(`Vorname;Nachname\r\n${'Anna;Muster\r\n'.repeat(10_000)}`);
      })(),
    );
    const refused = await refusal(endless, 'csv', { ...limits, maxRows: 10_000_000, maxBytes: 1024 * 1024 });
    expect(refused).toEqual({ status: 413, message: 'Die Datei ist zu groß (höchstens 1 MB).' });
  });

  it('[trust #13] refuses content that does not match the declared format with 415', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj');
    expect((await refusal(pdf, 'csv')).status).toBe(415);
    expect((await refusal(Buffer.from('Vorname;Nachname\r\nAnna;Muster'), 'xlsx')).status).toBe(415);
  });
});
