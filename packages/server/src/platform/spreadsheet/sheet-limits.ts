/** Types and refusals shared by the main thread and the spreadsheet worker. */
import { detectFileKind } from '../file-kind.ts';

export type SheetFormat = 'csv' | 'xlsx';

export interface SheetLimits {
  /** Data rows (without the header row); the parse stops at the first row beyond. */
  maxRows: number;
  /** Bytes of the uploaded file. */
  maxBytes: number;
  /** Bytes an XLSX may inflate to, over all parts read; checked before and while inflating. */
  maxUncompressedBytes: number;
}

export interface SheetRow {
  /** Line of the data row in the file (the header is row 1). */
  row: number;
  record: Record<string, string>;
}

/** A refusal with a status and message for the user; crosses the worker boundary as plain data. */
export class SheetError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
export const tooManyRows = (limits: SheetLimits) =>
  new SheetError(413, `Höchstens ${limits.maxRows.toLocaleString('de-DE')} Zeilen je Import.`);
export const tooLarge = (limits: SheetLimits) =>
  new SheetError(413, `Die Datei ist zu groß (höchstens ${mb(limits.maxBytes)}).`);
export const inflatesTooMuch = (limits: SheetLimits) =>
  new SheetError(
    413,
    `Die Excel-Datei ist entpackt zu groß (höchstens ${mb(limits.maxUncompressedBytes)}); bitte teilen Sie sie auf.`,
  );
export const notCsv = () => new SheetError(415, 'Die Datei ist keine CSV-Textdatei.');
export const badCsv = (reason: string) => new SheetError(400, `Die CSV-Datei ist fehlerhaft: ${reason}`);

/** An XLSX file is a zip; anything else is refused before it is read. */
export function assertXlsx(file: Buffer) {
  if (detectFileKind(file) !== 'zip') throw new SheetError(415, 'Die Datei ist keine Excel-Datei (XLSX).');
}
