/**
 * Lotse under load against a floor measured in the same run: how far the request path is from what
 * the bare server and database allow, and whether it meets the performance targets printed at the end.
 *
 * On the measurement data set (bench/data-set.ts; built on first use, then kept), this starts, one
 * after the other and each as its own process like production (`node --import tsx`, the app login
 * role on PostgreSQL, no demo data):
 *   1. the floor: a bare Fastify server with one route running one primary-key SELECT on the same
 *      database and pool size (bench/lib/floor-server.ts);
 *   2. the real Lotse server (packages/server/src/main.ts).
 * The load comes from autocannon in a separate process (bench/lib/load-client.ts), one connection
 * per signed-in guide (guides of different agencies, each signed in with the password beforehand;
 * caseworkers need no second factor by default). Each guide works on the clients of their own open
 * cases with this mix of requests:
 *   caseload 10% | client 20% | progress 20% | search 20% | contact write 20% | assessment write 10%
 * and in a second phase only the client page (client + progress), to compare its throughput with the
 * floor. Prints p50/p95/p99, throughput and non-2xx per kind and overall, the ratio to the floor,
 * and the performance targets with ok/MISS. Writes are checked: rows written must equal 2xx responses.
 * Exits 0 on MISS (a measurement), non-zero on errors, non-2xx responses or lost writes.
 *
 * Run: node --import tsx bench/load-mixed.ts postgres   (20 x 25,000 clients, 50 connections)
 *      node --import tsx bench/load-mixed.ts pglite     (1 x 25,000 clients, 10 connections)
 *      options: --connections N --duration SECONDS (per phase, default 20), the data set's
 *      --agencies N --clients-per-agency N --database NAME (PostgreSQL) --data-dir DIR (PGlite)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { instrumentDefinition, scoreAssessment } from '@lotse/domain';
import { answersFor } from '../packages/server/src/features/demo/assessments.demo.ts';
import { type Database, openPglite, openPostgres } from '../packages/server/src/platform/db.ts';
import {
  BENCH_PASSWORD,
  type DataSetInfo,
  DEFAULT_PGLITE_DIR,
  ensurePgliteDataSet,
  ensurePostgresDataSet,
  guideEmail,
  option,
  sizeFromArgs,
} from './data-set.ts';
import { rng } from './lib/data-set-rows.ts';
import type { KindResult, LoadKind, LoadPlan, LoadSession } from './lib/load-client.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const INSTRUMENT = '7e11ab0e-0000-4000-8000-000000000001';
const SEARCH_TERMS = ['Müller', 'Schmidt', 'Yilmaz', 'Nowak', 'Anna Weber', 'Becker', 'schulz', 'Krasniqi'];

const argv = process.argv.slice(2);
const engine = argv[0] === 'pglite' ? 'pglite' : 'postgres';
const size = sizeFromArgs(argv, engine);
const connections = Number(option(argv, 'connections') ?? (engine === 'postgres' ? 50 : 10));
const duration = Number(option(argv, 'duration') ?? 20);
const database = option(argv, 'database');
const dataDir = option(argv, 'data-dir');

const pct = (sorted: number[], q: number) =>
  sorted.length ? (sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number) : Number.NaN;
const ms = (v: number) => (Number.isNaN(v) ? '-' : v < 10 ? v.toFixed(1) : String(Math.round(v)));

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as { port: number }).port;
  server.close();
  return port;
}

async function openDb(info: DataSetInfo): Promise<Database> {
  return info.engine === 'postgres'
    ? openPostgres(info.url as string, 1)
    : openPglite(path.join(info.dataDir as string, 'pglite'));
}

async function written(info: DataSetInfo) {
  const db = await openDb(info);
  try {
    return (
      await db.query<{ contacts: number; assessments: number }>(
        `SELECT (SELECT count(*) FROM contacts)::int AS contacts, (SELECT count(*) FROM assessments)::int AS assessments`,
      )
    ).rows[0] as { contacts: number; assessments: number };
  } finally {
    await db.close();
  }
}

function startProcess(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.on('exit', (code) => {
    if (code && code !== 0) console.error(`${name} exited with ${code}:\n${output}`);
  });
  return child;
}

async function waitReady(url: string, child: ChildProcess, seconds = 180) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null)
      throw new Error(`server process ended (${child.exitCode}) before it was ready`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${seconds} s`);
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function runLoad(plan: LoadPlan): Promise<{ seconds: number; errors: number; kinds: KindResult[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lotse-load-'));
  const planFile = path.join(dir, 'plan.json');
  const outFile = path.join(dir, 'out.json');
  writeFileSync(planFile, JSON.stringify(plan));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/load-client.ts', planFile, outFile], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`load generator exited with ${code}`);
  return JSON.parse(readFileSync(outFile, 'utf8'));
}

interface Row {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
}

function summarise(name: string, kinds: KindResult[], seconds: number): Row {
  const all = kinds.flatMap((k) => k.latencies).sort((a, b) => a - b);
  return {
    name,
    requests: all.length,
    rps: all.length / seconds,
    p50: pct(all, 0.5),
    p95: pct(all, 0.95),
    p99: pct(all, 0.99),
    non2xx: kinds.reduce((a, k) => a + k.non2xx, 0),
  };
}

function printRows(rows: Row[], floorRps: number) {
  console.log(
    `${'request'.padEnd(34)} ${'req'.padStart(7)} ${'req/s'.padStart(7)} ${'p50'.padStart(6)} ${'p95'.padStart(6)} ${'p99'.padStart(6)} ${'non-2xx'.padStart(7)}  of floor`,
  );
  for (const r of rows)
    console.log(
      `${r.name.padEnd(34)} ${String(r.requests).padStart(7)} ${r.rps.toFixed(0).padStart(7)} ${ms(r.p50).padStart(6)} ${ms(r.p95).padStart(6)} ${ms(r.p99).padStart(6)} ${String(r.non2xx).padStart(7)}  ${((100 * r.rps) / floorRps).toFixed(1)}%`,
    );
}

async function signIn(baseUrl: string, email: string): Promise<LoadSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const token = /lotse_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`sign-in of ${email}: no session cookie`);
  const cookie = `lotse_session=${token}`;
  const list = await fetch(`${baseUrl}/api/clients?scope=mine&status=open&pageSize=200`, {
    headers: { cookie },
  });
  if (!list.ok) throw new Error(`client list of ${email}: ${list.status} ${await list.text()}`);
  const clientIds = ((await list.json()) as { items: { id: string }[] }).items.map((c) => c.id);
  if (clientIds.length === 0) throw new Error(`${email} has no open cases`);
  return { cookie, clientIds };
}

async function main() {
  const [l1, l5, l15] = os.loadavg().map((v) => v.toFixed(2));
  console.log(
    `load average at start: ${l1}, ${l5}, ${l15} (${os.cpus().length} cores); engine ${engine}, ${connections} connections, ${duration} s per phase`,
  );
  const info =
    engine === 'postgres'
      ? await ensurePostgresDataSet({ size, ...(database ? { database } : {}) })
      : await ensurePgliteDataSet({ size, ...(dataDir ? { dataDir } : {}) });
  console.log(
    `data set: ${size.agencies} x ${size.clientsPerAgency} clients, ${(info.counts.assessments ?? 0).toLocaleString('en')} assessments, ${(info.counts.contacts ?? 0).toLocaleString('en')} contacts`,
  );

  // What the workload needs from the database, read while no server holds it (PGlite has one user).
  const db = await openDb(info);
  let floorIds: string[];
  let answers: unknown;
  try {
    floorIds = (
      await db.query<{ id: string }>('SELECT id FROM clients ORDER BY md5(id::text) LIMIT 2000')
    ).rows.map((r) => r.id);
    const def = instrumentDefinition.parse(
      (
        await db.query<{ definition: unknown }>('SELECT definition FROM instruments WHERE id = $1', [
          INSTRUMENT,
        ])
      ).rows[0]?.definition,
    );
    const levels = new Map(def.dimensions.map((d) => [d.key, 3.2] as const));
    const random = rng(7);
    answers = answersFor(def, 'professional', levels, random.next, false);
    scoreAssessment(def, 'professional', answers as never);
  } finally {
    await db.close();
  }
  const dbEnv: Record<string, string> =
    info.engine === 'postgres'
      ? { DATABASE_URL: info.appUrl as string, LOTSE_OWNER_DATABASE_URL: info.ownerUrl as string }
      : { LOTSE_DATA_DIR: info.dataDir as string };
  const serverDir = path.join(DEFAULT_PGLITE_DIR, 'server-postgres');
  mkdirSync(serverDir, { recursive: true });

  // 1. The floor.
  const floorPort = await freePort();
  const floor = startProcess(
    'floor server',
    ['bench/lib/floor-server.ts'],
    info.engine === 'postgres'
      ? { DATABASE_URL: info.url as string, PORT: String(floorPort) }
      : { ...dbEnv, PORT: String(floorPort) },
  );
  const floorUrl = `http://127.0.0.1:${floorPort}`;
  await waitReady(`${floorUrl}/floor/${floorIds[0]}`, floor);
  const floorRun = await runLoad({
    baseUrl: floorUrl,
    durationSeconds: duration,
    sessions: Array.from({ length: connections }, () => ({ cookie: '', clientIds: floorIds })),
    kinds: [
      { name: 'floor: GET /floor/:id (one pk SELECT)', weight: 1, method: 'GET', path: '/floor/:client' },
    ],
    searchTerms: SEARCH_TERMS,
  });
  await stopProcess(floor);
  const floorRow = summarise('floor: bare Fastify, pk SELECT', floorRun.kinds, floorRun.seconds);

  // 2. Lotse.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const startLotse = () =>
    startProcess('Lotse server', ['packages/server/src/main.ts'], {
      ...dbEnv,
      ...(info.engine === 'postgres' ? { LOTSE_DATA_DIR: serverDir } : {}),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOTSE_DEMO: 'false',
      LOG_LEVEL: 'warn',
    });
  const server = startLotse();
  let exitCode = 0;
  let live = server;
  try {
    await waitReady(`${baseUrl}/api/health`, server);
    const sessions: LoadSession[] = [];
    for (let i = 0; i < connections; i++)
      sessions.push(await signIn(baseUrl, guideEmail(i % size.agencies, Math.floor(i / size.agencies))));
    const today = new Date().toISOString().slice(0, 10);
    const kinds: LoadKind[] = [
      { name: 'GET /api/caseload', weight: 10, method: 'GET', path: '/api/caseload' },
      { name: 'GET /api/clients/:id', weight: 20, method: 'GET', path: '/api/clients/:client' },
      {
        name: 'GET /api/clients/:id/progress',
        weight: 20,
        method: 'GET',
        path: '/api/clients/:client/progress',
      },
      {
        name: 'GET /api/clients?query= (search)',
        weight: 20,
        method: 'GET',
        path: '/api/clients?query=:search',
      },
      {
        name: 'POST /api/clients/:id/contacts',
        weight: 20,
        method: 'POST',
        path: '/api/clients/:client/contacts',
        body: { type: 'phone', date: today, durationMinutes: 15, note: 'Telefonat (Lasttest).' },
      },
      {
        name: 'POST /api/clients/:id/assessments',
        weight: 10,
        method: 'POST',
        path: '/api/clients/:client/assessments',
        body: {
          instrumentId: INSTRUMENT,
          occasion: 'follow_up',
          perspective: 'professional',
          mode: 'together',
          date: today,
          answers,
        },
      },
    ];
    // Every kind once before the run: a refused request is a broken benchmark, not a measurement.
    const first = sessions[0] as LoadSession;
    for (const k of kinds) {
      const res = await fetch(
        baseUrl + k.path.replace(':client', first.clientIds[0] as string).replace(':search', 'Müller'),
        {
          method: k.method,
          headers: { cookie: first.cookie, ...(k.body ? { 'content-type': 'application/json' } : {}) },
          ...(k.body ? { body: JSON.stringify(k.body) } : {}),
        },
      );
      if (!res.ok) throw new Error(`${k.name}: ${res.status} ${(await res.text()).slice(0, 500)}`);
    }
    await stopProcess(server); // PGlite: the row count needs the database to itself
    const before = await written(info);
    const again = startLotse();
    live = again;
    await waitReady(`${baseUrl}/api/health`, again);
    const mixed = await runLoad({
      baseUrl,
      durationSeconds: duration,
      sessions,
      kinds,
      searchTerms: SEARCH_TERMS,
    });
    const page = await runLoad({
      baseUrl,
      durationSeconds: duration,
      sessions,
      kinds: kinds.filter((k) => k.name.startsWith('GET /api/clients/:id')),
      searchTerms: SEARCH_TERMS,
    });
    await stopProcess(again);
    const after = await written(info);

    const byName = (run: typeof mixed, name: string) => run.kinds.filter((k) => k.name === name);
    const rows = [
      ...mixed.kinds.map((k) => summarise(k.name, [k], mixed.seconds)),
      summarise('overall (mixed)', mixed.kinds, mixed.seconds),
    ];
    const clientPage = summarise(
      'client page (client + progress)',
      [...byName(mixed, 'GET /api/clients/:id'), ...byName(mixed, 'GET /api/clients/:id/progress')],
      mixed.seconds,
    );
    const writes = summarise(
      'audited writes (contact + assessment)',
      [
        ...byName(mixed, 'POST /api/clients/:id/contacts'),
        ...byName(mixed, 'POST /api/clients/:id/assessments'),
      ],
      mixed.seconds,
    );
    const pageOnly = summarise('client page only (second phase)', page.kinds, page.seconds);
    console.log(`\nfloor (same database, same pool size, ${connections} connections):`);
    printRows([floorRow], floorRow.rps);
    console.log(`\nLotse, mixed workload of ${connections} guides:`);
    printRows([...rows, clientPage, writes], floorRow.rps);
    console.log(`\nLotse, client page only (${connections} guides):`);
    printRows([...page.kinds.map((k) => summarise(k.name, [k], page.seconds)), pageOnly], floorRow.rps);

    // A write in flight when the load generator stopped may be stored without its response being
    // counted: rows must lie between the 2xx responses and the 2xx plus the unanswered requests.
    const check = (name: string, rowsWritten: number) => {
      const k = byName(mixed, name);
      const ok = k.reduce((a, x) => a + x.ok, 0);
      const unanswered = k.reduce((a, x) => a + x.sent - x.latencies.length, 0);
      const good = rowsWritten >= ok && rowsWritten <= ok + unanswered;
      console.log(
        `writes ${name}: ${rowsWritten} rows for ${ok} 2xx responses (+${unanswered} unanswered at the stop): ${good ? 'none lost' : 'LOST OR EXTRA ROWS'}`,
      );
      return good;
    };
    console.log('');
    const lost = ![
      check('POST /api/clients/:id/contacts', after.contacts - before.contacts),
      check('POST /api/clients/:id/assessments', after.assessments - before.assessments),
    ].every(Boolean);

    const target = (ok: boolean, text: string) => console.log(`${ok ? 'ok  ' : 'MISS'} ${text}`);
    console.log('\ntargets (PostgreSQL: large data set, 50 connections):');
    if (engine === 'postgres') {
      target(clientPage.p95 < 25, `client page p95 < 25 ms: ${ms(clientPage.p95)} ms`);
      target(
        pageOnly.rps >= 0.4 * floorRow.rps,
        `client page throughput >= 40% of the floor: ${pageOnly.rps.toFixed(0)} / ${floorRow.rps.toFixed(0)} req/s = ${((100 * pageOnly.rps) / floorRow.rps).toFixed(1)}%`,
      );
      const caseload = summarise('caseload', byName(mixed, 'GET /api/caseload'), mixed.seconds);
      target(caseload.p95 < 50, `caseload p95 < 50 ms: ${ms(caseload.p95)} ms`);
      target(writes.p95 < 50, `audited writes p95 < 50 ms: ${ms(writes.p95)} ms`);
    } else {
      const overall = summarise('overall', mixed.kinds, mixed.seconds);
      target(
        overall.p95 < 100,
        `PGlite, one agency, ${connections} connections: p95 < 100 ms: ${ms(overall.p95)} ms`,
      );
    }
    target(!lost, 'writes: none lost');
    const non2xx = [...mixed.kinds, ...page.kinds, ...floorRun.kinds].reduce((a, k) => a + k.non2xx, 0);
    const errors = mixed.errors + page.errors + floorRun.errors;
    if (lost || non2xx > 0 || errors > 0) {
      console.error(
        `errors: ${errors} socket errors/timeouts, ${non2xx} non-2xx responses, lost writes: ${lost}`,
      );
      exitCode = 1;
    }
    const [e1, e5, e15] = os.loadavg().map((v) => v.toFixed(2));
    console.log(`load average at the end: ${e1}, ${e5}, ${e15}`);
  } finally {
    await stopProcess(live);
  }
  process.exit(exitCode);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
