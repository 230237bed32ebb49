import { type Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { inflatesTooMuch, SheetError, type SheetLimits } from './sheet-limits.ts';

/** More parts than any workbook we read needs; a zip of thousands of entries is not a client list. */
const MAX_ENTRIES = 2000;
/**
 * Deflate reaches about 1:1000 on repeated bytes; exported tables stay far below 1:100. A larger part
 * with a ratio beyond this is a decompression bomb and is refused before it is inflated.
 */
const MAX_RATIO = 200;
const RATIO_FROM_BYTES = 1024 * 1024;

const unreadable = () => new SheetError(400, 'Die Datei lässt sich nicht als XLSX lesen.');

/** The internal steps of exceljs' streaming reader, called here on parts we inflate under limits. */
interface ReaderSteps {
  sharedStrings?: unknown[];
  model?: { sheets?: { rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    iterator: Readable,
    sheetNo: string,
  ): Generator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

/**
 * The rows of the first worksheet of an XLSX file. The zip's central directory is read first: the
 * parts are checked against the limits by their declared sizes before anything is inflated, and
 * while inflating the real sizes are counted (a header can lie), so a small file cannot expand into
 * gigabytes. Only the central directory's entries are read, in the order the sheet needs them (no
 * temporary files as exceljs writes when the shared strings come late).
 */
export async function* xlsxRows(file: Buffer, limits: SheetLimits): AsyncGenerator<ExcelJS.Row> {
  let directory: Awaited<ReturnType<typeof unzipper.Open.buffer>>;
  try {
    directory = await unzipper.Open.buffer(file);
  } catch {
    throw unreadable();
  }
  if (directory.files.length > MAX_ENTRIES) throw unreadable();
  const parts = new Map(directory.files.map((f) => [f.path.replace(/^\//, ''), f]));

  let inflated = 0;
  const open = (path: string): Readable => {
    const entry = parts.get(path);
    if (!entry) throw unreadable();
    let seen = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        seen += chunk.length;
        inflated += chunk.length;
        if (seen > entry.uncompressedSize || inflated > limits.maxUncompressedBytes)
          done(inflatesTooMuch(limits));
        else done(null, chunk);
      },
    });
    const source = entry.stream();
    source.once('error', () => counter.destroy(unreadable()));
    return source.pipe(counter);
  };

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(undefined as unknown as Readable, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ReaderSteps;

  await reader._parseRels(open('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(open('xl/workbook.xml'));
  const rId = reader.model?.sheets?.[0]?.rId;
  const target = reader.workbookRels?.find((r) => r.Id === rId)?.Target;
  const sheetPath = target?.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const sheetNo = sheetPath.match(/^xl\/worksheets\/sheet(\d+)\.xml$/)?.[1];
  if (!sheetNo) throw unreadable();

  const needed = ['xl/styles.xml', 'xl/sharedStrings.xml', sheetPath].filter((p) => parts.has(p));
  let declared = 0;
  for (const path of needed) {
    const entry = parts.get(path) as unzipper.File;
    declared += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_FROM_BYTES && ratio > MAX_RATIO) throw inflatesTooMuch(limits);
  }
  if (declared > limits.maxUncompressedBytes) throw inflatesTooMuch(limits);

  if (parts.has('xl/styles.xml')) await reader._parseStyles(open('xl/styles.xml'));
  reader.sharedStrings = [];
  if (parts.has('xl/sharedStrings.xml'))
    for await (const _ of reader._parseSharedStrings(open('xl/sharedStrings.xml')));
  for (const { value: sheet } of reader._parseWorksheet(open(sheetPath), sheetNo)) {
    yield* sheet;
    return;
  }
}
