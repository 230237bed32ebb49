import { toCsv } from '@lotse/domain';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';
import { readSheet } from '../../platform/spreadsheet/spreadsheet.ts';

/** Largest table file accepted by the offer and partner imports, and what an XLSX may inflate to. */
const TABLE_LIMITS = { maxBytes: 20 * 1024 * 1024, maxUncompressedBytes: 100 * 1024 * 1024 };

/**
 * Rows of a CSV or XLSX file as records keyed by the header row (trimmed); at most `maxRows`. Parsed
 * in the spreadsheet worker, which stops at the first limit instead of reading everything.
 */
export async function readTable(
  format: 'csv' | 'xlsx',
  content: Buffer,
  maxRows = 5000,
): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  try {
    for await (const { record } of readSheet(content, format, { ...TABLE_LIMITS, maxRows }))
      rows.push(record);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(
      error.status === 413 ? 413 : 400,
      error.status === 413 ? error.code : 'validation_failed',
      error.message,
      {},
      [{ path: 'data', message: error.message }],
    );
  }
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
