// Makes sure the machine has what the test suite needs outside node_modules: Chromium for the browser
// tests, a PostgreSQL server for the integration tests and pdftotext for the PDF tests. Missing pieces
// are installed with apt-get when we run as root; otherwise we fail with a message saying what to do,
// because a silently skipped suite looks exactly like a passing one.
import { spawnSync } from 'node:child_process';
import {
  accessSync,
  constants,
  copyFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class EnvError extends Error {}

const isRoot = () => process.getuid?.() === 0;

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function which(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

function run(command, args, env = {}) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
}

function aptInstall(pkg) {
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['install', '-y', pkg], env)) return true;
  // Fresh images often ship without package lists: refresh them once, then retry.
  return run('apt-get', ['update'], env) && run('apt-get', ['install', '-y', pkg], env);
}

function installOrFail(what, pkg, hint) {
  if (!isRoot())
    throw new EnvError(`${what} is missing and we are not root, so it cannot be installed. ${hint}`);
  console.log(`${what} is missing: installing the Debian package ${pkg}`);
  if (!aptInstall(pkg))
    throw new EnvError(`apt-get install -y ${pkg} failed (see the output above). ${hint}`);
}

/** Returns the Chromium binary the browser tests must use (LOTSE_CHROMIUM or Debian's chromium). */
export function ensureChromium() {
  const path = process.env.LOTSE_CHROMIUM || DEFAULT_CHROMIUM;
  if (isExecutable(path)) return path;
  installOrFail(
    `Chromium (${path})`,
    'chromium',
    'Install it with `apt-get install -y chromium` or set LOTSE_CHROMIUM to a Chromium binary.',
  );
  if (!isExecutable(path)) throw new EnvError(`Chromium is still missing at ${path} after installing it.`);
  return path;
}

export function ensurePdftotext() {
  const found = which('pdftotext');
  if (found) return found;
  installOrFail('pdftotext', 'poppler-utils', 'Install it with `apt-get install -y poppler-utils`.');
  const installed = which('pdftotext');
  if (!installed) throw new EnvError('pdftotext is still missing after installing poppler-utils.');
  return installed;
}

async function pgReady(host, port) {
  if (which('pg_isready')) {
    return spawnSync('pg_isready', ['-q', '-h', host, '-p', String(port)]).status === 0;
  }
  // Without the client tools a TCP connect is the best readiness signal we have.
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

async function waitForPg(host, port, seconds) {
  for (let i = 0; i < seconds; i++) {
    if (await pgReady(host, port)) return true;
    await sleep(1000);
  }
  return false;
}

/** Debian's local clusters named "main" (one per major version), newest first, with their ports. */
function localClusters() {
  if (!existsSync('/etc/postgresql')) return [];
  return readdirSync('/etc/postgresql')
    .filter((version) => existsSync(`/etc/postgresql/${version}/main/postgresql.conf`))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => {
      const conf = readFileSync(`/etc/postgresql/${version}/main/postgresql.conf`, 'utf8');
      const port = Number(/^\s*port\s*=\s*(\d+)/m.exec(conf)?.[1] ?? 5432);
      return { version, port, dir: `/etc/postgresql/${version}/main` };
    });
}

async function canLogIn(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Debian's default pg_hba.conf asks for a password on 127.0.0.1, but the default admin URL has none.
 * Only for a cluster we installed ourselves a moment ago do we let the postgres role in over loopback.
 */
function trustLoopbackAdmin(cluster) {
  const hba = `${cluster.dir}/pg_hba.conf`;
  const current = readFileSync(hba, 'utf8');
  copyFileSync(hba, `${hba}.before-lotse`);
  // pg_hba.conf is read top-down, so the trust lines must precede Debian's password rules.
  const rules = [
    '# Added by the Lotse test setup (scripts/ensure-env.mjs) for the passwordless admin URL',
    'host all postgres 127.0.0.1/32 trust',
    'host all postgres ::1/128 trust',
  ];
  writeFileSync(hba, `${rules.join('\n')}\n${current}`);
  run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, 'main', 'reload']);
}

/** Makes sure the admin connection in `url` works, starting or installing a local cluster if needed. */
export async function ensurePostgres(url) {
  const parsed = new URL(url);
  const host = parsed.hostname || '127.0.0.1';
  const port = Number(parsed.port || 5432);
  let freshInstall = false;

  if (!(await pgReady(host, port))) {
    if (!LOOPBACK.has(host)) {
      throw new EnvError(`PostgreSQL at ${host}:${port} (from LOTSE_TEST_PG_URL) is not reachable.`);
    }
    if (localClusters().length === 0) {
      installOrFail(
        'PostgreSQL',
        'postgresql',
        'Install it with `apt-get install -y postgresql` or set LOTSE_TEST_PG_URL to a running server.',
      );
      freshInstall = true;
    }
    const clusters = localClusters().filter((cluster) => cluster.port === port);
    if (clusters.length === 0) {
      throw new EnvError(
        `No local PostgreSQL cluster listens on port ${port} (see /etc/postgresql/*/main). ` +
          'Create one with pg_createcluster or set LOTSE_TEST_PG_URL.',
      );
    }
    for (const cluster of clusters) {
      run('pg_ctlcluster', ['--skip-systemctl-redirect', cluster.version, 'main', 'start']);
    }
    if (!(await waitForPg(host, port, 30))) {
      throw new EnvError(
        `PostgreSQL on ${host}:${port} did not become ready within 30 s; check /var/log/postgresql/.`,
      );
    }
  }

  let login = await canLogIn(url);
  if (!login.ok && freshInstall) {
    const cluster = localClusters().find((c) => c.port === port);
    if (cluster) trustLoopbackAdmin(cluster);
    await sleep(500);
    login = await canLogIn(url);
  }
  if (!login.ok) {
    throw new EnvError(
      `PostgreSQL is up on ${host}:${port} but the admin connection ${url} fails: ${login.reason}. ` +
        'Set LOTSE_TEST_PG_URL to a superuser URL that works (the tests create and drop databases).',
    );
  }
}

/**
 * Runs all checks, reporting each problem instead of stopping at the first, and returns the
 * environment the test processes need plus the list of problems (empty when all is well).
 */
export async function ensureEnv() {
  const env = { LOTSE_TEST_PG_URL: process.env.LOTSE_TEST_PG_URL || DEFAULT_PG_URL };
  const problems = [];
  const check = async (name, fn) => {
    try {
      const result = await fn();
      console.log(`ok: ${name}${typeof result === 'string' ? ` (${result})` : ''}`);
    } catch (error) {
      // Unexpected errors count as problems too, so the caller can still finish and report totals.
      console.error(`ERROR: ${name}: ${error instanceof EnvError ? error.message : error?.stack || error}`);
      problems.push(name);
    }
  };
  await check('Chromium', () => {
    env.LOTSE_CHROMIUM = ensureChromium();
    return env.LOTSE_CHROMIUM;
  });
  await check('PostgreSQL', async () => {
    await ensurePostgres(env.LOTSE_TEST_PG_URL);
    return env.LOTSE_TEST_PG_URL;
  });
  await check('pdftotext', ensurePdftotext);
  return { env, problems };
}
