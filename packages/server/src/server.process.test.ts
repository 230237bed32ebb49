import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, PROCESS_TEST_TIMEOUT, startProcess, waitForHealth } from './testing/processes.ts';
import { createTestDb } from './testing/test-db.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'lotse-proc-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const login = (base: string, email: string, password = 'Lotse-Demo-2026') =>
  fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

// Each test waits for readiness and process exits, never for a fixed time: a loaded machine makes them
// slower, not red. The timeout only ends a test whose process hangs.
describe('[trust #20] embedded database (demo mode)', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('starts with demo data, refuses a second process on the same data directory, stops cleanly and restarts', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const env = { LOTSE_DATA_DIR: dataDir, PORT: String(port), LOTSE_WEB_DIST: '/nonexistent' };
    const base = `http://127.0.0.1:${port}`;
    const first = startProcess('main', [], env);
    expect(await waitForHealth(base, first)).toEqual({ status: 'ok', database: 'pglite' });
    expect(first.output()).toMatch(/DEMO MODE/);
    expect(first.output()).toContain('admin@jc-en.example');
    expect(existsSync(path.join(dataDir, 'lotse.lock'))).toBe(true);
    expect((await login(base, 'lotse@jc-en.example')).status).toBe(200);

    const second = startProcess('main', [], { ...env, PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/in use by another Lotse process/);

    const cliWhileRunning = startProcess('cli', ['audit', 'verify'], env);
    expect(await cliWhileRunning.exited).toBe(1);
    expect(cliWhileRunning.output()).toMatch(/in use by another Lotse process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'lotse.lock'))).toBe(false);

    const verify = startProcess('cli', ['audit', 'verify'], env);
    expect(await verify.exited).toBe(0);
    expect(verify.output()).toMatch(/Audit log intact/);

    const backupFile = path.join(tempDir(), 'lotse-backup.tar.gz');
    const backup = startProcess('cli', ['backup', '--out', backupFile], env);
    expect(await backup.exited).toBe(0);
    const restoredDir = tempDir();
    const restore = startProcess('cli', ['restore', '--from', backupFile], {
      ...env,
      LOTSE_DATA_DIR: restoredDir,
    });
    expect(await restore.exited).toBe(0);
    expect(restore.output()).toMatch(/4 agencies/);
    const overwrite = startProcess('cli', ['restore', '--from', backupFile], env);
    expect(await overwrite.exited).toBe(1);
    expect(overwrite.output()).toMatch(/only into an empty/);

    const again = startProcess('main', [], env);
    await waitForHealth(base, again);
    const res = await login(base, 'lotse@jc-en.example');
    expect(res.status).toBe(200);
    expect(again.output()).not.toMatch(/demo installation created/);
    again.child.kill('SIGINT');
    expect(await again.exited).toBe(0);
  });

  it('refuses to start with invalid configuration and says why', async () => {
    const bad = startProcess('main', [], {
      LOTSE_DATA_DIR: tempDir(),
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
    });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toMatch(/PORT/);
    expect(bad.output()).toMatch(/DATABASE_URL: must be a postgres/);
  });
});

describe('[trust #20] PostgreSQL server (production mode)', { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it('never seeds demo data; an administrator is created with the CLI', async () => {
    const pg = await createTestDb('postgres');
    try {
      const port = await freePort();
      const env = {
        // The production set-up: requests as a login role that owns nothing, migrations and CLI as owner.
        DATABASE_URL: pg.appUrl as string,
        LOTSE_OWNER_DATABASE_URL: pg.ownerUrl as string,
        PORT: String(port),
        LOTSE_DATA_DIR: tempDir(),
        LOTSE_WEB_DIST: '/nonexistent',
      };
      const base = `http://127.0.0.1:${port}`;
      const server = startProcess('main', [], env);
      expect(await waitForHealth(base, server)).toEqual({ status: 'ok', database: 'postgres' });
      expect(server.output()).not.toMatch(/DEMO MODE/);
      expect((await login(base, 'admin@jc-en.example')).status).toBe(401);

      const create = startProcess(
        'cli',
        [
          'admin',
          'create',
          '--email',
          'it@jobcenter-hagen.example',
          '--name',
          'Ida Technik',
          '--agency',
          'Jobcenter Hagen',
          '--password-stdin',
        ],
        env,
        'Sonnenblumen am Hengsteysee\n',
      );
      expect(await create.exited).toBe(0);
      const res = await login(base, 'it@jobcenter-hagen.example', 'Sonnenblumen am Hengsteysee');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { user: { roles: string[]; agency: { name: string } }; mfa: string };
      expect(body.user.roles).toEqual(['admin']);
      expect(body.user.agency.name).toBe('Jobcenter Hagen');
      expect(body.mfa).toBe('enroll');

      const invite = startProcess(
        'cli',
        [
          'admin',
          'create',
          '--email',
          'zwei@jobcenter-hagen.example',
          '--name',
          'Zoe Zwei',
          '--agency',
          'Jobcenter Hagen',
        ],
        env,
      );
      expect(await invite.exited).toBe(0);
      expect(invite.output()).toMatch(/\/einladung\/[A-Za-z0-9_-]{40,}/);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await pg.drop();
    }
  });
});
