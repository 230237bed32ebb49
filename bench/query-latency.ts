/**
 * Server time of the guide's read paths with ONE connection (no concurrency): the client page, its
 * progress, the caseload (own and team), client search and the lists of a client. One request at a
 * time over keep-alive HTTP, so the figure is the request's own cost (queries, round trips, audit),
 * not queueing. Prints median and p95 of 40 runs after 5 warm-up runs per route.
 *
 * Run: node --import tsx bench/query-latency.ts postgres        (demo sample data, 600 clients)
 *      BENCH_EXTRA_CLIENTS=25000 node --import tsx bench/query-latency.ts postgres
 *           (plus 25,000 synthetic clients per demo agency with cases, goals, contacts, referrals and
 *            assessments; the guides' own caseloads grow in proportion)
 *      node --import tsx bench/query-latency.ts                  (PGlite)
 */
import { startTestApp, type TestClient } from '../packages/server/src/testing/test-app.ts';

const TEILHABE_BOGEN = '7e11ab0e-0000-4000-8000-000000000001';

/** Adds `perAgency` synthetic clients to every demo agency, in SQL (fast enough for 50,000 clients). */
async function addClients(
  db: { query: (sql: string, params?: unknown[]) => Promise<unknown> },
  perAgency: number,
) {
  const agencies = `SELECT id, row_number() OVER (ORDER BY name) AS n FROM agencies WHERE kind = 'jobcenter'`;
  // About 175 open cases per guide, as in a Jobcenter: one synthetic guide per 250 clients.
  await db.query(
    `INSERT INTO users (agency_id, email, display_name, roles, status)
     SELECT a.id, 'bench-guide-' || a.n || '-' || g || '@bench.example', 'Bench Lotse ' || g, ARRAY['caseworker'], 'active'
       FROM (${agencies}) a CROSS JOIN generate_series(1, $1::int) g`,
    [Math.max(1, Math.ceil(perAgency / 250))],
  );
  const step = 10_000;
  for (let from = 1; from <= perAgency; from += step) {
    const to = Math.min(perAgency, from + step - 1);
    await db.query(
      `INSERT INTO clients (id, agency_id, client_number, first_name, last_name, birth_date, district, created_at, updated_at)
       SELECT md5(a.id::text || g)::uuid, a.id, 'X-' || a.n || '-' || g,
              (ARRAY['Anna','Ben','Clara','David','Emre','Fatma','Gerd','Hanna','Ivan','Jana'])[1 + g % 10],
              (ARRAY['Müller','Schmidt','Schneider','Fischer','Weber','Meyer','Wagner','Becker','Schulz','Hoffmann',
                     'Yilmaz','Kaya','Nowak','Kowalski','Popescu'])[1 + (g / 10) % 15] || '-' || (g % 997),
              date '1960-01-01' + (g * 7919) % 14000, 'Bezirk ' || (g % 12), now(), now()
         FROM (${agencies}) a CROSS JOIN generate_series($1::int, $2::int) g`,
      [from, to],
    );
    // One case per client: 70 % open, guided by one of the agency's caseworkers/leads.
    await db.query(
      `INSERT INTO cases (agency_id, client_id, status, guide_user_id, opened_on, closed_on, outcome, created_at)
       SELECT a.id, md5(a.id::text || g)::uuid, CASE WHEN g % 10 < 7 THEN 'open' ELSE 'closed' END,
              (SELECT u.id FROM users u WHERE u.agency_id = a.id AND u.roles && ARRAY['caseworker','lead']::text[]
                ORDER BY u.email OFFSET (g % (2 + $3::int)) LIMIT 1),
              date '2024-01-01' + g % 700, CASE WHEN g % 10 >= 7 THEN date '2026-01-01' END,
              CASE WHEN g % 10 >= 7 THEN 'employment' END, now()
         FROM (${agencies}) a CROSS JOIN generate_series($1::int, $2::int) g`,
      [from, to, Math.ceil(perAgency / 250)],
    );
    await db.query(
      `INSERT INTO goals (agency_id, client_id, title, dimension, target_date, status, agreed_on, created_at, updated_at)
       SELECT a.id, md5(a.id::text || g)::uuid, 'Ziel ' || k, 'work_readiness', date '2025-06-01' + (g * 13 + k * 40) % 500,
              CASE WHEN k = 0 THEN 'open' ELSE 'achieved' END, date '2024-06-01', now(), now()
         FROM (${agencies}) a CROSS JOIN generate_series($1::int, $2::int) g CROSS JOIN generate_series(0, g % 3) k`,
      [from, to],
    );
    await db.query(
      `INSERT INTO contacts (agency_id, client_id, type, contact_date, duration_minutes, note, author_agency_id, created_at)
       SELECT a.id, md5(a.id::text || g)::uuid, 'meeting', date '2024-01-01' + (g * 7 + k * 37) % 790, 45, 'Gespräch',
              a.id, now()
         FROM (${agencies}) a CROSS JOIN generate_series($1::int, $2::int) g CROSS JOIN generate_series(0, g % 8) k`,
      [from, to],
    );
    await db.query(
      `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on, status,
                                scores, total_score, created_at, updated_at, completed_at)
       SELECT a.id, md5(a.id::text || g)::uuid, $3, CASE WHEN k = 0 THEN 'intake' ELSE 'follow_up' END,
              'professional', 'together', date '2024-02-01' + k * 120 + g % 90, 'completed', '[]'::jsonb,
              40 + k * 3, now(), now(), now()
         FROM (${agencies}) a CROSS JOIN generate_series($1::int, $2::int) g CROSS JOIN generate_series(0, g % 6) k`,
      [from, to, TEILHABE_BOGEN],
    );
  }
  await db.query('ANALYZE');
}

async function time(c: TestClient, path: string, runs = 40) {
  for (let i = 0; i < 5; i++) await c.get(path);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const res = await c.get(path);
    ms.push(performance.now() - s);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  ms.sort((a, b) => a - b);
  return { p50: ms[Math.floor(runs / 2)] as number, p95: ms[Math.floor(runs * 0.95)] as number };
}

async function main() {
  process.env.LOTSE_TEST_DB = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  const extra = Number(process.env.BENCH_EXTRA_CLIENTS ?? 0);
  const t = await startTestApp({}, { sampleData: true });
  const started = Date.now();
  if (extra > 0) await addClients(t.ctx.db, extra);
  const counts = (
    await t.ctx.db.query<{ clients: number; assessments: number }>(
      'SELECT (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM assessments)::int AS assessments',
    )
  ).rows[0];
  const guide = t.client();
  await guide.login('lotse@jc-en.example');
  const lead = t.client();
  await lead.login('leitung@jc-en.example');
  // The guide's client with the most completed assessments: the heaviest client page.
  const client = (
    await t.ctx.db.query<{ id: string }>(
      `SELECT k.client_id AS id FROM cases k JOIN users u ON u.id = k.guide_user_id
         LEFT JOIN assessments a ON a.client_id = k.client_id AND a.status = 'completed'
        WHERE u.email = 'lotse@jc-en.example' AND k.status = 'open'
        GROUP BY k.client_id ORDER BY count(a.id) DESC, k.client_id LIMIT 1`,
    )
  ).rows[0]?.id as string;
  const mine = (await guide.get<{ openCases: number }>('/api/caseload?scope=mine')).body.openCases;
  console.log(
    `engine: ${t.ctx.db.kind}, ${counts?.clients} clients, ${counts?.assessments} assessments, ` +
      `guide's open cases: ${mine} (data ${Math.round((Date.now() - started) / 1000)} s); one connection, 40 runs`,
  );
  const routes: [string, TestClient, string][] = [
    ['client page', guide, `/api/clients/${client}`],
    ['progress', guide, `/api/clients/${client}/progress`],
    ['caseload (guide)', guide, '/api/caseload'],
    ['caseload (lead, team)', lead, '/api/caseload'],
    ['search "Schmitt"', guide, '/api/clients?query=Schmitt'],
    ['search "Meier" (edit distance)', guide, '/api/clients?query=Meier'],
    ['clients list', guide, '/api/clients'],
    ['my clients list', guide, '/api/clients?scope=mine'],
    ['goals of client', guide, `/api/clients/${client}/goals`],
    ['contacts of client', guide, `/api/clients/${client}/contacts`],
    ['referrals of client', guide, `/api/clients/${client}/referrals`],
    ['assessments of client', guide, `/api/clients/${client}/assessments`],
  ];
  for (const [title, c, path] of process.env.BENCH_ONLY_DATA ? [] : routes) {
    const r = await time(c, path);
    console.log(
      `${title.padEnd(32)} p50 ${r.p50.toFixed(1).padStart(7)} ms   p95 ${r.p95.toFixed(1).padStart(7)} ms`,
    );
  }
  if (process.env.BENCH_KEEP_DB) {
    // For EXPLAIN work on the same data: the database stays (drop it yourself).
    console.log(`kept database: ${t.testDb.url}`);
    process.exit(0);
  }
  await t.close();
}

await main();
