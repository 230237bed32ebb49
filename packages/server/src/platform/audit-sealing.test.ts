import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../cli.ts';
import { DEMO, startTestApp, type TestApp } from '../testing/test-app.ts';
import { testEngine } from '../testing/test-db.ts';
import {
  type AuditAnchor,
  AuditKeyMismatchError,
  appendAudit,
  sealAuditLog,
  verifyAuditChain,
} from './audit.ts';
import { auditKey, auditKeyFrom } from './audit-key.ts';
import { canonicalJson } from './canonical-json.ts';
import { type Actor, SYSTEM_SCOPE, withActor } from './context.ts';
import { type Database, openPglite, openPostgres } from './db.ts';
import { migrate } from './migrate.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const engine = testEngine();
const key = () => auditKey(t.ctx.config);
/** The server's context: requests and the sealer run on the app role's connection. */
const app = () => ({ ...t.ctx, db: t.testDb.appDb });
const verify = (options = {}) => verifyAuditChain(t.ctx.db, key(), options);

const cli = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(args, t.ctx, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: async () => '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

/** Seals everything committed; another sealer holding the lock only delays it. */
async function sealAll(db: Database = t.testDb.appDb) {
  for (;;) {
    const r = await sealAuditLog(db, key());
    if (r.ran) return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function actorOf(email: string): Promise<Actor> {
  const r = await t.ctx.db.query<{ id: string; agency_id: string }>(
    'SELECT id, agency_id FROM users WHERE email = $1',
    [email],
  );
  const u = r.rows[0] as { id: string; agency_id: string };
  return { userId: u.id, agencyId: u.agency_id, roles: ['caseworker'], sessionKey: 'test' };
}

const write = (actor: Actor, details: Record<string, string | number>, db = t.testDb.appDb) =>
  withActor({ ...t.ctx, db }, actor, ({ audit }) => audit({ action: 'test.write', details }));

interface Row {
  id: number;
  chain_key: string;
  seq: number;
  hash: string;
  prev_hash: string;
  hash_version: number;
  [column: string]: unknown;
}

const chainRows = async (chainKey: string) =>
  (
    await t.ctx.db.query<Row>(
      'SELECT * FROM audit_log WHERE chain_key = $1 AND seq IS NOT NULL ORDER BY seq',
      [chainKey],
    )
  ).rows;

/** Puts rows and a head back as they were (the superuser may; the head only moves forward otherwise). */
async function restoreChain(chainKey: string, rows: Row[], head: Record<string, unknown>) {
  await t.ctx.db.query('DELETE FROM audit_log WHERE chain_key = $1 AND seq >= $2', [chainKey, rows[0]?.seq]);
  for (const row of rows) {
    const cols = Object.keys(row);
    await t.ctx.db.query(
      `INSERT INTO audit_log (${cols.join(', ')}) OVERRIDING SYSTEM VALUE VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
      cols.map((c) => (c === 'details' ? JSON.stringify(row[c]) : row[c])),
    );
  }
  await t.ctx.db.query('DELETE FROM audit_chain_head WHERE chain_key = $1', [chainKey]);
  await t.ctx.db.query(
    'INSERT INTO audit_chain_head (chain_key, seq, hash, key_id) VALUES ($1, $2, $3, $4)',
    [head.chain_key, head.seq, head.hash, head.key_id],
  );
}

const headOf = async (chainKey: string) =>
  (await t.ctx.db.query('SELECT * FROM audit_chain_head WHERE chain_key = $1', [chainKey])).rows[0] as Record<
    string,
    unknown
  >;

/** The unkeyed SHA-256 of the chain before the key existed, as an attacker without the key can compute it. */
function sha256Entry(prevHash: string, row: Row, seq: number): string {
  const payload = canonicalJson({
    chainKey: row.chain_key,
    seq,
    at: (row.at as Date).toISOString(),
    agencyId: row.agency_id,
    actorUserId: row.actor_user_id,
    action: row.action,
    outcome: row.outcome,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    clientId: row.client_id,
    details: row.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

describe('keyed audit chain and anchors', () => {
  it('[trust #10] entries are chained with HMAC-SHA256: re-chaining a changed entry without the key is found', async () => {
    const actor = await actorOf(DEMO.caseworker);
    for (let n = 0; n < 4; n++) await write(actor, { n });
    await sealAll();
    const chain = actor.agencyId;
    const before = await chainRows(chain);
    const head = await headOf(chain);
    expect(before.every((r) => r.hash_version === 2)).toBe(true);

    // Change the third-last entry and re-chain the rest the way the unkeyed chain allowed.
    const from = before.length - 3;
    let prev = (before[from - 1] as Row).hash;
    for (const [i, row] of before.slice(from).entries()) {
      const changed = { ...row, action: i === 0 ? 'test.forged' : row.action };
      const hash = sha256Entry(prev, changed, row.seq);
      await t.ctx.db.query('UPDATE audit_log SET action = $2, prev_hash = $3, hash = $4 WHERE id = $1', [
        row.id,
        changed.action,
        prev,
        hash,
      ]);
      prev = hash;
    }
    await t.ctx.db.query('DELETE FROM audit_chain_head WHERE chain_key = $1', [chain]);
    await t.ctx.db.query(
      'INSERT INTO audit_chain_head (chain_key, seq, hash, key_id) VALUES ($1, $2, $3, $4)',
      [chain, head.seq, prev, head.key_id],
    );
    const keyed = await verify();
    expect(keyed.problems).toContainEqual({
      chainKey: chain,
      seq: (before[from] as Row).seq,
      problem: 'hash_mismatch',
    });

    // Claiming the old unkeyed format for them does not help either.
    await t.ctx.db.query('UPDATE audit_log SET hash_version = 1 WHERE chain_key = $1 AND seq >= $2', [
      chain,
      (before[from] as Row).seq,
    ]);
    const unkeyed = await verify();
    expect(unkeyed.problems).toContainEqual({
      chainKey: chain,
      seq: (before[from] as Row).seq,
      problem: 'unkeyed_after_keyed',
    });

    await restoreChain(chain, before.slice(from), head);
    expect((await verify()).ok).toBe(true);
  });

  it('[trust #10] a cut-off tail with the head moved back is found with an anchor (lotse audit anchor / verify --anchor)', async () => {
    const actor = await actorOf(DEMO.caseworker);
    for (let n = 0; n < 3; n++) await write(actor, { n });
    const dir = await mkdtemp(path.join(tmpdir(), 'lotse-anchor-'));
    try {
      const file = path.join(dir, 'anchor.json');
      const anchored = await cli(['audit', 'anchor', '--out', file]);
      expect(anchored.code).toBe(0);
      const anchor = JSON.parse(await readFile(file, 'utf8')) as AuditAnchor;
      const chain = actor.agencyId;
      const at = anchor.chains.find((c) => c.chainKey === chain);
      expect(at?.seq).toBeGreaterThanOrEqual(3);
      expect((await cli(['audit', 'verify', '--anchor', file])).code).toBe(0);

      // Delete the newest two entries and move the head back onto the entry before them.
      const rows = await chainRows(chain);
      const cut = rows.slice(-2);
      const kept = rows.at(-3) as Row;
      const head = await headOf(chain);
      await t.ctx.db.query('DELETE FROM audit_log WHERE id = ANY($1)', [cut.map((r) => r.id)]);
      await t.ctx.db.query('DELETE FROM audit_chain_head WHERE chain_key = $1', [chain]);
      await t.ctx.db.query(
        'INSERT INTO audit_chain_head (chain_key, seq, hash, key_id) VALUES ($1, $2, $3, $4)',
        [chain, kept.seq, kept.hash, head.key_id],
      );
      // Without an anchor such a cut cannot be told from a shorter history ...
      expect((await verify()).ok).toBe(true);
      // ... with one it is found.
      const withAnchor = await verify({ anchor });
      expect(withAnchor.problems).toContainEqual({ chainKey: chain, seq: at?.seq, problem: 'truncated' });
      const run = await cli(['audit', 'verify', '--anchor', file]);
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/truncated/);

      // An anchor cannot be edited to fit without the key.
      const edited = {
        ...anchor,
        chains: anchor.chains.map((c) => (c.chainKey === chain ? { ...c, seq: kept.seq } : c)),
      };
      await writeFile(file, JSON.stringify(edited));
      expect((await verify({ anchor: edited })).problems).toContainEqual({
        chainKey: '*',
        seq: 0,
        problem: 'anchor_invalid',
      });

      await restoreChain(chain, cut, head);
      expect((await verify({ anchor })).ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('[trust #10] entries chained before the key existed stay verifiable, and the keyed chain continues them', async () => {
    const agency = (
      await t.ctx.db.query<{ id: string }>(
        `INSERT INTO agencies (name, kind) VALUES ('Altbestand', 'provider') RETURNING id`,
      )
    ).rows[0]?.id as string;
    // Three entries in the format before the key: unkeyed SHA-256, head without key id.
    let prev = '0'.repeat(64);
    for (let seq = 1; seq <= 3; seq++) {
      const row = {
        chain_key: agency,
        at: new Date(Date.UTC(2025, 0, seq)),
        agency_id: agency,
        actor_user_id: null,
        action: 'legacy.entry',
        outcome: 'success',
        resource_type: null,
        resource_id: null,
        client_id: null,
        details: { seq },
      } as unknown as Row;
      const hash = sha256Entry(prev, row, seq);
      await t.ctx.db.query(
        `INSERT INTO audit_log (chain_key, seq, at, agency_id, action, outcome, details, prev_hash, hash, hash_version)
         VALUES ($1, $2, $3, $7, 'legacy.entry', 'success', $4, $5, $6, 1)`,
        [agency, seq, row.at, JSON.stringify({ seq }), prev, hash, agency],
      );
      prev = hash;
    }
    await t.ctx.db.query('INSERT INTO audit_chain_head (chain_key, seq, hash) VALUES ($1, 3, $2)', [
      agency,
      prev,
    ]);
    await withActor(
      app(),
      { userId: '00000000-0000-0000-0000-000000000000', agencyId: agency, roles: [], sessionKey: 'x' },
      ({ audit }) => audit({ action: 'test.after_key' }),
    );
    await sealAll();
    const rows = await chainRows(agency);
    expect(rows.map((r) => [r.seq, r.hash_version])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
    ]);
    expect((await verify()).ok).toBe(true);
    await t.ctx.db.query(`UPDATE audit_log SET details = '{"seq": 9}' WHERE chain_key = $1 AND seq = 2`, [
      agency,
    ]);
    expect((await verify()).problems).toContainEqual({ chainKey: agency, seq: 2, problem: 'hash_mismatch' });
    await t.ctx.db.query(`UPDATE audit_log SET details = '{"seq": 2}' WHERE chain_key = $1 AND seq = 2`, [
      agency,
    ]);
    expect((await verify()).ok).toBe(true);
  });
});

describe('lock-free audit trail (appended without a lock, chained by the sealer)', () => {
  it('appends without locking the chain head: two requests of one agency append at the same time', async () => {
    const actor = await actorOf(DEMO.caseworker);
    const locks = await withActor(app(), actor, async ({ tx, audit }) => {
      await audit({ action: 'test.lock_probe' });
      return (
        await tx.query(
          `SELECT mode FROM pg_locks WHERE pid = pg_backend_pid() AND relation = 'audit_chain_head'::regclass`,
        )
      ).rows;
    });
    expect(locks).toEqual([]);
    if (engine === 'pglite') return; // one connection: transactions cannot overlap

    // A appends first and stays open; B appends later and commits while A is still open. With a
    // lock per agency B would wait for A (and this test would time out).
    let releaseA: () => void = () => undefined;
    const aHolds = new Promise<void>((resolve) => {
      releaseA = resolve;
    });
    let aAppended: () => void = () => undefined;
    const aReady = new Promise<void>((resolve) => {
      aAppended = resolve;
    });
    const a = withActor(app(), actor, async ({ tx, audit }) => {
      await audit({ action: 'test.late_commit' });
      aAppended();
      await aHolds;
      return (
        await tx.query<{ id: number }>(
          `SELECT max(id)::int AS id FROM audit_log WHERE action = 'test.late_commit'`,
        )
      ).rows[0]?.id;
    });
    await aReady;
    await write(actor, { order: 'early_commit' });
    await sealAll();
    const b = (
      await t.ctx.db.query<{ id: number; seq: number }>(
        `SELECT id, seq FROM audit_log WHERE action = 'test.write' AND details->>'order' = 'early_commit'`,
      )
    ).rows[0];
    expect(b?.seq).toBeGreaterThan(0);
    releaseA();
    const aId = (await a) as number;
    expect(aId).toBeLessThan(b?.id as number); // sequence order is not commit order ...
    await sealAll();
    const aRow = (await t.ctx.db.query<{ seq: number }>('SELECT seq FROM audit_log WHERE id = $1', [aId]))
      .rows[0];
    expect(aRow?.seq).toBeGreaterThan(b?.seq as number); // ... and the late commit is chained, not skipped
    expect((await verify()).ok).toBe(true);
  });

  it('loses and reorders no entry under 50 concurrent writers', async () => {
    const actors = [await actorOf(DEMO.caseworker), await actorOf(DEMO.caseworkerMk)];
    const writers = 50;
    const perWriter = 4;
    const pool =
      engine === 'postgres' ? await openPostgres(t.testDb.appUrl as string, writers) : t.testDb.appDb;
    try {
      let writing = true;
      const sealer = (async () => {
        while (writing) await sealAuditLog(pool, key());
      })();
      await Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          for (let n = 0; n < perWriter; n++) await write(actors[w % 2] as Actor, { writer: w, n }, pool);
        }),
      );
      writing = false;
      await sealer;
    } finally {
      if (pool !== t.testDb.appDb) await pool.close();
    }
    await sealAll();
    const rows = (
      await t.ctx.db.query<{ chain_key: string; seq: number | null; writer: number; n: number }>(
        `SELECT chain_key, seq, (details->>'writer')::int AS writer, (details->>'n')::int AS n
           FROM audit_log WHERE action = 'test.write' AND details ? 'writer' ORDER BY chain_key, seq`,
      )
    ).rows;
    expect(rows).toHaveLength(writers * perWriter);
    expect(new Set(rows.map((r) => `${r.writer}/${r.n}`)).size).toBe(writers * perWriter);
    expect(rows.every((r) => r.seq !== null)).toBe(true);
    for (let w = 0; w < writers; w++) {
      const mine = rows.filter((r) => r.writer === w);
      expect(
        mine.map((r) => r.n),
        `writer ${w}`,
      ).toEqual([0, 1, 2, 3]); // in chain order
      expect(new Set(mine.map((r) => r.chain_key)).size).toBe(1);
    }
    const result = await verify();
    expect(result.problems).toEqual([]);
    expect(result.unsealed).toBe(0);
  });

  it('a crash between commit and sealing loses nothing: the next sealer chains what was committed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lotse-crash-'));
    const open = (): Promise<Database> =>
      engine === 'postgres' ? openPostgres(t.testDb.appUrl as string, 2) : openPglite(dir);
    try {
      let db = await open();
      if (engine === 'pglite') await migrate(db);
      const agency = engine === 'pglite' ? null : (await actorOf(DEMO.caseworker)).agencyId;
      const append = (n: number) =>
        db.transaction(
          (tx) =>
            appendAudit(
              tx,
              { action: 'test.crash', agencyId: agency, actorUserId: null, details: { n } },
              new Date(),
            ),
          SYSTEM_SCOPE,
        );
      await append(0);
      await sealAuditLog(db, key());
      for (let n = 1; n <= 5; n++) await append(n);
      // The sealer dies in the middle (here: it finds a chain sealed with another key and throws).
      await expect(sealAuditLog(db, auditKeyFrom(Buffer.alloc(32, 7)))).rejects.toThrow(
        AuditKeyMismatchError,
      );
      await db.close(); // the process goes away before any sealer ran again

      db = await open(); // restart
      const before = await db.transaction(
        async (tx) =>
          (
            await tx.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.crash' AND seq IS NULL`,
            )
          ).rows[0]?.n,
        SYSTEM_SCOPE,
      );
      expect(before).toBe(5);
      expect((await sealAuditLog(db, key())).ran).toBe(true);
      const after = await verifyAuditChain(db, key());
      expect(after.problems).toEqual([]);
      const crashed = await db.transaction(
        async (tx) =>
          (
            await tx.query<{ n: number; seq: number }>(
              `SELECT (details->>'n')::int AS n, seq FROM audit_log WHERE action = 'test.crash' ORDER BY seq`,
            )
          ).rows,
        SYSTEM_SCOPE,
      );
      expect(crashed.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5]);
      await db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000); // PGlite: a second embedded database is created and migrated

  it('verify reports entries the sealer has not reached within the limit; the CLI seals before it verifies', async () => {
    const actor = await actorOf(DEMO.caseworker);
    await write(actor, { pending: 'yes' });
    await t.ctx.db.query(
      `UPDATE audit_log SET appended_at = now() - interval '1 hour' WHERE action = 'test.write' AND details->>'pending' = 'yes'`,
    );
    const late = await verify();
    expect(late.problems).toContainEqual({ chainKey: actor.agencyId, seq: 0, problem: 'unsealed_overdue' });
    expect(late.unsealed).toBeGreaterThan(0);
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(0);
    expect((await verify()).ok).toBe(true);
  });

  it('shows an entry in the audit log right after the request, before it is sealed', async () => {
    const lead = t.client();
    await lead.login(DEMO.lead);
    const entries = await lead.get('/api/audit?action=auth.login');
    expect(entries.status).toBe(200);
    const newest = await t.ctx.db.query<{ seq: number | null }>(
      `SELECT seq FROM audit_log WHERE action LIKE 'auth.login%' ORDER BY id DESC LIMIT 1`,
    );
    expect(newest.rows[0]?.seq).toBeNull();
    expect(entries.body.total).toBeGreaterThan(0);
  });
});
