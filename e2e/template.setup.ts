/**
 * Global set-up of the e2e project: seeds one demo installation on the embedded database and hands
 * its data directory to the test files, which each start their own server on a copy of it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from './harness.ts';
import { E2E_TEMPLATE_KEY } from './template-key.ts';

const TEMPLATE_TIMEOUT_MS = 900_000;

export default async function setup(project: TestProject): Promise<() => void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lotse-e2e-template-'));
  // Seeding hashes every demo password and writes all demo data: on a busy machine this has taken
  // more than two minutes, so only a hang may end it.
  const server = await startServer(dataDir, TEMPLATE_TIMEOUT_MS);
  await server.stop();
  // A clean stop releases the lock; a copy must never look like a directory in use.
  if (existsSync(path.join(dataDir, 'lotse.lock'))) {
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`The template server did not stop cleanly:\n${server.output()}`);
  }
  project.provide(E2E_TEMPLATE_KEY, dataDir);
  return () => rmSync(dataDir, { recursive: true, force: true });
}
