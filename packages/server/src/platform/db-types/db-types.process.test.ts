import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PROCESS_TEST_TIMEOUT } from '../../testing/processes.ts';
import { SCHEMA_TYPES_FILE } from './generate.ts';

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'lotse-db-types-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run db:types` the way npm does (tsx over cli.ts); resolves with exit code and output. */
function dbTypes(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/server/src/platform/db-types/cli.ts', ...args],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('db:types --check', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('fails naming the command when a column of the file no longer matches the migrations', async () => {
    const stale = path.join(dir, 'schema.generated.ts');
    const current = readFileSync(SCHEMA_TYPES_FILE, 'utf8');
    // A migration that renamed clients.first_name would leave exactly this behind.
    const renamed = current.replace(
      /(interface ClientsTable \{[^}]*?)\n {2}first_name:/,
      '$1\n  given_name:',
    );
    expect(renamed).not.toBe(current);
    writeFileSync(stale, renamed);

    const result = await dbTypes(['--check', '--out', stale]);
    expect(result.code).toBe(1);
    expect(result.output).toContain('is stale');
    expect(result.output).toContain('Run `npm run db:types`');
  });
});
