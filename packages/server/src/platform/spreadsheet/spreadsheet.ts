import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { type ErrorCode, restoreCell } from '@lotse/domain';
import { AppError } from '../errors.ts';
import type { FromWorker, ToWorker } from './sheet.worker.ts';
import {
  assertXlsx,
  SheetError,
  type SheetFormat,
  type SheetLimits,
  type SheetRow,
  tooLarge,
} from './sheet-limits.ts';
import { parseSheet } from './sheet-parser.ts';

export type { SheetFormat, SheetLimits, SheetRow } from './sheet-limits.ts';

/** Heap of one parse; a file that needs more is refused like an oversized one. */
const WORKER_HEAP_MB = 384;

const entry = new URL('./sheet-worker-entry.mjs', import.meta.url);
const workerModule = new URL('./sheet.worker.ts', import.meta.url).href;

/**
 * Starting a worker (loading the TypeScript loader and exceljs) takes seconds, so one
 * started worker waits for the next upload. Each worker parses one file and is then ended: a hostile
 * file cannot leave state or memory behind. The waiting worker does not keep the process alive.
 */
let spare: Worker | undefined;
const spawn = () => {
  const worker = new Worker(entry, {
    workerData: { module: workerModule },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  worker.unref();
  // A spare that fails to start is replaced at the next upload.
  worker.once('error', () => {
    if (spare === worker) spare = undefined;
  });
  return worker;
};
/** Starts the waiting worker ahead of the first upload (the server does this after start-up). */
export function prepareSpreadsheetWorker() {
  spare ??= spawn();
}
function takeWorker(): Worker {
  const worker = spare ?? spawn();
  spare = spawn();
  worker.ref();
  return worker;
}

const codeOf = (status: number): ErrorCode =>
  status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'bad_request';

/**
 * Rows of an uploaded CSV or XLSX file, read while it streams in; reading stops at the first limit
 * reached (file size, number of rows, the size an XLSX inflates to) with a 4xx AppError. A large or
 * hostile file never blocks the event loop (health checks, other users): XLSX (inflating a zip,
 * parsing its XML) runs in a worker thread; CSV is parsed in small steps as chunks arrive, each far
 * below a millisecond, between which the server answers other requests.
 */
export async function* readSheet(
  input: Readable | Buffer,
  format: SheetFormat,
  limits: SheetLimits,
  onHeaders: (headers: string[]) => void = () => {},
): AsyncGenerator<SheetRow> {
  try {
    yield* format === 'xlsx' ? xlsxInWorker(input, limits, onHeaders) : csvInSteps(input, limits, onHeaders);
  } catch (error) {
    if (error instanceof SheetError) throw new AppError(error.status, codeOf(error.status), error.message);
    throw error;
  }
}

/** CSV is parsed here, yielding to other requests every few rows. */
async function* csvInSteps(
  input: Readable | Buffer,
  limits: SheetLimits,
  onHeaders: (headers: string[]) => void,
): AsyncGenerator<SheetRow> {
  const stream = Buffer.isBuffer(input) ? Readable.from([input]) : input;
  let rows = 0;
  try {
    for await (const row of parseSheet(stream, 'csv', limits, onHeaders)) {
      // Cells our own CSV export neutralised against formula injection come back as they were.
      for (const key in row.record) row.record[key] = restoreCell(row.record[key] as string);
      yield row;
      if (++rows % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    stream.resume();
  }
}

/** Rows handed to the importer before other requests get their turn. */
const YIELD_EVERY = 100;

/**
 * The XLSX file streams into a worker; rows come back in batches while it is parsed. Stopping the
 * iteration early (a preview) ends the worker.
 */
async function* xlsxInWorker(
  input: Readable | Buffer,
  limits: SheetLimits,
  onHeaders: (headers: string[]) => void,
): AsyncGenerator<SheetRow> {
  const format = 'xlsx';
  // Anything but a zip is refused before a worker is involved.
  if (Buffer.isBuffer(input)) assertXlsx(input);
  const worker = takeWorker();
  const events: FromWorker[] = [];
  let wake: (() => void) | undefined;
  const push = (event: FromWorker) => {
    events.push(event);
    wake?.();
  };
  const send = (message: ToWorker) => worker.postMessage(message);
  worker.on('message', push);
  worker.on('error', (error: Error & { code?: string }) =>
    push(
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? {
            type: 'error',
            status: 413,
            message: 'Die Datei ist zu groß oder zu verschachtelt, um sie zu lesen.',
          }
        : {
            type: 'error',
            status: 400,
            message: `Die Datei lässt sich nicht als ${format.toUpperCase()} lesen.`,
          },
    ),
  );
  worker.on('exit', () =>
    push({ type: 'error', status: 400, message: 'Das Lesen der Datei wurde abgebrochen.' }),
  );
  send({ type: 'start', format, limits });

  if (Buffer.isBuffer(input)) {
    send({ type: 'chunk', data: input });
    send({ type: 'end' });
  } else {
    let size = 0;
    input.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) {
        // Stop forwarding; the answer is sent while the rest of the upload is discarded.
        input.removeAllListeners('data');
        input.resume();
        push({ type: 'error', status: 413, message: tooLarge(limits).message });
      } else send({ type: 'chunk', data: chunk });
    });
    input.once('end', () => send({ type: 'end' }));
    input.once('error', () =>
      push({ type: 'error', status: 400, message: 'Die Übertragung der Datei wurde abgebrochen.' }),
    );
  }

  try {
    for (;;) {
      while (events.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const event = events.shift() as FromWorker;
      if (event.type === 'headers') onHeaders(event.headers);
      else if (event.type === 'rows') {
        // Let the worker parse the next batch while this one is processed.
        send({ type: 'pull' });
        yield* event.rows;
        await new Promise((resolve) => setImmediate(resolve));
      } else if (event.type === 'done') return;
      else throw new AppError(event.status, codeOf(event.status), event.message);
    }
  } finally {
    worker.removeAllListeners('exit');
    void worker.terminate();
    if (!Buffer.isBuffer(input)) input.resume();
  }
}
