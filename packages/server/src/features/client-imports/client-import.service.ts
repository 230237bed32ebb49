import type { Readable } from 'node:stream';
import { createClientRequest } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { AppError, badRequest } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import {
  type SheetFormat as ImportFormat,
  type SheetRow as ImportRow,
  readSheet,
  type SheetLimits,
} from '../../platform/spreadsheet/spreadsheet.ts';
import { addDays, DATE_RANGES, today } from '../clients/date-rules.ts';
import {
  existingClientKeys,
  foldedKeys,
  insertClientsWithCases,
  type ValidClient,
} from './client-imports.repo.ts';
import { type ImportMapping, importMapping, rowToClient, suggestMapping } from './import-mapping.ts';

/** Rows per multi-row INSERT: few round trips, parameters well under PostgreSQL's limit of 65,535. */
const BATCH = 1000;
/** Problems listed in the answer; beyond that only counted. */
const LIST_LIMIT = 500;
/**
 * Limits of one client import: a whole Jobcenter's list (up to 100,000 clients) fits; a 100,000-row
 * CSV is about 10 MB, the same as XLSX inflates to about 50 MB.
 */
export const CLIENT_IMPORT_LIMITS: SheetLimits = {
  maxRows: 100_000,
  maxBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
};

export interface ImportProblem {
  row: number;
  path: string;
  message: string;
}

export interface ImportResult {
  total: number;
  imported: number;
  duplicates: { row: number; firstName: string; lastName: string; birthDate: string; inFile: boolean }[];
  duplicateCount: number;
  errors: ImportProblem[];
  errorCount: number;
}

function parseMapping(raw: string | undefined): ImportMapping | undefined {
  if (raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw badRequest('Die Spaltenzuordnung ist kein gültiges JSON.', [
      { path: 'mapping', message: 'Ungültiges JSON.' },
    ]);
  }
  const parsed = importMapping.safeParse(json);
  if (!parsed.success)
    throw badRequest('Unbekanntes Feld in der Spaltenzuordnung.', [
      { path: 'mapping', message: parsed.error.message },
    ]);
  return parsed.data;
}

/** Checks one row like the form would; returns the client or the row's problems. */
function validateRow(
  row: ImportRow,
  mapping: ImportMapping,
  now: Date,
): { client: ValidClient } | { problems: ImportProblem[] } {
  const parsed = createClientRequest.safeParse(rowToClient(row.record, mapping));
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((i) => ({
        row: row.row,
        path: i.path.join('.') || 'row',
        message: i.message,
      })),
    };
  }
  const t = today(now);
  const birth = parsed.data.birthDate;
  if (birth > t || birth < addDays(t, -DATE_RANGES.birthDate.pastDays))
    return { problems: [{ row: row.row, path: 'birthDate', message: 'Geburtsdatum nicht plausibel.' }] };
  return { client: parsed.data };
}

/** First rows of the file, the headers and a suggested mapping, without writing anything. */
export async function preview(
  ctx: AppContext,
  actor: Actor,
  input: Readable,
  format: ImportFormat,
  rawMapping?: string,
) {
  authorize(actor, 'clients.import');
  let headers: string[] = [];
  const rows: ImportRow[] = [];
  try {
    for await (const row of readSheet(input, format, CLIENT_IMPORT_LIMITS, (h) => {
      headers = h;
    })) {
      rows.push(row);
      if (rows.length >= 10) break;
    }
  } catch (error) {
    throw error instanceof AppError ? error : badRequest('Die Datei konnte nicht gelesen werden.');
  }
  input.resume();
  const mapping = parseMapping(rawMapping) ?? suggestMapping(headers);
  const now = ctx.clock.now();
  return {
    headers,
    mapping,
    rows: rows.map((r) => {
      const checked = validateRow(r, mapping, now);
      return { row: r.row, values: r.record, problems: 'problems' in checked ? checked.problems : [] };
    }),
  };
}

/**
 * Imports clients from a CSV or XLSX upload while it streams in: each row is validated like the form,
 * duplicates (same name and birth date, in the agency or earlier in the file) and taken client numbers
 * are flagged and skipped, valid rows go in with multi-row inserts and get an open case. One transaction:
 * if the upload breaks off, nothing stays half-imported. One audit entry records the import with counts.
 */
export function runImport(
  ctx: AppContext,
  actor: Actor,
  input: Readable,
  format: ImportFormat,
  rawMapping?: string,
) {
  const explicit = parseMapping(rawMapping);
  return withActor(ctx, actor, async (scope): Promise<ImportResult> => {
    authorize(actor, 'clients.import');
    const existing = await existingClientKeys(scope.tx, actor.agencyId);
    const knownKeys = new Set(existing.map((r) => r.key));
    const fileKeys = new Set<string>();
    const numbers = new Set(existing.map((r) => r.client_number));
    const guide = actor.roles.includes('caseworker') ? actor.userId : null;
    const result: ImportResult = {
      total: 0,
      imported: 0,
      duplicates: [],
      duplicateCount: 0,
      errors: [],
      errorCount: 0,
    };
    let mapping = explicit;
    let pending: { row: number; client: ValidClient }[] = [];

    const flush = async () => {
      const batch = pending;
      pending = [];
      if (batch.length === 0) return;
      const keys = await foldedKeys(
        scope.tx,
        batch.map((b) => b.client),
      );
      const accepted: ValidClient[] = [];
      batch.forEach(({ row, client }, i) => {
        const key = keys[i] as string;
        if (knownKeys.has(key) || fileKeys.has(key)) {
          result.duplicateCount++;
          if (result.duplicates.length < LIST_LIMIT)
            result.duplicates.push({
              row,
              firstName: client.firstName,
              lastName: client.lastName,
              birthDate: client.birthDate,
              inFile: fileKeys.has(key),
            });
          return;
        }
        if (client.clientNumber && numbers.has(client.clientNumber)) {
          result.errorCount++;
          if (result.errors.length < LIST_LIMIT)
            result.errors.push({ row, path: 'clientNumber', message: 'Kundennummer ist bereits vergeben.' });
          return;
        }
        fileKeys.add(key);
        if (client.clientNumber) numbers.add(client.clientNumber);
        accepted.push(client);
      });
      await insertClientsWithCases(scope.tx, scope.actor, scope.now, today(scope.now), accepted, guide);
      result.imported += accepted.length;
    };

    for await (const row of readSheet(input, format, CLIENT_IMPORT_LIMITS, (headers) => {
      mapping ??= suggestMapping(headers);
      const missing = (['firstName', 'lastName', 'birthDate'] as const).filter((f) => !mapping?.[f]);
      if (missing.length > 0)
        throw badRequest(
          'Pflichtspalten fehlen in der Zuordnung.',
          missing.map((f) => ({ path: `mapping.${f}`, message: 'Keine Spalte zugeordnet.' })),
        );
    })) {
      result.total++;
      const checked = validateRow(row, mapping as ImportMapping, scope.now);
      if ('problems' in checked) {
        result.errorCount++;
        if (result.errors.length < LIST_LIMIT) result.errors.push(...checked.problems.slice(0, 3));
        continue;
      }
      pending.push({ row: row.row, client: checked.client });
      if (pending.length >= BATCH) await flush();
    }
    await flush();
    if (result.total === 0) throw badRequest('Die Datei enthält keine Datenzeilen.');
    await scope.audit({
      action: 'clients.import',
      resourceType: 'client',
      details: {
        format,
        total: result.total,
        imported: result.imported,
        duplicates: result.duplicateCount,
        errors: result.errorCount,
      },
    });
    return result;
  });
}
