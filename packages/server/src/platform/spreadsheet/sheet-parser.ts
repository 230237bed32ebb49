import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { detectFileKind } from '../file-kind.ts';
import {
  assertXlsx,
  badCsv,
  notCsv,
  SheetError,
  type SheetFormat,
  type SheetLimits,
  type SheetRow,
  tooLarge,
  tooManyRows,
} from './sheet-limits.ts';
import { xlsxRows } from './xlsx-reader.ts';

/**
 * Rows of an uploaded CSV or XLSX file as records keyed by the trimmed header row; rows without any
 * value are skipped. Runs in the spreadsheet worker. Every row counts against `maxRows` (also empty
 * ones), and the parse stops at the first row beyond it instead of reading the whole file.
 */
export async function* parseSheet(
  input: Readable,
  format: SheetFormat,
  limits: SheetLimits,
  onHeaders: (headers: string[]) => void,
): AsyncGenerator<SheetRow> {
  let headers: string[] | undefined;
  let rows = 0;
  const cells = format === 'csv' ? csvRows(input, limits) : xlsxCells(input, limits);
  for await (const { row, values } of cells) {
    if (!headers) {
      headers = values.map((v) => v.trim());
      onHeaders(headers);
      continue;
    }
    if (++rows > limits.maxRows) throw tooManyRows(limits);
    if (values.every((v) => v.trim() === '')) continue;
    const record: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h) record[h] = (values[i] ?? '').trim();
    });
    yield { row, record };
  }
  if (!headers) onHeaders([]);
}

/** The whole upload (an XLSX is read from its central directory at the end), at most `maxBytes`. */
async function collect(input: Readable, limits: SheetLimits): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limits.maxBytes) throw tooLarge(limits);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function* xlsxCells(input: Readable, limits: SheetLimits) {
  const file = await collect(input, limits);
  assertXlsx(file);
  for await (const line of xlsxRows(file, limits)) {
    yield { row: line.number, values: (line.values as unknown[]).slice(1).map(cellText) };
  }
}

/**
 * CSV as German spreadsheet programs write it: semicolon, comma or tab (whichever the header line
 * uses most), UTF-8 with or without BOM.
 */
async function* csvRows(input: Readable, limits: SheetLimits) {
  const iterator = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  if (looksBinary(head)) throw notCsv();
  const parser = parse({
    delimiter: delimiterOf(head.toString('utf8')),
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    max_record_size: 1024 * 1024,
  });
  let size = 0;
  const feed = async () => {
    try {
      for (let next = first; !next.done; next = await iterator.next()) {
        size += next.value.length;
        if (size > limits.maxBytes) throw tooLarge(limits);
        if (!parser.write(next.value)) await new Promise((r) => parser.once('drain', r));
      }
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  };
  void feed();
  let row = 0;
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      yield { row: ++row, values };
    }
  } catch (error) {
    if (error instanceof SheetError) throw error;
    throw badCsv((error as Error).message);
  }
}

function delimiterOf(text: string) {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => line.split(c).length - 1;
  return [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

/** NUL bytes or the signature of a zip, PDF or old Office file: a binary file sent as CSV. */
const looksBinary = (head: Buffer) =>
  head.subarray(0, 8192).includes(0) || detectFileKind(head) !== undefined;

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
