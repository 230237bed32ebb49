import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../cli.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { auditKey } from '../../platform/audit-key.ts';
import { sealAudit } from '../../platform/housekeeping.ts';
import { DEMO, startTestApp, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

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

describe('audit entries', () => {
  it('records reads and writes of personal data with actor and agency', async () => {
    const admin = t.client();
    const login = await admin.login(DEMO.admin);
    const me = login.body.user;
    await admin.get('/api/users');
    const created = await admin.post('/api/users', {
      email: 'neu@jc-en.example',
      displayName: 'Nina Neu',
      roles: ['caseworker'],
    });
    await admin.patch(`/api/users/${created.body.user.id}`, { roles: ['caseworker', 'lead'] });
    const rows = await t.ctx.db.query<{
      action: string;
      actor_user_id: string;
      agency_id: string;
      resource_id: string | null;
    }>(
      'SELECT action, actor_user_id, agency_id, resource_id FROM audit_log WHERE actor_user_id = $1 ORDER BY id',
      [me.id],
    );
    const actions = rows.rows.map((r) => r.action);
    expect(actions).toEqual(['auth.login', 'users.list', 'users.create', 'users.roles.change']);
    for (const r of rows.rows) expect(r.agency_id).toBe(me.agency.id);
    expect(rows.rows[2]?.resource_id).toBe(created.body.user.id);
  });

  it('keeps names and e-mail addresses out of the audit trail', async () => {
    const dump = await t.ctx.db.query<{ j: string }>(
      "SELECT string_agg(details::text, ' ') AS j FROM audit_log",
    );
    expect(dump.rows[0]?.j).not.toMatch(/Nina|neu@jc-en|@jc-en\.example/);
  });

  it('rolls the audit entry back together with a failed action', async () => {
    const admin = t.client();
    await admin.login(DEMO.admin);
    const before = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'users.create'`,
    );
    const dup = await admin.post('/api/users', {
      email: 'neu@jc-en.example',
      displayName: 'Doppelt',
      roles: ['caseworker'],
    });
    expect(dup.status).toBe(409);
    const after = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'users.create'`,
    );
    expect(after.rows[0]?.n).toBe(before.rows[0]?.n);
  });
});

describe('audit log API', () => {
  it('lets a lead filter by user and time, newest first, paged', async () => {
    const lead = t.client();
    await lead.login(DEMO.lead);
    const cw = t.client();
    const cwLogin = await cw.login(DEMO.caseworker);
    t.clock.advance(60_000);
    await cw.post('/api/auth/logout');
    const res = await lead.get(`/api/audit?userId=${cwLogin.body.user.id}&pageSize=1`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].action).toBe('auth.logout');
    expect(res.body.items[0].actor.displayName).toBe('Jonas Lotse');
    const page2 = await lead.get(`/api/audit?userId=${cwLogin.body.user.id}&pageSize=1&page=2`);
    expect(page2.body.items[0].action).toBe('auth.login');
    const day = t.clock.now().toISOString().slice(0, 10);
    const sameDay = await lead.get(`/api/audit?userId=${cwLogin.body.user.id}&from=${day}&to=${day}`);
    expect(sameDay.body.total).toBe(2);
    const later = await lead.get(`/api/audit?userId=${cwLogin.body.user.id}&from=2030-01-01`);
    expect(later.body.total).toBe(0);
    const byAction = await lead.get(`/api/audit?action=auth.log`);
    expect(byAction.body.items.every((i: { action: string }) => i.action.startsWith('auth.log'))).toBe(true);
  });

  it('rejects malformed filters with 400', async () => {
    const lead = t.client();
    await lead.login(DEMO.lead);
    expect((await lead.get('/api/audit?userId=not-a-uuid')).status).toBe(400);
    expect((await lead.get('/api/audit?from=yesterday')).status).toBe(400);
    expect((await lead.get('/api/audit?pageSize=100000')).status).toBe(400);
  });
});

const verify = () => verifyAuditChain(t.ctx.db, auditKey(t.ctx.config));

describe('audit chain verification', () => {
  it('reports an intact chain', async () => {
    await sealAudit(t.ctx);
    const result = await verify();
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThan(10);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
  });

  it('detects a changed entry and names it', async () => {
    const victim = (
      await t.ctx.db.query<{ id: number; seq: number; chain_key: string; action: string }>(
        `SELECT id, seq, chain_key, action FROM audit_log WHERE action = 'users.create' LIMIT 1`,
      )
    ).rows[0];
    if (!victim) throw new Error('no entry to tamper with');
    await t.ctx.db.query(`UPDATE audit_log SET action = 'users.list' WHERE id = $1`, [victim.id]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({
      chainKey: victim.chain_key,
      seq: victim.seq,
      problem: 'hash_mismatch',
    });
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/TAMPERED/);
    await t.ctx.db.query('UPDATE audit_log SET action = $2 WHERE id = $1', [victim.id, victim.action]);
    expect((await verify()).ok).toBe(true);
  });

  it('detects a deleted entry in the middle and a removed tail', async () => {
    const rows = await t.ctx.db.query<
      Record<string, unknown> & { id: number; chain_key: string; seq: number }
    >(
      `SELECT * FROM audit_log WHERE chain_key = (SELECT chain_key FROM audit_log WHERE action = 'users.create' LIMIT 1)
        ORDER BY seq`,
    );
    const middle = rows.rows[2];
    const last = rows.rows[rows.rows.length - 1];
    if (!middle || !last) throw new Error('chain too short');
    await t.ctx.db.query('DELETE FROM audit_log WHERE id = $1', [middle.id]);
    const gap = await verify();
    expect(gap.problems).toContainEqual({
      chainKey: middle.chain_key,
      seq: middle.seq,
      problem: 'missing_entry',
    });
    await restore(middle);

    await t.ctx.db.query('DELETE FROM audit_log WHERE id = $1', [last.id]);
    const tail = await verify();
    expect(tail.ok).toBe(false);
    expect(tail.problems.map((p) => p.problem)).toContain('head_mismatch');
    await restore(last);
    expect((await verify()).ok).toBe(true);
  });
});

async function restore(row: Record<string, unknown>) {
  const cols = Object.keys(row);
  await t.ctx.db.query(
    `INSERT INTO audit_log (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`,
    cols.map((c) => (c === 'details' ? JSON.stringify(row[c]) : row[c])),
  );
}
