/**
 * Global set-up of the integration projects: migrates one template database per run so that each
 * test file starts from a copy instead of running every migration again (PGlite: initdb and the
 * migrations cost far more than loading a dump; PostgreSQL: CREATE DATABASE ... TEMPLATE copies files).
 * test-db.ts picks the template up through vitest's provide/inject and still checks it is current.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../platform/db.ts';
import { migrate } from '../platform/migrate.ts';
import { createPostgresDb, PG_TEMPLATE_KEY, PGLITE_TEMPLATE_KEY, testEngine } from './test-db.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The project's `env` reaches the test workers, not this process.
  const engine = project.config.env?.LOTSE_TEST_DB ?? testEngine();
  if (engine === 'pglite') {
    const db = await openPglite(undefined);
    let dump: Blob;
    try {
      await migrate(db);
      dump = await (db.dumpDataDir as () => Promise<Blob>)();
    } finally {
      await db.close();
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'lotse-test-template-'));
    const file = path.join(dir, 'pglite.tar.gz');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide(PGLITE_TEMPLATE_KEY, file);
    return async () => rmSync(dir, { recursive: true, force: true });
  }
  const template = await createPostgresDb(`lotse_test_template_${randomBytes(6).toString('hex')}`);
  project.provide(PG_TEMPLATE_KEY, template.name);
  return () => template.drop();
}
