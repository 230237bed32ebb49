import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-db.ts';
import { type Actor, withActor, withSystem } from './context.ts';

// The request path of decision 0010: transaction settings sent with BEGIN, statements prepared per
// connection, and the client search's index function (migration 025).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

async function twoAgencies(): Promise<[string, string]> {
  const r = await withSystem(t.ctx, (tx) =>
    tx.query<{ id: string }>(
      `SELECT id FROM agencies WHERE id IN (SELECT agency_id FROM users) ORDER BY name LIMIT 2`,
    ),
  );
  return [r.rows[0]?.id as string, r.rows[1]?.id as string];
}

const actorOf = (agencyId: string): Actor => ({
  userId: agencyId,
  agencyId,
  roles: ['caseworker'],
  sessionKey: 'test',
});

describe('transaction settings', () => {
  it('sets each value literally for the transaction only, whatever it contains', async () => {
    const tricky = `a'b"; SELECT 1; --\\ ü`;
    const inside = await t.ctx.db.transaction(
      (tx) =>
        tx.query<{ v: string; scope: string }>(
          `SELECT current_setting('lotse.test_value', true) AS v, current_setting('lotse.scope', true) AS scope`,
        ),
      { 'lotse.test_value': tricky, 'lotse.scope': 'system' },
    );
    expect(inside.rows[0]).toEqual({ v: tricky, scope: 'system' });
    const after = await t.ctx.db.transaction((tx) =>
      tx.query<{ v: string | null }>(`SELECT current_setting('lotse.test_value', true) AS v`),
    );
    expect(after.rows[0]?.v ?? '').toBe('');
  });

  it('rolls the settings back with a failed transaction', async () => {
    await expect(
      t.ctx.db.transaction(
        async (tx) => {
          await tx.query('SELECT 1 / 0');
        },
        { 'lotse.scope': 'system' },
      ),
    ).rejects.toThrow();
    const scope = await t.ctx.db.query<{ scope: string | null }>(
      `SELECT current_setting('lotse.scope', true) AS scope`,
    );
    expect(scope.rows[0]?.scope ?? '').toBe('');
  });
});

describe('prepared statements', () => {
  it('answers many distinct statements correctly, past the per-connection limit', async () => {
    const results = await t.ctx.db.transaction(async (tx) => {
      const out: number[] = [];
      for (let i = 0; i < 520; i++) {
        const r = await tx.query<{ n: number }>(`SELECT $1::int + ${i} AS n`, [i]);
        out.push(r.rows[0]?.n as number);
      }
      return out;
    });
    expect(results).toEqual(Array.from({ length: 520 }, (_, i) => 2 * i));
    if (testEngine() === 'postgres') {
      const prepared = await t.ctx.db.transaction((tx) =>
        tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name LIKE 'lotse\\_%' AND $1`,
          [true],
        ),
      );
      expect(prepared.rows[0]?.n).toBeGreaterThan(0);
      expect(prepared.rows[0]?.n).toBeLessThanOrEqual(500);
    }
  });

  it('gives the same statement text the same answers with other parameters', async () => {
    for (const v of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const r = await t.ctx.db.query<{ n: number }>('SELECT $1::int * 10 AS n', [v]);
      expect(r.rows[0]?.n).toBe(v * 10);
    }
  });
});

describe('lotse_client_name_matches (client search through the trigram indexes)', () => {
  it('returns ids of the caller’s own agency only, never another agency’s matches', async () => {
    const [a, b] = await twoAgencies();
    const name = `Ixtlan${Date.now()}`;
    const inB = await withActor(t.ctx, actorOf(b), (s) =>
      s.tx.query<{ id: string }>(
        `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, created_at, updated_at)
         VALUES ($1, $2, 'Vera', $3, '1980-01-01', now(), now()) RETURNING id`,
        [b, `T-${Date.now()}`, name],
      ),
    );
    const id = inB.rows[0]?.id as string;
    const fromB = await withActor(t.ctx, actorOf(b), (s) =>
      s.tx.query<{ id: string }>('SELECT lotse_client_name_matches($1) AS id', [name.toLowerCase()]),
    );
    expect(fromB.rows.map((r) => r.id)).toEqual([id]);
    const fromA = await withActor(t.ctx, actorOf(a), (s) =>
      s.tx.query<{ id: string }>('SELECT lotse_client_name_matches($1) AS id', [name]),
    );
    expect(fromA.rows).toEqual([]);
  });

  it('matches a substring, a similar word and a client number prefix, as the search did before', async () => {
    const [a] = await twoAgencies();
    const suffix = String(Date.now()).slice(-6);
    const created = await withActor(t.ctx, actorOf(a), (s) =>
      s.tx.query<{ id: string }>(
        `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, created_at, updated_at)
         VALUES ($1, $2, 'Małgorzata', 'Schmidtbauer', '1975-01-31', now(), now()) RETURNING id`,
        [a, `Q-${suffix}`],
      ),
    );
    const id = created.rows[0]?.id as string;
    const find = (query: string) =>
      withActor(t.ctx, actorOf(a), (s) =>
        s.tx.query<{ id: string }>('SELECT lotse_client_name_matches($1) AS id', [query]),
      ).then((r) => r.rows.map((row) => row.id));
    expect(await find('midtbau')).toContain(id);
    expect(await find('Malgorzata')).toContain(id);
    expect(await find('Schmitbauer')).toContain(id);
    expect(await find(`q-${suffix}`)).toContain(id);
    expect(await find('Zzyzx')).not.toContain(id);
  });
});
