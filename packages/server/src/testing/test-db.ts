import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openPglite, openPostgres } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';

/**
 * A fresh, migrated database for one test file, on the engine the test project names
 * (LOTSE_TEST_DB=pglite|postgres). On PostgreSQL it is a new database that `drop` removes again.
 */
export interface TestDatabase {
  db: Database;
  /** For PostgreSQL: a connection URL of this database (for child processes such as the CLI). */
  url: string | undefined;
  drop(): Promise<void>;
}

export const testEngine = (): 'pglite' | 'postgres' => {
  const engine = process.env.LOTSE_TEST_DB ?? 'pglite';
  if (engine !== 'pglite' && engine !== 'postgres')
    throw new Error(`LOTSE_TEST_DB must be pglite or postgres, not ${engine}`);
  return engine;
};

const adminUrl = () => process.env.LOTSE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDb(engine = testEngine()): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, url: undefined, drop: () => db.close() };
  }
  const name = `lotse_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), 5);
  await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}
