import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../testing/test-app.ts';

/**
 * The cohort sums when a client's intake and later assessment use different versions of the key:
 * the scores are aligned by dimension key (migration 027 maps positions per pair of versions), and an
 * agency's own version counts like a shared one. Expected sums are computed here from the scores.
 */

const SHARED = '7e11ab0e-0000-4000-8000-000000000001';

let t: TestApp;
let agencyId: string;
let sharedKeys: string[];
let ownKeys: string[];
let ownVersion: string;

interface Pair {
  intake: { version: string; scores: Record<string, number> };
  later: { version: string; scores: Record<string, number> };
}
const pairs: Pair[] = [];

const scoresOf = (keys: string[], value: (key: string, index: number) => number) =>
  Object.fromEntries(keys.map((k, i) => [k, value(k, i)]));

beforeAll(async () => {
  t = await startTestApp({}, { sampleData: false });
  agencyId = (
    await t.ctx.db.query<{ id: string }>(`SELECT id FROM agencies WHERE name = 'Jobcenter EN (Demo)'`)
  ).rows[0]?.id as string;
  sharedKeys = (
    await t.ctx.db.query<{ keys: string[] }>(
      'SELECT lotse_dimension_keys(definition) AS keys FROM instruments WHERE id = $1',
      [SHARED],
    )
  ).rows[0]?.keys as string[];
  // The agency's own version: the dimensions in reverse order, the last shared one left out.
  ownVersion = (
    await t.ctx.db.query<{ id: string }>(
      `INSERT INTO instruments (agency_id, key, version, status, definition, based_on_id, created_at, updated_at, published_at)
       SELECT $1, key, 99, 'published',
              jsonb_set(definition, '{dimensions}',
                        (SELECT jsonb_agg(d ORDER BY o DESC) FROM jsonb_array_elements(definition->'dimensions')
                                WITH ORDINALITY x(d, o) WHERE o < jsonb_array_length(definition->'dimensions'))),
              id, now(), now(), now()
         FROM instruments WHERE id = $2
       RETURNING id`,
      [agencyId, SHARED],
    )
  ).rows[0]?.id as string;
  ownKeys = sharedKeys.slice(0, -1).reverse();
  const plan: [string, string][] = [
    [SHARED, ownVersion],
    [SHARED, ownVersion],
    [ownVersion, SHARED],
    [ownVersion, ownVersion],
    [SHARED, SHARED],
  ];
  for (const [c, [intakeVersion, laterVersion]] of plan.entries()) {
    const keysOf = (v: string) => (v === SHARED ? sharedKeys : ownKeys);
    const pair: Pair = {
      intake: {
        version: intakeVersion,
        scores: scoresOf(keysOf(intakeVersion), (_k, i) => 1 + ((c + i) % 4)),
      },
      later: {
        version: laterVersion,
        scores: scoresOf(keysOf(laterVersion), (k) => 2 + ((c * 7 + k.length) % 3)),
      },
    };
    pairs.push(pair);
    const client = (
      await t.ctx.db.query<{ id: string }>(
        `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, created_at, updated_at)
         VALUES ($1, $2, 'Version', $3, '1980-01-01', now(), now()) RETURNING id`,
        [agencyId, `VE-${c}`, `Person${c}`],
      )
    ).rows[0]?.id as string;
    for (const [occasion, on, a] of [
      ['intake', '2025-02-01', pair.intake],
      ['follow_up', '2025-08-01', pair.later],
    ] as const) {
      await t.ctx.db.query(
        `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on,
                                  status, scores, total_score, created_at, updated_at, completed_at)
         VALUES ($1, $2, $3, $4, 'professional', 'together', $5, 'completed', $6, $7, now(), now(), now())`,
        [
          agencyId,
          client,
          a.version,
          occasion,
          on,
          JSON.stringify(Object.entries(a.scores).map(([dimension, score]) => ({ dimension, score }))),
          Object.values(a.scores).reduce((s, x) => s + x, 0),
        ],
      );
    }
  }
});
afterAll(() => t.close());

describe('cohort sums across versions of the key', () => {
  it('aligns later scores to the intake version by dimension key', async () => {
    const rows = await t.ctx.db.transaction(
      async (tx) =>
        (
          await tx.query<{ kind: string; dimension: string | null; n: number; sum_x: number; sum_y: number }>(
            `SELECT kind, dimension, n::int AS n, sum_x, sum_y FROM lotse_cohort_sums('teilhabe_bogen', $1, '{}')`,
            [JSON.stringify({ agencyIds: [agencyId] })],
          )
        ).rows,
      { 'lotse.agency_id': agencyId },
    );
    const expected = new Map<string, { n: number; sum_x: number; sum_y: number }>();
    for (const p of pairs)
      for (const [key, x] of Object.entries(p.intake.scores)) {
        const y = p.later.scores[key];
        if (y === undefined) continue;
        const e = expected.get(key) ?? { n: 0, sum_x: 0, sum_y: 0 };
        expected.set(key, { n: e.n + 1, sum_x: e.sum_x + x, sum_y: e.sum_y + y });
      }
    const dimensionRows = rows.filter((r) => r.kind === 'change' && r.dimension !== '_total');
    expect(
      new Map(dimensionRows.map((r) => [r.dimension, { n: r.n, sum_x: r.sum_x, sum_y: r.sum_y }])),
    ).toEqual(expected);
    // The left-out dimension is paired only where both versions have it.
    const last = sharedKeys.at(-1) as string;
    expect(expected.get(last)?.n).toBe(1);
    expect(rows.find((r) => r.kind === 'stayed')?.n).toBe(pairs.length);
    const total = rows.find((r) => r.dimension === '_total');
    expect(total?.n).toBe(pairs.length);
  });
});
