import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { type Database, openPglite, openPostgres } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';
import { createRoleStatements, databaseUrl, grantAppRoleStatement, withClient } from './pg-cluster.ts';

/**
 * A fresh, migrated database for one test file, on the engine the test project names
 * (LOTSE_TEST_DB=pglite|postgres). On PostgreSQL it is a new database that `drop` removes again.
 *
 * On PostgreSQL the set-up is the production one (OPERATIONS.md): the database belongs to a
 * non-superuser owner role that runs the migrations, and the app connects as a login role that is
 * only a member of lotse_app. Both roles are cluster-wide and shared by all test databases; they
 * are created once, tolerate parallel creators and stay behind (databases do not).
 */
export interface TestDatabase {
  /** Superuser connection (PGlite: the one connection) for tests that inspect or tamper with data. */
  db: Database;
  /** For PostgreSQL: a superuser connection URL of this database (for child processes such as the CLI). */
  url: string | undefined;
  /** The connection the app serves requests on (PostgreSQL: the app login role; PGlite: `db`). */
  appDb: Database;
  /** For PostgreSQL: the app role's URL (DATABASE_URL of a production set-up). */
  appUrl: string | undefined;
  /** For PostgreSQL: the owner role's URL (LOTSE_OWNER_DATABASE_URL of a production set-up). */
  ownerUrl: string | undefined;
  drop(): Promise<void>;
}

/** Keys under which db-template.setup.ts provides the migrated template of this run. */
export const PGLITE_TEMPLATE_KEY = 'lotsePgliteTemplate';
export const PG_TEMPLATE_KEY = 'lotsePgTemplate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of a gzipped PGlite data directory, migrated. */
    lotsePgliteTemplate: string;
    /** Name of a migrated PostgreSQL database to copy. */
    lotsePgTemplate: string;
  }
}

export const TEST_OWNER_ROLE = 'lotse_test_owner';
export const TEST_APP_ROLE = 'lotse_test_app';

export const testEngine = (): 'pglite' | 'postgres' => {
  const engine = process.env.LOTSE_TEST_DB ?? 'pglite';
  if (engine !== 'pglite' && engine !== 'postgres')
    throw new Error(`LOTSE_TEST_DB must be pglite or postgres, not ${engine}`);
  return engine;
};

const adminUrl = () => process.env.LOTSE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const urlFor = (database: string, user?: string) => databaseUrl(adminUrl(), database, user);

/** Runs `sql` as the cluster superuser. */
async function asAdmin(sql: string, database = 'postgres'): Promise<void> {
  await withClient(urlFor(database), (admin) => admin.query(sql));
}

/**
 * Creates database `name` owned by the owner role, as a copy of `template` when given, and brings it
 * to the current schema (a no-op for a current template). Returns how to drop it again.
 */
export async function createPostgresDb(
  name: string,
  template?: string,
): Promise<{ name: string; drop(): Promise<void> }> {
  for (const statement of createRoleStatements(TEST_OWNER_ROLE, TEST_APP_ROLE)) await asAdmin(statement);
  await asAdmin(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''} OWNER ${TEST_OWNER_ROLE}`);
  const drop = () => asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  try {
    const owner = await openPostgres(urlFor(name, TEST_OWNER_ROLE), 1);
    try {
      await migrate(owner);
    } finally {
      await owner.close();
    }
    await asAdmin(grantAppRoleStatement(TEST_APP_ROLE));
  } catch (err) {
    await drop();
    throw err;
  }
  return { name, drop };
}

/** The run's template (see db-template.setup.ts), if this project has one. */
function provided<K extends typeof PGLITE_TEMPLATE_KEY | typeof PG_TEMPLATE_KEY>(key: K): string | undefined {
  return process.env.VITEST ? inject(key) : undefined;
}

export async function createTestDb(engine = testEngine()): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const template = provided(PGLITE_TEMPLATE_KEY);
    const db = await openPglite(undefined, template ? new Blob([readFileSync(template)]) : undefined);
    await migrate(db);
    return { db, url: undefined, appDb: db, appUrl: undefined, ownerUrl: undefined, drop: () => db.close() };
  }
  const { name, drop } = await createPostgresDb(
    `lotse_test_${randomBytes(6).toString('hex')}`,
    provided(PG_TEMPLATE_KEY),
  );
  const dbs: Database[] = [];
  try {
    dbs.push(await openPostgres(urlFor(name), 5));
    dbs.push(await openPostgres(urlFor(name, TEST_APP_ROLE), 5));
  } catch (err) {
    for (const d of dbs) await d.close();
    await drop();
    throw err;
  }
  const [db, appDb] = dbs as [Database, Database];
  return {
    db,
    url: urlFor(name),
    appDb,
    appUrl: urlFor(name, TEST_APP_ROLE),
    ownerUrl: urlFor(name, TEST_OWNER_ROLE),
    async drop() {
      await appDb.close();
      await db.close();
      await drop();
    },
  };
}
