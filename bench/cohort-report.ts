/**
 * The cohort report on a synthetic state-wide data set: 20 agencies, 5 programmes, clients with an
 * intake and 0-8 later assessments (mean 4: some attrition), 13 dimension scores each. Times the
 * state-wide programme report (cross-agency aggregate function), the report of one agency, and in
 * the same run the floor: a plain SQL aggregate of the same per-dimension means on the same rows.
 *
 * Run: node --import tsx bench/cohort-report.ts postgres   (200,000 clients, about 1,000,000 assessments)
 *      node --import tsx bench/cohort-report.ts            (PGlite, 20,000 clients)
 *      BENCH_CLIENTS=50000 node --import tsx bench/cohort-report.ts postgres
 *      BENCH_HOLD=1 ... keeps the database after the figures until `kill -USR2 <pid>` (for EXPLAIN in psql)
 */
import { startTestApp } from '../packages/server/src/testing/test-app.ts';

const TEILHABE_BOGEN = '7e11ab0e-0000-4000-8000-000000000001';
const DIMENSIONS = [
  'health',
  'daily_structure',
  'social_contacts',
  'belonging',
  'self_efficacy',
  'housing',
  'finances',
  'family_care',
  'leisure_culture',
  'education_skills',
  'work_readiness',
  'support_system',
  'life_satisfaction',
];

async function main() {
  const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
  process.env.LOTSE_TEST_DB = engine;
  const clients = Number(process.env.BENCH_CLIENTS ?? (engine === 'postgres' ? 200_000 : 20_000));
  const t = await startTestApp({}, { sampleData: false });
  const db = t.ctx.db;
  const started = Date.now();
  const en = (await db.query<{ id: string }>(`SELECT id FROM agencies WHERE name = 'Jobcenter EN (Demo)'`))
    .rows[0]?.id as string;
  // 19 further agencies; the demo EN agency is the 20th and owns the programmes.
  await db.query(
    `INSERT INTO agencies (name, kind, is_demo, created_at)
     SELECT 'Bench-Jobcenter ' || g, 'jobcenter', false, now() FROM generate_series(1, 19) g`,
  );
  const agencies = (
    await db.query<{ id: string }>(`SELECT id FROM agencies WHERE kind = 'jobcenter' ORDER BY name`)
  ).rows;
  await db.query(
    `INSERT INTO programmes (id, owner_agency_id, name, funding_source, starts_on, ends_on, created_at, updated_at)
     SELECT ('00000000-0000-4000-8000-00000000000' || g)::uuid, $1, 'Bench-Programm ' || g, 'state',
            '2024-01-01', '2027-12-31', now(), now()
       FROM generate_series(1, 5) g`,
    [en],
  );
  await db.query(
    `INSERT INTO programme_agencies (programme_id, agency_id, role)
     SELECT p.id, a.id, CASE WHEN a.id = $1 THEN 'owner' ELSE 'participant' END
       FROM programmes p CROSS JOIN agencies a WHERE p.name LIKE 'Bench-%' AND a.kind = 'jobcenter'`,
    [en],
  );
  const ids = agencies.map((a) => a.id);
  const step = 20_000;
  // A bulk load: row triggers and foreign-key checks off while loading (as a restore would), the
  // derived score table (assessment_facts, kept by triggers in normal operation) filled once after.
  for (let from = 1; from <= clients; from += step) {
    const to = Math.min(clients, from + step - 1);
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query(
        `INSERT INTO clients (id, agency_id, client_number, first_name, last_name, birth_date, gender, district,
                            severe_disability, created_at, updated_at)
       SELECT md5('c' || g)::uuid, ($3::uuid[])[1 + g % 20], 'B-' || g, 'Bench', 'Person' || g,
              date '1960-01-01' + (g * 7919) % 14000, (ARRAY['female','male','female','male','diverse'])[1 + g % 5],
              'Bezirk ' || (g % 12), CASE WHEN g % 7 = 0 THEN true WHEN g % 3 = 0 THEN NULL ELSE false END,
              now(), now()
         FROM generate_series($1::int, $2::int) g`,
        [from, to, ids],
      );
      await tx.query(
        `INSERT INTO enrolments (agency_id, programme_id, client_id, status, registered_on, entry_date, created_at, updated_at)
       SELECT ($3::uuid[])[1 + g % 20], ('00000000-0000-4000-8000-00000000000' || (1 + g % 5))::uuid,
              md5('c' || g)::uuid, 'active', '2024-01-01', '2024-01-15', now(), now()
         FROM generate_series($1::int, $2::int) g`,
        [from, to, ids],
      );
      // Intake plus 0-8 later assessments per client (mean 4); scores drift upwards with noise that
      // differs by client, occasion and dimension (with few distinct score vectors, PostgreSQL would
      // cache the per-row work and flatter both the report and the floor).
      await tx.query(
        `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on, status,
                                scores, total_score, created_at, updated_at, completed_at)
       SELECT ($3::uuid[])[1 + g % 20], md5('c' || g)::uuid, $4, CASE WHEN k = 0 THEN 'intake' ELSE 'follow_up' END,
              'professional', 'together', date '2024-02-01' + k * 91, 'completed',
              (SELECT jsonb_agg(jsonb_build_object('dimension', d, 'kind', 'area',
                        'score', round((least(100, greatest(0, 35 + k * 4 + ((g::bigint * 2654435761 + k * 40503 + i * 9973) % 401) / 10.0 - 20)))::numeric, 1),
                        'answered', 3, 'items', 3, 'need', null, 'workOn', null) ORDER BY i)
                 FROM unnest($5::text[]) WITH ORDINALITY AS x(d, i)),
              35 + k * 4 + (g % 20) - 10, now(), now(), now()
         FROM generate_series($1::int, $2::int) g
         CROSS JOIN LATERAL generate_series(0, (g * 2654435761::bigint % 9)::int) k`,
        [from, to, ids, TEILHABE_BOGEN, DIMENSIONS],
      );
    });
  }
  await db.query(
    `INSERT INTO assessment_facts (assessment_id, agency_id, client_id, instrument_id, perspective, occasion,
                                  assessed_on, total, scores)
     SELECT a.id, a.agency_id, a.client_id, a.instrument_id, a.perspective, a.occasion, a.assessed_on, a.total_score,
            lotse_score_vector(v.keys, a.scores)
       FROM assessments a
       JOIN (SELECT id, lotse_dimension_keys(definition) AS keys FROM instruments) v ON v.id = a.instrument_id
      WHERE a.status = 'completed'`,
  );
  // As after a restore: statistics, hint bits and the visibility map set, the load's dirty pages
  // written; otherwise the first timed runs pay for the load's write-back. The fill above wrote each
  // score row and then, by the trigger that links a client's rows (migration 027), most rows again
  // with their neighbours' dates; a restore writes each row once, so the table is rewritten compact.
  await db.query('VACUUM (FULL) assessment_facts');
  await db.query('VACUUM (ANALYZE)');
  if (engine === 'postgres') await db.query('CHECKPOINT');
  const assessments = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM assessments')).rows[0]
    ?.n;
  console.log(
    `engine: ${engine}, ${clients} clients, ${assessments} assessments, 20 agencies, 5 programmes (built in ${Math.round((Date.now() - started) / 1000)} s)`,
  );

  const coordinator = t.client();
  await coordinator.login('koordination@jc-en.example');
  const lead = t.client();
  await lead.login('leitung@jc-en.example');
  const programme = '00000000-0000-4000-8000-000000000001';
  const report = async (c: typeof lead, path: string) => {
    const res = await c.get(path);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const measured = {
    stateWide: () => report(coordinator, `/api/reports/cohort?programmeId=${programme}`),
    oneAgency: () => report(lead, '/api/reports/cohort'),
    floor: () =>
      db.query(
        `SELECT s->>'dimension', avg((s->>'score')::float8) FILTER (WHERE a.occasion = 'intake'),
                avg((s->>'score')::float8) FILTER (WHERE a.occasion <> 'intake')
           FROM enrolments e JOIN assessments a ON a.client_id = e.client_id AND a.agency_id = e.agency_id
           CROSS JOIN LATERAL jsonb_array_elements(a.scores) s
          WHERE e.programme_id = $1 AND a.status = 'completed' AND a.perspective = 'professional'
          GROUP BY 1`,
        [programme],
      ),
    // The same means over the score table the report reads (migration 021): the floor for a report
    // that may use it, so the ratio cannot look good merely because the report reads narrower rows.
    factsFloor: () =>
      db.query(
        `SELECT u.o, avg(u.x) FILTER (WHERE a.occasion = 'intake'), avg(u.x) FILTER (WHERE a.occasion <> 'intake')
           FROM enrolments e JOIN assessment_facts a ON a.client_id = e.client_id AND a.agency_id = e.agency_id
           CROSS JOIN LATERAL unnest(a.scores) WITH ORDINALITY u(x, o)
          WHERE e.programme_id = $1 AND a.perspective = 'professional'
          GROUP BY 1`,
        [programme],
      ),
  };
  // Warm-up: estimates the reference values once (kept for a day) and reads the data once.
  for (const run of Object.values(measured)) await run();
  // Rounds that take each measurement in turn, so a disturbance of the machine falls on all of them
  // alike; the median of each.
  const ROUNDS = 5;
  const runs: Record<keyof typeof measured, number[]> = {
    stateWide: [],
    oneAgency: [],
    floor: [],
    factsFloor: [],
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(measured) as [keyof typeof measured, () => Promise<unknown>][]) {
      const s = performance.now();
      await run();
      runs[name].push(performance.now() - s);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const [stateWide, oneAgency, floor, factsFloor] = [
    runs.stateWide,
    runs.oneAgency,
    runs.floor,
    runs.factsFloor,
  ].map(median) as [number, number, number, number];
  const load = (await import('node:os')).loadavg().map((l) => l.toFixed(1));
  console.log(`state-wide programme cohort report (HTTP, median of ${ROUNDS}): ${Math.round(stateWide)} ms`);
  console.log(`one agency cohort report (HTTP, median of ${ROUNDS}):          ${Math.round(oneAgency)} ms`);
  console.log(
    `floor: plain SQL per-dimension means, same programme:    ${Math.round(floor)} ms (stored assessments)`,
  );
  console.log(`floor over the score table (assessment_facts):           ${Math.round(factsFloor)} ms`);
  console.log(
    `ratio report / floor: ${(stateWide / floor).toFixed(2)}, report / score-table floor: ${(stateWide / factsFloor).toFixed(2)} (target <= 2; target < 1000 ms on PostgreSQL)`,
  );
  console.log(`load average (1, 5, 15 min): ${load.join(', ')}`);
  if (process.env.BENCH_HOLD) {
    console.log(`holding; kill -USR2 ${process.pid}`);
    await new Promise((r) => process.once('SIGUSR2', r));
  }
  await t.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
