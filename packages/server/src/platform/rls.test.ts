import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-db.ts';
import { loadConfig } from './config.ts';
import { withActor, withSystem } from './context.ts';
import { appRoleFacts, checkAppRole } from './database.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const engine = testEngine();

async function agencyIds(): Promise<[string, string]> {
  const r = await t.ctx.db.query<{ id: string }>(
    `SELECT id FROM agencies WHERE id IN (SELECT agency_id FROM users) ORDER BY name LIMIT 2`,
  );
  return [r.rows[0]?.id as string, r.rows[1]?.id as string];
}

describe('row-level security holds for every role but the system scope', () => {
  it('[trust #9] every table with agency data has FORCE ROW LEVEL SECURITY and a system_scope policy', async () => {
    const tables = await t.ctx.db.query<{ name: string; rls: boolean; forced: boolean; system: boolean }>(
      `SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
              EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'system_scope') AS system
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND (c.relrowsecurity OR c.relname = 'audit_chain_head'
               OR EXISTS (SELECT 1 FROM pg_attribute a
                           WHERE a.attrelid = c.oid AND a.attname = 'agency_id' AND NOT a.attisdropped))
        ORDER BY 1`,
    );
    const names = tables.rows.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['clients', 'users', 'audit_log', 'audit_chain_head']));
    // A table with agency_id but without row-level security is reported; migrate() protects the others.
    const unprotected = tables.rows.filter((r) => !r.rls || !r.forced || !r.system).map((r) => r.name);
    expect(unprotected).toEqual([]);
  });

  it('policies compute the actor’s agency and the system scope once per statement, not per row', async () => {
    const policies = await t.ctx.db.query<{ name: string; rule: string }>(
      `SELECT tablename || '.' || policyname AS name, coalesce(qual, '') || ' ' || coalesce(with_check, '') AS rule
         FROM pg_policies WHERE schemaname = 'public' ORDER BY 1`,
    );
    expect(policies.rows.length).toBeGreaterThan(50);
    const perRow = policies.rows.filter((p) =>
      /(?<!SELECT )lotse_(current_agency|system_scope)\(\)/.test(p.rule),
    );
    expect(perRow.map((p) => p.name)).toEqual([]);
    // The rewrite kept the rules: one table's policies as the application sees them.
    const clients = policies.rows.filter((p) => p.name.startsWith('clients.')).map((p) => p.rule);
    expect(clients.join(' ')).toMatch(/agency_id = \( SELECT lotse_current_agency\(\)/);
  });

  it('the app role sees its agency’s rows by index through the once-per-statement policy', async () => {
    const [a] = await agencyIds();
    const plan = await withActor(
      t.ctx,
      { userId: a, agencyId: a, roles: ['caseworker'], sessionKey: 'x' },
      (s) =>
        s.tx.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (COSTS OFF) SELECT count(*) FROM users WHERE agency_id = $1`,
          [a],
        ),
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toMatch(/InitPlan/);
    expect(text).not.toMatch(/current_setting/);
  });

  it('[trust #9] SECURITY DEFINER functions belong to lotse_definer and have a fixed search_path', async () => {
    const fns = await t.ctx.db.query<{ name: string; config: string[] | null; owner: boolean }>(
      `SELECT p.proname AS name, p.proconfig AS config, p.proowner::regrole::text = 'lotse_definer' AS owner
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef ORDER BY 1`,
    );
    expect(fns.rows.map((f) => f.name)).toEqual(
      expect.arrayContaining(['lotse_email_taken', 'lotse_programme_counts', 'lotse_shared_client_ids']),
    );
    for (const f of fns.rows) {
      expect(f.owner, f.name).toBe(true);
      expect(f.config ?? [], f.name).toContain('search_path=public');
    }
  });

  it('[trust #9] SECURITY DEFINER functions still see across agencies (e-mail uniqueness, partner agencies)', async () => {
    const [a] = await agencyIds();
    const other = await t.ctx.db.query<{ email: string }>(
      'SELECT email FROM users WHERE agency_id <> $1 LIMIT 1',
      [a],
    );
    const actor = { userId: '00000000-0000-0000-0000-000000000000', agencyId: a, roles: [], sessionKey: 'x' };
    const seen = await withActor({ ...t.ctx, db: t.testDb.appDb }, actor, async ({ tx }) => ({
      taken: (await tx.query<{ t: boolean }>('SELECT lotse_email_taken($1) AS t', [other.rows[0]?.email]))
        .rows[0]?.t,
      partners: (await tx.query('SELECT * FROM lotse_partner_agencies()')).rowCount,
      ownUsers: (await tx.query('SELECT 1 FROM users WHERE agency_id <> $1', [a])).rowCount,
    }));
    expect(seen).toEqual({ taken: true, partners: expect.any(Number), ownUsers: 0 });
    expect(seen.partners).toBeGreaterThan(0);
  });

  it('[trust #9] the system scope ends with its transaction', async () => {
    const app = { ...t.ctx, db: t.testDb.appDb };
    const [a] = await agencyIds();
    expect(
      await withSystem(app, async (tx) => (await tx.query('SELECT 1 FROM users')).rowCount),
    ).toBeGreaterThan(5);
    const actor = { userId: '00000000-0000-0000-0000-000000000000', agencyId: a, roles: [], sessionKey: 'x' };
    const visible = await withActor(
      app,
      actor,
      async ({ tx }) => (await tx.query('SELECT DISTINCT agency_id FROM users')).rows,
    );
    expect(visible).toEqual([{ agency_id: a }]);
  });
});

describe('the connection requests run on', () => {
  it("[trust #9] the app's credentials cannot read another agency's rows, even after RESET ROLE", async () => {
    const [a, b] = await agencyIds();
    if (engine === 'pglite') {
      // Embedded: one in-process user, no credentials to steal; requests switch to lotse_app.
      const actor = {
        userId: '00000000-0000-0000-0000-000000000000',
        agencyId: a,
        roles: [],
        sessionKey: 'x',
      };
      const seen = await withActor(t.ctx, actor, async ({ tx }) => ({
        role: (await tx.query<{ u: string }>('SELECT current_user AS u')).rows[0]?.u,
        agencies: (await tx.query<{ agency_id: string }>('SELECT DISTINCT agency_id FROM users')).rows,
      }));
      expect(seen).toEqual({ role: 'lotse_app', agencies: [{ agency_id: a }] });
      return;
    }
    const client = new pg.Client({ connectionString: t.testDb.appUrl });
    await client.connect();
    try {
      const count = async (sql: string) => (await client.query(sql)).rows.length;
      await client.query('BEGIN');
      await client.query(
        `SELECT set_config('lotse.agency_id', $1, true), set_config('role', 'lotse_app', true)`,
        [a],
      );
      await client.query('RESET ROLE');
      expect((await client.query('SELECT current_user AS u')).rows[0].u).toBe(
        (await appRoleFacts(t.testDb.appDb)).role,
      );
      const users = await client.query<{ agency_id: string }>('SELECT agency_id FROM users');
      expect(users.rows.length).toBeGreaterThan(0);
      expect(new Set(users.rows.map((r) => r.agency_id))).toEqual(new Set([a]));
      expect(await count(`SELECT 1 FROM users WHERE agency_id = '${b}'`)).toBe(0);
      expect(await count(`SELECT 1 FROM agencies WHERE id = '${b}'`)).toBe(0);
      expect(await count(`SELECT 1 FROM audit_log WHERE agency_id = '${b}'`)).toBe(0);
      // Another agency's chain head can be neither read nor moved.
      expect(
        (await client.query(`UPDATE audit_chain_head SET seq = 0 WHERE chain_key = '${b}'`)).rowCount,
      ).toBe(0);
      await client.query('ROLLBACK');

      // Without an agency nothing is visible at all.
      expect(await count('SELECT 1 FROM users')).toBe(0);
      // The app role can become neither the owner, nor lotse_definer, nor a superuser.
      const owner = (
        await t.ctx.db.query<{ o: string }>(
          `SELECT relowner::regrole::text AS o FROM pg_class WHERE oid = 'users'::regclass`,
        )
      ).rows[0]?.o;
      await expect(client.query(`SET ROLE ${owner}`)).rejects.toThrow(/permission denied/);
      await expect(client.query('SET ROLE postgres')).rejects.toThrow(/permission denied/);
      await expect(client.query('SET ROLE lotse_definer')).rejects.toThrow(/permission denied/);
      await expect(client.query('ALTER TABLE users NO FORCE ROW LEVEL SECURITY')).rejects.toThrow(/owner/);
    } finally {
      await client.end();
    }
  });

  it('[trust #9] the app role is checked at start: no owner, superuser or BYPASSRLS role serves requests', async () => {
    if (engine === 'pglite') {
      expect(await checkAppRole(t.ctx.config, t.ctx.db)).toBeUndefined();
      return;
    }
    const both = loadConfig({ DATABASE_URL: t.testDb.appUrl, LOTSE_OWNER_DATABASE_URL: t.testDb.ownerUrl });
    expect(await checkAppRole(both, t.testDb.appDb)).toBeUndefined();
    expect(await appRoleFacts(t.testDb.appDb)).toMatchObject({
      superuser: false,
      bypassRls: false,
      ownsTables: 0,
      memberOfOwner: false,
      memberOfDefiner: false,
    });
    await expect(checkAppRole(both, t.ctx.db)).rejects.toThrow(/superuser/);
    // One URL for both keeps working, with a warning.
    const single = loadConfig({ DATABASE_URL: t.testDb.url });
    expect(await checkAppRole(single, t.ctx.db)).toMatch(/bypasses row-level security/);
  });
});
