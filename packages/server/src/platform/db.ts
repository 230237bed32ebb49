import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';

/**
 * One small interface over both engines so that services and repositories never know which one runs:
 * PGlite (embedded, in-process) or a PostgreSQL server through a pool.
 *
 * Type mapping is the same on both: timestamptz -> Date, date -> 'YYYY-MM-DD' string (a life-event
 * date has no time zone), int8 -> number (ids and counts stay far below 2^53), numeric -> string
 * (money is never a float).
 */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
  /** Runs several statements at once (migrations, scripts); no parameters. */
  exec(sql: string): Promise<void>;
}

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Embedded database only: a compressed tarball of the data directory (backup). */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. `settings`
   * are set transaction-locally (`set_config(name, value, true)`) before `fn` runs; on a server they
   * travel with BEGIN in one round trip.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, settings?: TransactionSettings): Promise<T>;
  close(): Promise<void>;
}

/** Configuration parameters set for one transaction only (`set_config(name, value, true)`). */
export type TransactionSettings = Readonly<Record<string, string>>;

/**
 * The statement that applies `settings`; `render` turns a name or value into SQL (a quoted literal
 * on a server, where it travels with BEGIN in the simple protocol; a parameter on PGlite).
 */
const settingsSql = (settings: TransactionSettings, render: (value: string) => string) =>
  `SELECT ${Object.entries(settings)
    .map(([name, value]) => `set_config(${render(name)}, ${render(value)}, true)`)
    .join(', ')}`;

const OID = { int8: 20, date: 1082, timestamptz: 1184, timestamp: 1114, numeric: 1700 } as const;

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    // The same contrib extensions a PostgreSQL server ships (Debian: postgresql-contrib is built in).
    extensions: { pg_trgm, fuzzystrmatch, unaccent, btree_gin },
    parsers: {
      [OID.int8]: (v: string) => Number(v),
      [OID.date]: (v: string) => v,
      [OID.numeric]: (v: string) => v,
    },
  });
  return pgliteDatabase(db);
}

/** The Database interface over a PGlite instance (also for benchmarks that open PGlite themselves). */
export function pgliteDatabase(db: PGlite): Database {
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query<T>(sql, params as unknown[]);
      // PGlite reports affectedRows 0 for SELECT; count the rows then, like pg does.
      return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
    },
    async exec(sql) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(db),
    transaction: (fn, settings) =>
      db.transaction(async (tx) => {
        if (settings && Object.keys(settings).length > 0) {
          const params: string[] = [];
          await tx.query(
            settingsSql(settings, (v) => `$${params.push(v)}`),
            params,
          );
        }
        return fn(wrap(tx));
      }),
    dumpDataDir: () => db.dumpDataDir('gzip'),
    close: () => db.close(),
  };
}

// pg type parsers are process-global; they are set once, consistently with the PGlite parsers above.
pg.types.setTypeParser(OID.int8, (v) => Number(v));
pg.types.setTypeParser(OID.date, (v) => v);
pg.types.setTypeParser(OID.numeric, (v) => v);

/**
 * Statements with parameters run as named prepared statements, once per connection: the server then
 * keeps their parse tree and, after a few executions, a generic plan. Planning dominated the cost of
 * the app's short queries (about 0.5 ms to plan a primary-key lookup under the row-level security
 * policies, 0.05 ms to run it). SQL that embeds literals (the cohort report plans per filter) would
 * prepare a statement per variant, so a connection prepares at most PREPARED_PER_CONNECTION and runs
 * the rest unnamed; the pool closes idle connections, which frees their statements.
 */
const PREPARED_PER_CONNECTION = 500;
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();
const statementNames = new Map<string, string>();

function prepared(client: pg.PoolClient, text: string, params: readonly unknown[]): pg.QueryConfig {
  const values = params as unknown[];
  if (values.length === 0) return { text, values };
  let name = statementNames.get(text);
  if (!name) {
    name = `lotse_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    if (statementNames.size >= 10 * PREPARED_PER_CONNECTION) statementNames.clear();
    statementNames.set(text, name);
  }
  let names = preparedOn.get(client);
  if (!names) {
    names = new Set();
    preparedOn.set(client, names);
  }
  if (!names.has(name)) {
    if (names.size >= PREPARED_PER_CONNECTION) return { text, values };
    names.add(name);
  }
  return { name, text, values };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'lotse' });
  // An idle pooled connection that the server ends (restart, pg_terminate_backend, DROP DATABASE ...
  // FORCE) emits 'error'; unhandled, that would crash the process. The pool drops the connection and
  // the next query opens a new one or fails with a proper error.
  pool.on('error', () => undefined);
  // Fail fast with a clear error when the server is unreachable, instead of at the first request.
  const probe = await pool.connect();
  probe.release();
  const wrap = (q: pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query(prepared(q, sql, params));
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql) {
      await q.query(sql);
    },
  });
  const withClient = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgres',
    query: (sql, params) => withClient((client) => wrap(client).query(sql, params)),
    exec: (sql) => withClient((client) => wrap(client).exec(sql)),
    transaction: (fn, settings) =>
      withClient(async (client) => {
        try {
          // One simple-protocol round trip for BEGIN and the settings (quoted as literals: the
          // simple protocol takes no parameters).
          await client.query(
            settings && Object.keys(settings).length > 0
              ? `BEGIN; ${settingsSql(settings, (v) => client.escapeLiteral(v))}`
              : 'BEGIN',
          );
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }),
    close: () => pool.end(),
  };
}
