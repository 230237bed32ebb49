/**
 * Throughput of the request pipeline on the embedded database: session lookup, policy, an audited
 * read (audit append in the same transaction) and sign-in (argon2id). Prints figures and the floors
 * they are held against. Run: npm run bench  (or: node --import tsx bench/api-throughput.ts [postgres])
 */
import autocannon from 'autocannon';
import { startTestApp } from '../packages/server/src/testing/test-app.ts';

const FLOORS = { me: 300, users: 120, login: 15 } as const; // requests per second on 2 cores

async function run(title: string, opts: autocannon.Options) {
  const result = await autocannon({ duration: 8, connections: 8, ...opts });
  return {
    title,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main() {
  process.env.LOTSE_TEST_DB = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  const t = await startTestApp();
  const c = t.client();
  await c.login('admin@jc-en.example');
  const cookie = `lotse_session=${c.cookies.get('lotse_session')}`;
  const results = [
    await run('GET /api/auth/me (session + policy)', {
      url: `${t.baseUrl}/api/auth/me`,
      headers: { cookie },
    }),
    await run('GET /api/users (audited read)', { url: `${t.baseUrl}/api/users`, headers: { cookie } }),
    await run('POST /api/auth/login (argon2id)', {
      url: `${t.baseUrl}/api/auth/login`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'lotse@jc-en.example', password: 'Lotse-Demo-2026' }),
    }),
  ];
  const floors = [FLOORS.me, FLOORS.users, FLOORS.login];
  console.log(`engine: ${t.ctx.db.kind}, 8 connections, 8 s each`);
  let ok = true;
  results.forEach((r, i) => {
    const floor = floors[i] ?? 0;
    const pass = r.rps >= floor && r.non2xx === 0 && r.errors === 0;
    ok &&= pass;
    console.log(
      `${pass ? 'ok  ' : 'LOW '} ${r.title}: ${r.rps} req/s (floor ${floor}), p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}`,
    );
  });
  await t.close();
  process.exit(ok ? 0 : 1);
}

await main();
