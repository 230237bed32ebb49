import { PassThrough } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { SheetError, type SheetFormat, type SheetLimits, type SheetRow } from './sheet-limits.ts';
import { parseSheet } from './sheet-parser.ts';

/** Messages from the main thread. */
export type ToWorker =
  | { type: 'start'; format: SheetFormat; limits: SheetLimits }
  | { type: 'chunk'; data: Uint8Array }
  | { type: 'end' }
  | { type: 'pull' };
/** Messages to the main thread. */
export type FromWorker =
  | { type: 'headers'; headers: string[] }
  | { type: 'rows'; rows: SheetRow[] }
  | { type: 'done' }
  | { type: 'error'; status: number; message: string };

/** Rows per message: few messages, and the main thread gets rows while the file is still parsed. */
const BATCH = 100;

const port = parentPort;
if (!port) throw new Error('sheet.worker.ts runs as a worker thread');
const post = (message: FromWorker) => port.postMessage(message);

const input = new PassThrough();
let pulled: (() => void) | undefined;
port.on('message', (message: ToWorker) => {
  if (message.type === 'start') void run(message.format, message.limits);
  else if (message.type === 'chunk') input.write(Buffer.from(message.data));
  else if (message.type === 'end') input.end();
  else pulled?.();
});

/**
 * Parses one file and sends its rows in batches, waiting for the main thread to ask for the next
 * batch. A worker parses one file only; the main thread ends it afterwards.
 */
async function run(format: SheetFormat, limits: SheetLimits) {
  try {
    await parseAll(format, limits);
  } catch (error) {
    const known = error instanceof SheetError;
    post({
      type: 'error',
      status: known ? error.status : 400,
      message: known ? error.message : `Die Datei lässt sich nicht als ${format.toUpperCase()} lesen.`,
    });
  }
}

async function parseAll(format: SheetFormat, limits: SheetLimits) {
  let batch: SheetRow[] = [];
  for await (const row of parseSheet(input, format, limits, (headers) =>
    post({ type: 'headers', headers }),
  )) {
    batch.push(row);
    if (batch.length < BATCH) continue;
    const next = new Promise<void>((resolve) => {
      pulled = resolve;
    });
    post({ type: 'rows', rows: batch });
    batch = [];
    await next;
  }
  if (batch.length > 0) post({ type: 'rows', rows: batch });
  post({ type: 'done' });
}
