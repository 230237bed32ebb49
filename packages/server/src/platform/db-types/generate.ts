import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPglite, type Queryable } from '../db.ts';
import { migrate } from '../migrate.ts';

/** The checked-in file that repositories take their row types from. */
export const SCHEMA_TYPES_FILE = fileURLToPath(new URL('../schema.generated.ts', import.meta.url));
export const REGENERATE_COMMAND = 'npm run db:types';
export const CHECK_COMMAND = 'npm run db:types -- --check';

export interface ColumnInfo {
  table: string;
  column: string;
  /** pg_type.typname: `int4`, `timestamptz`, `_text` (an array of text) ... */
  type: string;
  nullable: boolean;
}

/**
 * What the driver hands back for each column type, the same on PGlite and pg because db.ts gives
 * both the same parsers (int8 -> number, numeric -> string, date -> 'YYYY-MM-DD'). A type missing
 * here fails the generator: someone has to decide what the driver returns for it before a
 * repository relies on it.
 */
export const TS_TYPES: Readonly<Record<string, string>> = {
  bool: 'boolean',
  int2: 'number',
  int4: 'number',
  int8: 'number',
  float4: 'number',
  float8: 'number',
  numeric: 'string',
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  uuid: 'string',
  date: 'string',
  timestamptz: 'Date',
  timestamp: 'Date',
  // Parsed JSON; its shape is the repository's to state (see row-types.ts).
  json: 'unknown',
  jsonb: 'unknown',
  // pg returns a Buffer, PGlite a Uint8Array; a Buffer is a Uint8Array.
  bytea: 'Uint8Array',
};

/** Element types whose arrays both drivers parse element by element with the parsers above. */
export const ARRAY_ELEMENTS = new Set([
  'bool',
  'int2',
  'int4',
  'float4',
  'float8',
  'text',
  'varchar',
  'uuid',
]);

export function tsTypeOf(column: ColumnInfo): string {
  const isArray = column.type.startsWith('_');
  const element = isArray ? column.type.slice(1) : column.type;
  const base = TS_TYPES[element];
  if (!base || (isArray && !ARRAY_ELEMENTS.has(element)))
    throw new Error(
      `${column.table}.${column.column} has type ${column.type}, which the row type generator does not map ` +
        `yet: add it to packages/server/src/platform/db-types/generate.ts after checking what PGlite and pg return for it.`,
    );
  const type = isArray ? `${base}[]` : base;
  return column.nullable ? `${type} | null` : type;
}

const pascal = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** The TypeScript source of schema.generated.ts (formatted as Biome formats it). */
export function renderSchemaTypes(columns: readonly ColumnInfo[]): string {
  const tables = new Map<string, ColumnInfo[]>();
  for (const column of columns) {
    const list = tables.get(column.table) ?? [];
    list.push(column);
    tables.set(column.table, list);
  }
  const names = [...tables.keys()].sort();
  const lines = [
    '// Generated from the migrated schema by packages/server/src/platform/db-types/generate.ts: do not edit.',
    `// Regenerate after changing a migration: \`${REGENERATE_COMMAND}\`. \`npm test\` fails while this`,
    `// file is stale (\`${CHECK_COMMAND}\`). Each column has the TypeScript type the driver returns`,
    '// (db.ts: the same on PGlite and pg); repositories derive their row types from `Tables`.',
    '',
  ];
  for (const table of names) {
    lines.push(`export interface ${pascal(table)}Table {`);
    for (const column of tables.get(table) ?? []) lines.push(`  ${column.column}: ${tsTypeOf(column)};`);
    lines.push('}', '');
  }
  lines.push('export interface Tables {');
  for (const table of names) lines.push(`  ${table}: ${pascal(table)}Table;`);
  lines.push('}', '');
  return lines.join('\n');
}

/** The columns of every table and view of the application schema, in column order. */
export async function readColumns(db: Queryable): Promise<ColumnInfo[]> {
  const r = await db.query<ColumnInfo>(
    `SELECT c.relname AS "table", a.attname AS "column", t.typname AS "type", NOT a.attnotnull AS nullable
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
        AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  return r.rows;
}

/** Migrates a fresh in-memory PGlite database with the project's migrations and renders its types. */
export async function generateSchemaTypes(): Promise<string> {
  const db = await openPglite(undefined);
  try {
    await migrate(db);
    return renderSchemaTypes(await readColumns(db));
  } finally {
    await db.close();
  }
}

/** Undefined when `file` holds exactly `expected`, else what is wrong and the command that fixes it. */
export async function staleness(file: string, expected: string): Promise<string | undefined> {
  const actual = await readFile(file, 'utf8').catch(() => undefined);
  if (actual === expected) return undefined;
  const what = actual === undefined ? 'is missing' : 'is stale: the migrations no longer match it';
  return `${relative(process.cwd(), file)} ${what}. Run \`${REGENERATE_COMMAND}\` and commit the file.`;
}
