/**
 * The data set the load and query-plan benchmarks measure on, built once and kept:
 *   PostgreSQL: 20 agencies x 25,000 clients (500,000 clients, ~2.5 million assessments) in the
 *               database `lotse_bench`, owned by a non-superuser owner role like a production set-up;
 *   PGlite:     one agency x 25,000 clients in a data directory on disk (bench/.data/pglite-1x25000).
 * A marker table (bench.data_set) names the generator version and size; a later run with the same
 * version and size reuses the data set (after applying new migrations), anything else rebuilds it.
 *
 * Run: node --import tsx bench/data-set.ts postgres            (build or reuse the large data set)
 *      node --import tsx bench/data-set.ts pglite              (build or reuse the small one)
 *      node --import tsx bench/data-set.ts postgres --drop     (drop it)
 *      node --import tsx bench/data-set.ts postgres --rebuild  (drop and build again)
 *      options: --agencies N --clients-per-agency N --database NAME --data-dir DIR --dry-run
 *      BENCH_PG_URL (else LOTSE_TEST_PG_URL, else postgres://postgres@127.0.0.1:5432/postgres):
 *      a superuser connection to the cluster.
 *
 * Loading: the schema comes from the project's migrations (migrate(), as the owner role); rows go in
 * with COPY, one connection per table, as the superuser with session_replication_role = replica, so
 * the foreign-key triggers do not check every row (the generator keeps the references consistent), and
 * the secondary indexes are dropped before and created again after the load (far faster than
 * maintaining them row by row). The rows fit the schema up to LOAD_SCHEMA (the migration the generator
 * was written against): the build migrates to it, loads, and then applies the later migrations, whose
 * own back-fills derive what they keep (summary tables, precomputed dates) set-based from the loaded
 * rows, exactly as an upgrade of a running installation does.
 */

import { once } from 'node:events';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { instrumentDefinition } from '@lotse/domain';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '../packages/server/src/features/auth/password-hash.ts';
import { DEMO_PASSWORD } from '../packages/server/src/features/demo/demo.seed.ts';
import { seedDistricts } from '../packages/server/src/features/demo/districts.demo.ts';
import type { Database, Queryable } from '../packages/server/src/platform/db.ts';
import { openPostgres, pgliteDatabase } from '../packages/server/src/platform/db.ts';
import { loadMigrations, migrate } from '../packages/server/src/platform/migrate.ts';
import {
  createRoleStatements,
  databaseUrl,
  grantAppRoleStatement,
  withClient,
} from '../packages/server/src/testing/pg-cluster.ts';
import {
  type AgencyPlan,
  AssessmentTemplates,
  adminEmail,
  agencyName,
  type Counts,
  type DataSetSize,
  GENERATOR_VERSION,
  generateAgency,
  guideEmail,
  LARGE,
  LOAD_SCHEMA,
  leadEmail,
  planAgency,
  rng,
  SMALL,
  TABLE_NAMES,
  TABLES,
  type Table,
  todayDayNumber,
} from './lib/data-set-rows.ts';

export { adminEmail, guideEmail, LARGE, leadEmail, SMALL } from './lib/data-set-rows.ts';
/** Every bench user signs in with the demo password (hashed once with the app's argon2id settings). */
export const BENCH_PASSWORD = DEMO_PASSWORD;
export const OWNER_ROLE = 'lotse_bench_owner';
export const APP_ROLE = 'lotse_bench_app';
export const DEFAULT_DATABASE = 'lotse_bench';
export const DEFAULT_PGLITE_DIR = fileURLToPath(new URL('./.data/', import.meta.url));

export const adminUrl = () =>
  process.env.BENCH_PG_URL ?? process.env.LOTSE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const pgUrl = (database: string, user?: string) => databaseUrl(adminUrl(), database, user);

export const pgliteDataDir = (size: DataSetSize, base = DEFAULT_PGLITE_DIR) =>
  path.join(base, `pglite-${size.agencies}x${size.clientsPerAgency}`);

export interface DataSetInfo {
  engine: 'postgres' | 'pglite';
  built: boolean;
  seconds: number;
  counts: Counts;
  /** PostgreSQL: superuser URL, owner URL and the app role's URL of the bench database. */
  url?: string;
  ownerUrl?: string;
  appUrl?: string;
  /** PGlite: LOTSE_DATA_DIR for the server (the database is its `pglite` folder). */
  dataDir?: string;
}

const MARKER = `CREATE SCHEMA IF NOT EXISTS bench;
  CREATE TABLE IF NOT EXISTS bench.data_set (
    version integer NOT NULL, agencies integer NOT NULL, clients_per_agency integer NOT NULL,
    status text NOT NULL, started_at timestamptz NOT NULL DEFAULT now(), build_seconds integer,
    counts jsonb)`;

interface Marker {
  version: number;
  agencies: number;
  clients_per_agency: number;
  status: string;
  build_seconds: number | null;
  counts: Counts | null;
}

async function readMarker(q: Queryable): Promise<Marker | undefined> {
  const exists = await q.query<{ t: string | null }>(`SELECT to_regclass('bench.data_set')::text AS t`);
  if (!exists.rows[0]?.t) return undefined;
  return (await q.query<Marker>('SELECT * FROM bench.data_set LIMIT 1')).rows[0];
}

const matches = (m: Marker | undefined, size: DataSetSize) =>
  m?.status === 'complete' &&
  m.version === GENERATOR_VERSION &&
  m.agencies === size.agencies &&
  m.clients_per_agency === size.clientsPerAgency;

// --- The load, shared by both engines -----------------------------------------------------------------

/** Where the generated lines of each table go. */
interface Loader {
  write(table: Table, lines: string): Promise<void> | undefined;
  finish(): Promise<void>;
}

interface IndexDef {
  name: string;
  def: string;
}

/** Secondary indexes of the loaded tables (not those behind primary keys or unique constraints). */
async function secondaryIndexes(q: Queryable): Promise<IndexDef[]> {
  return (
    await q.query<IndexDef>(
      `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relnamespace = 'public'::regnamespace AND t.relname = ANY ($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
        ORDER BY 1`,
      [TABLE_NAMES],
    )
  ).rows;
}

/** The migrations up to the schema the generator writes rows for. */
async function loadSchemaMigrations() {
  return (await loadMigrations()).filter((m) => m.version <= LOAD_SCHEMA);
}

/**
 * Loaded tables with triggers besides the foreign-key ones at the load schema: their triggers would be
 * skipped by the replica-mode load, so the generator must be taught to write what they maintain.
 */
async function refuseOwnTriggers(q: Queryable) {
  const triggered = await tablesWithOwnTriggers(q);
  if (triggered.length)
    throw new Error(
      `tables with triggers at ${LOAD_SCHEMA}: ${triggered.join(', ')}; teach bench/lib/data-set-rows.ts what they maintain`,
    );
}

/** Loaded tables that have triggers besides the foreign-key ones. */
async function tablesWithOwnTriggers(q: Queryable): Promise<string[]> {
  return (
    await q.query<{ t: string }>(
      `SELECT DISTINCT c.relname AS t FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
        WHERE NOT g.tgisinternal AND c.relnamespace = 'public'::regnamespace AND c.relname = ANY ($1)`,
      [TABLE_NAMES],
    )
  ).rows.map((r) => r.t);
}

/**
 * Creates the agencies, their districts and users (one argon2id hash for all), then streams every
 * agency's rows through the loader. Returns the row counts.
 */
async function generate(
  q: Queryable,
  size: DataSetSize,
  loader: Loader,
  log: (s: string) => void,
): Promise<Counts> {
  const now = new Date();
  const todayDay = todayDayNumber(now);
  const instrument = (
    await q.query<{ id: string; definition: unknown }>(
      `SELECT id, definition FROM instruments WHERE agency_id IS NULL AND key = 'teilhabe_bogen' AND version = 1`,
    )
  ).rows[0];
  if (!instrument) throw new Error('the default instrument (teilhabe_bogen v1) is missing');
  const def = instrumentDefinition.parse(instrument.definition);
  const dimensions = def.dimensions.filter((d) => d.kind === 'area').map((d) => d.key);
  const templates = new AssessmentTemplates(def);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const counts: Counts = {};
  for (let index = 0; index < size.agencies; index++) {
    const started = Date.now();
    const { clients, guides } = planAgency(index, size, todayDay);
    const ids = rng(31 * (index + 1));
    const agency = (
      await q.query<{ id: string }>(
        `INSERT INTO agencies (id, name, kind, created_at) VALUES ($1, $2, 'jobcenter', $3) RETURNING id`,
        [ids.uuid(), agencyName(index), now],
      )
    ).rows[0]?.id as string;
    await seedDistricts(q, agency, now);
    const plan: AgencyPlan = {
      index,
      id: agency,
      name: agencyName(index),
      adminId: ids.uuid(),
      leadId: ids.uuid(),
      guides: Array.from({ length: guides }, (_, g) => ({
        id: ids.uuid(),
        email: guideEmail(index, g),
        displayName: `Lotsin ${g + 1} (JC ${index + 1})`,
      })),
    };
    const users = [
      [plan.adminId, adminEmail(index), `Admin JC ${index + 1}`, ['admin']],
      [plan.leadId, leadEmail(index), `Leitung JC ${index + 1}`, ['lead']],
      ...plan.guides.map((g) => [g.id, g.email, g.displayName, ['caseworker']]),
    ];
    for (let start = 0; start < users.length; start += 500) {
      const chunk = users.slice(start, start + 500);
      const params: unknown[] = [agency, passwordHash, now];
      const values = chunk.map((u) => {
        params.push(...u);
        const n = params.length;
        return `($${n - 3}::uuid, $1::uuid, $${n - 2}, $${n - 1}, $${n}::text[], 'active', $2, $3::timestamptz, $3::timestamptz, $3::timestamptz)`;
      });
      await q.query(
        `INSERT INTO users (id, agency_id, email, display_name, roles, status, password_hash, password_changed_at,
                            created_at, updated_at) VALUES ${values.join(', ')}`,
        params,
      );
    }
    counts.users = (counts.users ?? 0) + users.length;
    counts.agencies = (counts.agencies ?? 0) + 1;
    await generateAgency(
      plan,
      clients,
      { todayDay, instrumentId: instrument.id, dimensions, templates, counts },
      (table, lines) => loader.write(table, lines),
    );
    log(
      `  agency ${index + 1}/${size.agencies}: ${guides} guides, ${clients.length} clients (${((Date.now() - started) / 1000).toFixed(1)} s)`,
    );
  }
  await loader.finish();
  return counts;
}

/** Marks the build as begun and drops the secondary indexes (created again after the load). */
async function beginLoad(q: Queryable, size: DataSetSize): Promise<IndexDef[]> {
  await q.exec(MARKER);
  await q.query(
    `INSERT INTO bench.data_set (version, agencies, clients_per_agency, status) VALUES ($1, $2, $3, 'building')`,
    [GENERATOR_VERSION, size.agencies, size.clientsPerAgency],
  );
  const indexes = await secondaryIndexes(q);
  for (const ix of indexes) await q.query(`DROP INDEX ${ix.name}`);
  await refuseOwnTriggers(q);
  return indexes;
}

/** Analyses the loaded data set, counts its rows and marks the build complete. */
async function finishLoad(q: Queryable, started: number): Promise<{ counts: Counts; seconds: number }> {
  await q.exec('VACUUM (ANALYZE)');
  const counts = (await q.query<Counts>(countSql)).rows[0] as Counts;
  const seconds = Math.round((Date.now() - started) / 1000);
  await q.query(`UPDATE bench.data_set SET status = 'complete', build_seconds = $1, counts = $2`, [
    seconds,
    JSON.stringify(counts),
  ]);
  return { counts, seconds };
}

async function rebuildIndexes(q: Queryable, indexes: IndexDef[], log: (s: string) => void) {
  for (const ix of indexes) {
    const started = Date.now();
    await q.query(ix.def);
    log(`  index ${ix.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

const countSql = `SELECT ${['agencies', 'users', ...TABLE_NAMES]
  .map((t) => `(SELECT count(*) FROM ${t})::int AS ${t}`)
  .join(', ')}`;

function printCounts(counts: Counts, log: (s: string) => void) {
  log(
    `rows: ${Object.entries(counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ')}`,
  );
}

// --- PostgreSQL ---------------------------------------------------------------------------------------

const asAdmin = <T>(fn: (c: pg.Client) => Promise<T>, database = 'postgres') =>
  withClient(pgUrl(database), fn);

export async function dropPostgresDataSet(database = DEFAULT_DATABASE): Promise<void> {
  await asAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
}

async function databaseExists(database: string): Promise<boolean> {
  return asAdmin(
    async (c) =>
      ((await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount ?? 0) > 0,
  );
}

/** A loader with one COPY stream (and connection) per table. */
async function postgresLoader(url: string, replicaTables: Set<string>): Promise<Loader> {
  const streams = new Map<Table, { client: pg.Client; stream: NodeJS.WritableStream; done: Promise<void> }>();
  const open = async (table: Table) => {
    const client = new pg.Client({ connectionString: url, application_name: 'lotse-bench-load' });
    await client.connect();
    if (replicaTables.has(table)) await client.query('SET session_replication_role = replica');
    await client.query('SET synchronous_commit = off');
    const stream = client.query(copyFrom(`COPY ${table} (${TABLES[table].join(', ')}) FROM STDIN`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    done.catch(() => undefined);
    const entry = { client, stream, done };
    streams.set(table, entry);
    return entry;
  };
  const opening = new Map<Table, Promise<Awaited<ReturnType<typeof open>>>>();
  return {
    async write(table, lines) {
      let p = opening.get(table);
      if (!p) {
        p = open(table);
        opening.set(table, p);
      }
      const { stream } = await p;
      if (!stream.write(lines)) await once(stream, 'drain');
    },
    async finish() {
      await Promise.all(
        [...opening.values()].map(async (p) => {
          const { client, stream, done } = await p;
          stream.end();
          await done;
          await client.end();
        }),
      );
    },
  };
}

export interface BuildOptions {
  size?: DataSetSize;
  database?: string;
  rebuild?: boolean;
  log?: (s: string) => void;
}

/** Builds the PostgreSQL data set, or reuses it when the marker says it has this version and size. */
export async function ensurePostgresDataSet(options: BuildOptions = {}): Promise<DataSetInfo> {
  const size = options.size ?? LARGE;
  const database = options.database ?? DEFAULT_DATABASE;
  const log = options.log ?? ((s: string) => console.log(s));
  const info = {
    engine: 'postgres' as const,
    url: pgUrl(database),
    ownerUrl: pgUrl(database, OWNER_ROLE),
    appUrl: pgUrl(database, APP_ROLE),
  };
  if (!options.rebuild && (await databaseExists(database))) {
    const marker = await asAdmin(
      async (c) => (await readMarker(wrapClient(c))) as Marker | undefined,
      database,
    ).catch(() => undefined);
    if (matches(marker, size) && marker) {
      // New migrations since the build apply to the kept data, as an upgrade would.
      const owner = await openPostgres(info.ownerUrl, 1);
      try {
        const applied = await migrate(owner);
        if (applied.length) log(`applied migrations to the kept data set: ${applied.join(', ')}`);
      } finally {
        await owner.close();
      }
      log(
        `reusing data set ${database} (generator v${marker.version}, ${size.agencies} x ${size.clientsPerAgency}, built in ${marker.build_seconds} s)`,
      );
      return { ...info, built: false, seconds: marker.build_seconds ?? 0, counts: marker.counts ?? {} };
    }
    log(`data set ${database} is missing, incomplete or of another version/size: rebuilding`);
  }
  await dropPostgresDataSet(database);
  const started = Date.now();
  await asAdmin(async (c) => {
    for (const statement of createRoleStatements(OWNER_ROLE, APP_ROLE)) await c.query(statement);
    await c.query(`CREATE DATABASE ${database} OWNER ${OWNER_ROLE}`);
  });
  const owner = await openPostgres(info.ownerUrl, 1);
  try {
    await migrate(owner, await loadSchemaMigrations());
  } finally {
    await owner.close();
  }
  await asAdmin((c) => c.query(grantAppRoleStatement(APP_ROLE)));
  const db = await openPostgres(info.url, 2);
  try {
    const indexes = await beginLoad(db, size);
    const replica = new Set<string>(TABLE_NAMES);
    log(`building ${database}: ${size.agencies} agencies x ${size.clientsPerAgency} clients`);
    const loader = await postgresLoader(info.url, replica);
    await generate(db, size, loader, log);
    const loaded = Date.now();
    log(`rows loaded in ${Math.round((loaded - started) / 1000)} s; creating ${indexes.length} indexes`);
    await db.query(`SET maintenance_work_mem = '512MB'`);
    await rebuildIndexes(db, indexes, log);
    const upgrade = await openPostgres(info.ownerUrl, 1);
    try {
      const applied = await migrate(upgrade);
      if (applied.length) log(`migrations after the load: ${applied.join(', ')}`);
    } finally {
      await upgrade.close();
    }
    const { counts, seconds } = await finishLoad(db, started);
    log(`built ${database} in ${seconds} s`);
    return { ...info, built: true, seconds, counts };
  } finally {
    await db.close();
  }
}

function wrapClient(c: pg.Client): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await c.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  };
}

// --- PGlite -------------------------------------------------------------------------------------------

/** The same extensions the app loads (platform/db.ts). */
const openRawPglite = (dataDir: string) =>
  PGlite.create({ dataDir, extensions: { pg_trgm, fuzzystrmatch, unaccent, btree_gin } });

const wrapPglite = (p: PGlite): Database => pgliteDatabase(p);

/** PGlite has one connection: lines are gathered per table and copied from a blob every ~16 MB. */
function pgliteLoader(p: PGlite): Loader {
  const bufs = new Map<Table, { parts: string[]; bytes: number }>();
  const copy = async (table: Table) => {
    const b = bufs.get(table);
    if (!b || b.parts.length === 0) return;
    const blob = new Blob(b.parts);
    bufs.set(table, { parts: [], bytes: 0 });
    const started = Date.now();
    await p.query(`COPY ${table} (${TABLES[table].join(', ')}) FROM '/dev/blob'`, [], { blob });
    if (process.env.BENCH_DEBUG) console.log(`  copy ${table} ${blob.size} bytes ${Date.now() - started} ms`);
  };
  let chain = Promise.resolve();
  return {
    write(table, lines) {
      const b = bufs.get(table) ?? { parts: [], bytes: 0 };
      b.parts.push(lines);
      b.bytes += lines.length;
      bufs.set(table, b);
      if (b.bytes > 16_000_000) {
        chain = chain.then(() => copy(table));
        return chain;
      }
      return undefined;
    },
    async finish() {
      await chain;
      for (const t of TABLE_NAMES) await copy(t);
    },
  };
}

export interface PgliteBuildOptions {
  size?: DataSetSize;
  /** The server's LOTSE_DATA_DIR; the database is its `pglite` folder. */
  dataDir?: string;
  rebuild?: boolean;
  log?: (s: string) => void;
}

export function dropPgliteDataSet(dataDir: string) {
  rmSync(dataDir, { recursive: true, force: true });
}

export async function ensurePgliteDataSet(options: PgliteBuildOptions = {}): Promise<DataSetInfo> {
  const size = options.size ?? SMALL;
  const dataDir = options.dataDir ?? pgliteDataDir(size);
  const log = options.log ?? ((s: string) => console.log(s));
  const dbDir = path.join(dataDir, 'pglite');
  if (!options.rebuild && existsSync(dbDir)) {
    const p = await openRawPglite(dbDir);
    const db = wrapPglite(p);
    try {
      const marker = await readMarker(db).catch(() => undefined);
      if (matches(marker, size) && marker) {
        const applied = await migrate(db);
        if (applied.length) log(`applied migrations to the kept data set: ${applied.join(', ')}`);
        log(
          `reusing PGlite data set ${dataDir} (generator v${marker.version}, built in ${marker.build_seconds} s)`,
        );
        return {
          engine: 'pglite',
          dataDir,
          built: false,
          seconds: marker.build_seconds ?? 0,
          counts: marker.counts ?? {},
        };
      }
    } finally {
      await db.close();
    }
    log(`PGlite data set ${dataDir} is incomplete or of another version/size: rebuilding`);
  }
  dropPgliteDataSet(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const started = Date.now();
  const p = await openRawPglite(dbDir);
  const db = wrapPglite(p);
  try {
    await migrate(db, await loadSchemaMigrations());
    log(`migrated in ${Math.round((Date.now() - started) / 1000)} s`);
    const indexes = await beginLoad(db, size);
    await db.query('SET session_replication_role = replica');
    log(
      `building PGlite data set in ${dataDir}: ${size.agencies} agencies x ${size.clientsPerAgency} clients`,
    );
    await generate(db, size, pgliteLoader(p), log);
    await db.query('SET session_replication_role = origin');
    log(`rows loaded in ${Math.round((Date.now() - started) / 1000)} s; creating ${indexes.length} indexes`);
    await rebuildIndexes(db, indexes, log);
    const applied = await migrate(db);
    if (applied.length) log(`migrations after the load: ${applied.join(', ')}`);
    const { counts, seconds } = await finishLoad(db, started);
    log(`built ${dataDir} in ${seconds} s`);
    return { engine: 'pglite', dataDir, built: true, seconds, counts };
  } finally {
    await db.close();
  }
}

// --- CLI ----------------------------------------------------------------------------------------------

/** `--name value` options of a command line. */
export function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

export function sizeFromArgs(argv: string[], engine: 'postgres' | 'pglite'): DataSetSize {
  const base = engine === 'postgres' ? LARGE : SMALL;
  const agencies = Number(option(argv, 'agencies') ?? base.agencies);
  const clientsPerAgency = Number(option(argv, 'clients-per-agency') ?? base.clientsPerAgency);
  if (
    !Number.isInteger(agencies) ||
    agencies < 1 ||
    !Number.isInteger(clientsPerAgency) ||
    clientsPerAgency < 1
  )
    throw new Error('--agencies and --clients-per-agency must be positive whole numbers');
  return { agencies, clientsPerAgency };
}

/** Counts what a size would give without any database (to tune the proportions). */
async function dryRun(size: DataSetSize) {
  const todayDay = todayDayNumber();
  const counts: Counts = {};
  const fakeDef = { dimensions: [] } as unknown as ConstructorParameters<typeof AssessmentTemplates>[0];
  const templates = { profiles: 512, get: () => ({ answers: '{}', scores: '[]', total: 50 }) };
  let bytes = 0;
  let guides = 0;
  for (let index = 0; index < size.agencies; index++) {
    const plan = planAgency(index, size, todayDay);
    guides += plan.guides;
    const ids = rng(index);
    await generateAgency(
      {
        index,
        id: ids.uuid(),
        name: agencyName(index),
        adminId: ids.uuid(),
        leadId: ids.uuid(),
        guides: Array.from({ length: plan.guides }, () => ({ id: ids.uuid(), email: '', displayName: '' })),
      },
      plan.clients,
      {
        todayDay,
        instrumentId: ids.uuid(),
        dimensions: ['health', 'housing', 'finances'],
        templates: templates as unknown as AssessmentTemplates,
        counts,
      },
      (_t, lines) => {
        bytes += lines.length;
        return undefined;
      },
    );
  }
  void fakeDef;
  console.log(`dry run: ${guides} guides`);
  printCounts(counts, console.log);
  console.log(`~${Math.round(bytes / 1e6)} MB of COPY text without assessment JSON`);
}

async function cli() {
  const argv = process.argv.slice(2);
  const engine = argv[0];
  if (engine !== 'postgres' && engine !== 'pglite') {
    console.error(
      'usage: node --import tsx bench/data-set.ts postgres|pglite [--agencies N] [--clients-per-agency N] [--drop] [--rebuild] [--database NAME] [--data-dir DIR] [--dry-run]',
    );
    process.exit(2);
  }
  const size = sizeFromArgs(argv, engine);
  if (argv.includes('--dry-run')) return dryRun(size);
  if (engine === 'postgres') {
    const database = option(argv, 'database') ?? DEFAULT_DATABASE;
    if (argv.includes('--drop')) {
      await dropPostgresDataSet(database);
      console.log(`dropped database ${database}`);
      return;
    }
    const info = await ensurePostgresDataSet({ size, database, rebuild: argv.includes('--rebuild') });
    printCounts(info.counts, console.log);
    console.log(`superuser URL: ${info.url}\napp URL:       ${info.appUrl}\nowner URL:     ${info.ownerUrl}`);
  } else {
    const dataDir = option(argv, 'data-dir') ?? pgliteDataDir(size);
    if (argv.includes('--drop')) {
      dropPgliteDataSet(dataDir);
      console.log(`removed ${dataDir}`);
      return;
    }
    const info = await ensurePgliteDataSet({ size, dataDir, rebuild: argv.includes('--rebuild') });
    printCounts(info.counts, console.log);
    console.log(`LOTSE_DATA_DIR=${info.dataDir}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  cli().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
