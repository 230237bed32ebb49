import { restoreCell, toCsv } from '@lotse/domain';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { badRequest } from '../../platform/errors.ts';

/** Rows of a CSV or XLSX file as records keyed by the header row (trimmed); at most `maxRows`. */
export async function readTable(
  format: 'csv' | 'xlsx',
  content: Buffer,
  maxRows = 5000,
): Promise<Record<string, string>[]> {
  let rows: Record<string, string>[];
  try {
    if (format === 'csv') {
      const text = content.toString('utf8').replace(/^\uFEFF/, '');
      const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
      const delimiter =
        (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
      rows = parse(text, {
        columns: (h: string[]) => h.map((c) => c.trim()),
        delimiter,
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
        // Cells our own export neutralised against formula injection come back as they were.
        cast: (value: string) => restoreCell(value),
      });
    } else {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(content as unknown as ArrayBuffer);
      const sheet = book.worksheets[0];
      if (!sheet) throw new Error('no sheet');
      const header: string[] = [];
      sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
        header[col] = String(cell.text ?? '').trim();
      });
      rows = [];
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        const record: Record<string, string> = {};
        let any = false;
        header.forEach((name, col) => {
          if (!name) return;
          const value = String(row.getCell(col).text ?? '').trim();
          if (value) any = true;
          record[name] = value;
        });
        if (any) rows.push(record);
      }
    }
  } catch {
    throw badRequest(`Die Datei lässt sich nicht als ${format.toUpperCase()} lesen.`, [
      { path: 'data', message: 'Datei nicht lesbar' },
    ]);
  }
  if (rows.length > maxRows)
    throw badRequest(`Höchstens ${maxRows} Zeilen je Import.`, [
      { path: 'data', message: 'Zu viele Zeilen' },
    ]);
  return rows;
}

/** A table as CSV (semicolon, UTF-8 with BOM so spreadsheet programs read umlauts) or XLSX. */
export async function writeTable(
  format: 'csv' | 'xlsx',
  columns: readonly string[],
  rows: readonly Record<string, string>[],
  sheetName: string,
): Promise<Buffer> {
  if (format === 'csv') return Buffer.from(`\uFEFF${toCsv(columns, rows)}`, 'utf8');
  // exceljs writes strings as shared strings, never as formulas, so XLSX cells stay as they are.
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow([...columns]);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(columns.map((c) => r[c] ?? ''));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** "ja", "true", "1", "x" -> true; "nein", "false", "0", "" -> false; else undefined (invalid). */
export function parseBool(value: string | undefined): boolean | undefined {
  const v = (value ?? '').trim().toLowerCase();
  if (['ja', 'true', '1', 'x', 'yes', 'wahr'].includes(v)) return true;
  if (['nein', 'false', '0', '', 'no', 'falsch'].includes(v)) return false;
  return undefined;
}

export const splitList = (value: string | undefined) =>
  (value ?? '')
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
