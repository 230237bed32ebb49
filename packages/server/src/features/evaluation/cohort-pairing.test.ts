import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * The cohort pairing (lotse_cohort_pairs, migration 026) against a reference computed here from the
 * stored score rows: per client the first intake of the period that meets the filter, ordered by date
 * and id, and the latest later assessment of the same perspective after it, up to the end of the
 * period. The data set is random but seeded, with the cases a pairing can get wrong: several intakes,
 * equal dates, later assessments beyond `to`, exits, the other perspective, and clients whose age
 * group changes between two intakes.
 */

const TEILHABE_BOGEN = '7e11ab0e-0000-4000-8000-000000000001';

let t: TestApp;
let agencyId: string;

interface Fact {
  id: string;
  client_id: string;
  occasion: 'intake' | 'follow_up' | 'exit';
  perspective: 'professional' | 'self';
  assessed_on: string;
  total: number;
  age_group: string;
}

interface Filter {
  from?: string;
  to?: string;
  perspective?: 'professional' | 'self';
  pair?: 'exit';
  ageGroup?: string;
}

let facts: Fact[] = [];

/** A small deterministic generator (mulberry32): the data set is the same in every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

const byDateAndId = (a: Fact, b: Fact) =>
  a.assessed_on < b.assessed_on
    ? -1
    : a.assessed_on > b.assessed_on
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;

/** The pairs as the report defines them, from the score rows alone. */
function expectedPairs(f: Filter): Map<string, { intake: number; later: number | null }> {
  const from = f.from ?? '0000-01-01';
  const to = f.to ?? '9999-12-31';
  const perspective = f.perspective ?? 'professional';
  const laterOccasions = f.pair === 'exit' ? ['exit'] : ['follow_up', 'exit'];
  const out = new Map<string, { intake: number; later: number | null }>();
  const clients = new Set(facts.map((x) => x.client_id));
  for (const client of clients) {
    const own = facts
      .filter((x) => x.client_id === client && x.perspective === perspective)
      .sort(byDateAndId);
    const intake = own.find(
      (x) =>
        x.occasion === 'intake' &&
        x.assessed_on >= from &&
        x.assessed_on <= to &&
        (f.ageGroup === undefined || x.age_group === f.ageGroup),
    );
    if (!intake) continue;
    const later = own
      .filter(
        (x) =>
          laterOccasions.includes(x.occasion) && x.assessed_on > intake.assessed_on && x.assessed_on <= to,
      )
      .at(-1);
    out.set(client, { intake: intake.total, later: later?.total ?? null });
  }
  return out;
}

async function storedPairs(f: Filter): Promise<Map<string, { intake: number; later: number | null }>> {
  const rows = await t.ctx.db.transaction(
    async (tx) =>
      (
        await tx.query<{ client_id: string; intake_total: number; later_total: number | null }>(
          `SELECT client_id, intake_total, later_total FROM lotse_cohort_pairs('teilhabe_bogen', $1)`,
          [JSON.stringify(f)],
        )
      ).rows,
    { 'lotse.agency_id': agencyId },
  );
  expect(new Set(rows.map((r) => r.client_id)).size, 'one pair per client').toBe(rows.length);
  return new Map(rows.map((r) => [r.client_id, { intake: r.intake_total, later: r.later_total }]));
}

/** The score rows as stored, with each intake's age group. */
async function loadFacts(): Promise<Fact[]> {
  return (
    await t.ctx.db.query<Fact>(
      `SELECT f.assessment_id AS id, f.client_id, f.occasion, f.perspective, f.assessed_on::text AS assessed_on,
              f.total, lotse_age_group(c.birth_date, f.assessed_on) AS age_group
         FROM assessment_facts f JOIN clients c ON c.id = f.client_id
        WHERE f.agency_id = $1`,
      [agencyId],
    )
  ).rows;
}

const dates = [
  '2025-01-15',
  '2025-03-01',
  '2025-03-01',
  '2025-06-30',
  '2025-09-10',
  '2026-01-05',
  '2026-02-01',
];

beforeAll(async () => {
  t = await startTestApp({}, { sampleData: false });
  agencyId = (
    await t.ctx.db.query<{ id: string }>(`SELECT id FROM agencies WHERE name = 'Jobcenter EN (Demo)'`)
  ).rows[0]?.id as string;
  const next = random(20261203);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T;
  // Dates from a short list, so that equal dates are common and only the id decides.
  for (let c = 0; c < 60; c++) {
    // Born so that the 25th birthday falls between the dates above for about half of the clients.
    const birth = pick(['2000-02-01', '2000-07-15', '1990-05-05', '1961-01-01']);
    const client = (
      await t.ctx.db.query<{ id: string }>(
        `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, created_at, updated_at)
         VALUES ($1, $2, 'Paar', $3, $4, now(), now()) RETURNING id`,
        [agencyId, `PA-${c}`, `Person${c}`, birth],
      )
    ).rows[0]?.id as string;
    const count = 1 + Math.floor(next() * 6);
    for (let k = 0; k < count; k++) {
      const total = Math.round(next() * 1000) / 10;
      await t.ctx.db.query(
        `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on,
                                  status, scores, total_score, created_at, updated_at, completed_at)
         VALUES ($1, $2, $3, $4, $5, 'together', $6, 'completed', '[]', $7, now(), now(), now())`,
        [
          agencyId,
          client,
          TEILHABE_BOGEN,
          pick(['intake', 'intake', 'follow_up', 'follow_up', 'exit'] as const),
          next() < 0.8 ? 'professional' : 'self',
          pick(dates),
          total,
        ],
      );
    }
  }
  facts = await loadFacts();
});
afterAll(() => t.close());

const filters: Filter[] = [
  {},
  { from: '2025-03-01', to: '2025-12-31' },
  { to: '2025-06-30' },
  { from: '2025-06-30' },
  { pair: 'exit' },
  { perspective: 'self' },
  { ageGroup: 'under_25' },
  { ageGroup: '25_to_34' },
  { ageGroup: '25_to_34', from: '2025-03-01', to: '2026-01-05' },
];

describe('the cohort pairing', () => {
  it.each(filters)('pairs as the reference does for %j', async (f) => {
    const expected = expectedPairs(f);
    // The data set exercises the case: several clients with a pair and several without.
    expect([...expected.values()].filter((p) => p.later !== null).length).toBeGreaterThan(0);
    expect(await storedPairs(f)).toEqual(expected);
  });

  it('holds the cases the reference is meant to catch', () => {
    const intakes = (client: string) =>
      facts.filter((x) => x.client_id === client && x.occasion === 'intake');
    const clients = [...new Set(facts.map((x) => x.client_id))];
    expect(clients.filter((c) => intakes(c).length > 1).length).toBeGreaterThan(3);
    expect(
      clients.filter((c) => new Set(intakes(c).map((x) => x.age_group)).size > 1).length,
      'clients whose age group changes between intakes',
    ).toBeGreaterThan(0);
    const sameDay = clients.filter((c) => {
      const days = intakes(c).map((x) => x.assessed_on);
      return new Set(days).size < days.length;
    });
    expect(sameDay.length, 'clients with two intakes on one day').toBeGreaterThan(0);
  });
});

/**
 * The pairing reads each score row's neighbours (the previous intake, the next later assessment),
 * precomputed when a client's sequence changes (migration 027). After amendments of every kind the
 * pairs must still be the reference's.
 */
describe('the cohort pairing after amendments', () => {
  beforeAll(async () => {
    const next = random(3);
    const ids = facts.map((x) => x.id).sort();
    const some = (share: number) => ids.filter(() => next() < share);
    // A new date, a new occasion, the other perspective, a deletion: each moves rows in a sequence.
    for (const id of some(0.15))
      await t.ctx.db.query('UPDATE assessments SET assessed_on = $2 WHERE id = $1', [
        id,
        dates[Math.floor(next() * dates.length)],
      ]);
    for (const id of some(0.1))
      await t.ctx.db.query(
        `UPDATE assessments SET occasion = CASE occasion WHEN 'intake' THEN 'exit' ELSE 'intake' END WHERE id = $1`,
        [id],
      );
    await t.ctx.db.query(
      `UPDATE assessments SET perspective = CASE perspective WHEN 'self' THEN 'professional' ELSE 'self' END
        WHERE id = ANY ($1::uuid[])`,
      [some(0.05)],
    );
    // Several clients' rows in one statement, as an import writes them.
    await t.ctx.db.query(
      `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on,
                                status, scores, total_score, created_at, updated_at, completed_at)
       SELECT agency_id, client_id, instrument_id, 'follow_up', 'professional', 'together', '2025-09-10',
              'completed', '[]', 42, now(), now(), now()
         FROM (SELECT DISTINCT agency_id, client_id, instrument_id FROM assessments WHERE agency_id = $1) c`,
      [agencyId],
    );
    // Last, so that no later write of the same clients recomputes what a deletion left.
    await t.ctx.db.query('DELETE FROM assessments WHERE id = ANY ($1::uuid[])', [some(0.15)]);
    const before = facts;
    facts = await loadFacts();
    expect(facts).not.toEqual(before);
  });

  it.each(filters)('pairs as the reference does for %j', async (f) => {
    expect(await storedPairs(f)).toEqual(expectedPairs(f));
  });
});

describe('the plan of a cohort report', () => {
  it('may run in parallel workers: the policies of the tables it reads call only parallel-safe functions', async () => {
    // The report runs as lotse_definer, which the policies apply to; one function not marked PARALLEL
    // SAFE in them keeps the whole plan in one process (migration 027).
    const unsafe = await t.ctx.db.query<{ name: string }>(
      `SELECT DISTINCT f.proname AS name
         FROM pg_policies p
         CROSS JOIN LATERAL regexp_matches(coalesce(p.qual, '') || ' ' || coalesce(p.with_check, ''),
                                           '(lotse_[a-z_]+)\\(', 'g') m
         JOIN pg_proc f ON f.proname = m[1]
        WHERE p.schemaname = 'public'
          AND p.tablename IN ('assessment_facts', 'clients', 'cases', 'enrolments', 'instruments')
          AND f.proparallel <> 's'`,
    );
    expect(unsafe.rows).toEqual([]);
    const checked = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_proc WHERE proname IN ('lotse_current_agency', 'lotse_system_scope')
          AND proparallel = 's'`,
    );
    expect(checked.rows[0]?.n).toBe(2);
  });
});
