import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Database } from './db.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** Arbitrary constant: serialises migration runs of several app instances on one server. */
const MIGRATION_LOCK = 7_402_113;

export interface Migration {
  version: string;
  sql: string;
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (f) => ({ version: f.replace(/\.sql$/, ''), sql: await readFile(dir + f, 'utf8') })),
  );
}

/**
 * Applies the pending numbered SQL migrations, forward-only, each with its bookkeeping row in one
 * transaction. An advisory lock makes concurrent starts of several instances safe.
 * Returns the versions applied by this call.
 */
export async function migrate(db: Database, migrations?: Migration[]): Promise<string[]> {
  const all = migrations ?? (await loadMigrations());
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  for (const m of all) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (done.rowCount > 0) return;
      // Tables are FORCE ROW LEVEL SECURITY: data changes in migrations must see every agency's rows.
      await tx.query(`SELECT set_config('lotse.scope', 'system', true)`);
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    });
  }
  if (applied.length > 0) {
    // Row-level security forced with the system_scope policy on every table that has row-level
    // security, SECURITY DEFINER functions owned by lotse_definer: also for tables and functions of
    // migrations written without knowing (decision 0007). Takes no lock when all is in place.
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const fn = await tx.query(`SELECT 1 FROM pg_proc WHERE proname = 'lotse_protect_all'`);
      if (fn.rowCount > 0) await tx.query('SELECT lotse_protect_all()');
    });
  }
  return applied;
}
