import { PGlite } from '@electric-sql/pglite';
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
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const OID = { int8: 20, date: 1082, timestamptz: 1184, timestamp: 1114, numeric: 1700 } as const;

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    // The same contrib extensions a PostgreSQL server ships (Debian: postgresql-contrib is built in).
    extensions: { pg_trgm, fuzzystrmatch, unaccent },
    parsers: {
      [OID.int8]: (v: string) => Number(v),
      [OID.date]: (v: string) => v,
      [OID.numeric]: (v: string) => v,
    },
  });
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
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    dumpDataDir: () => db.dumpDataDir('gzip'),
    close: () => db.close(),
  };
}

// pg type parsers are process-global; they are set once, consistently with the PGlite parsers above.
pg.types.setTypeParser(OID.int8, (v) => Number(v));
pg.types.setTypeParser(OID.date, (v) => v);
pg.types.setTypeParser(OID.numeric, (v) => v);

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'lotse' });
  // An idle pooled connection that the server ends (restart, pg_terminate_backend, DROP DATABASE ...
  // FORCE) emits 'error'; unhandled, that would crash the process. The pool drops the connection and
  // the next query opens a new one or fails with a proper error.
  pool.on('error', () => undefined);
  // Fail fast with a clear error when the server is unreachable, instead of at the first request.
  const probe = await pool.connect();
  probe.release();
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const r = await q.query(sql, params as unknown[]);
      return { rows: r.rows as T[], rowCount: r.rowCount ?? r.rows.length };
    },
    async exec(sql) {
      await q.query(sql);
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
