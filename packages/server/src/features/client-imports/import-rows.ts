import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

export type ImportFormat = 'csv' | 'xlsx';

export interface ImportRow {
  /** Line of the data row in the file (the header is row 1). */
  row: number;
  record: Record<string, string>;
}

/**
 * Reads a file as it arrives, one row at a time, so memory stays flat for any size: CSV through
 * csv-parse (semicolon as German Excel writes it, comma or tab; UTF-8 with or without BOM), XLSX through
 * exceljs' streaming reader (first worksheet). The first row holds the headers.
 */
export async function* readRows(
  input: Readable,
  format: ImportFormat,
  onHeaders: (headers: string[]) => void,
): AsyncGenerator<ImportRow> {
  if (format === 'csv') {
    const parser = parse({
      delimiter: [';', ',', '\t'],
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
    // pipe() does not pass errors on: a broken or oversized upload must end the parse too.
    input.once('error', (error) => parser.destroy(error));
    input.pipe(parser);
    let headers: string[] | undefined;
    let row = 1;
    for await (const cells of parser as AsyncIterable<string[]>) {
      if (!headers) {
        headers = cells.map((c) => c.trim());
        onHeaders(headers);
        continue;
      }
      row++;
      yield { row, record: Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? ''])) };
    }
    if (!headers) onHeaders([]);
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  for await (const sheet of reader) {
    let headers: string[] | undefined;
    for await (const line of sheet) {
      const values = (line.values as unknown[]).slice(1).map(cellText);
      if (!headers) {
        headers = values.map((v) => v.trim());
        onHeaders(headers);
        continue;
      }
      yield { row: line.number, record: Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])) };
    }
    if (!headers) onHeaders([]);
    // Only the first worksheet is imported; drain the rest of the upload.
    input.resume();
    return;
  }
  onHeaders([]);
}

/** A spreadsheet cell as text: dates as ISO dates, rich text and formulas by their value. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return String(v.text);
  }
  return String(value);
}
