import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let cw: TestClient;
let drv: TestClient;
let mk: TestClient;
let jcId: string;
let drvId: string;
let mkId: string;

const agencyId = async (name: string) =>
  (await t.ctx.db.query<{ id: string }>('SELECT id FROM agencies WHERE name = $1', [name])).rows[0]
    ?.id as string;

beforeAll(async () => {
  t = await startTestApp();
  [cw, drv, mk] = [t.client(), t.client(), t.client()];
  await Promise.all([cw.login(DEMO.caseworker), drv.login(DEMO.caseworkerDrv), mk.login(DEMO.caseworkerMk)]);
  jcId = await agencyId('Jobcenter EN (Demo)');
  drvId = await agencyId('DRV Westfalen (Demo)');
  mkId = await agencyId('Jobcenter Maerkischer Kreis (Demo)');
});
afterAll(() => t.close());

/** A client of Jobcenter EN shared with the DRV on a sharing consent; returns the ids. */
async function sharedClient() {
  const client = await cw.post('/api/clients', {
    firstName: 'Olga',
    lastName: `Widerruf-${randomUUID().slice(0, 8)}`,
    birthDate: '1969-02-03',
    allowDuplicate: true,
  });
  expect(client.status).toBe(201);
  const consent = await cw.post(`/api/clients/${client.body.id}/consents`, {
    purpose: 'sharing',
    partnerAgencyId: drvId,
    form: 'written',
    date: '2026-03-02',
  });
  expect(consent.status).toBe(201);
  expect((await cw.post(`/api/clients/${client.body.id}/share`, { partnerAgencyId: drvId })).status).toBe(
    200,
  );
  expect((await drv.get(`/api/clients/${client.body.id}`)).status).toBe(200);
  return { clientId: client.body.id as string, consentId: consent.body.id as string };
}

const withdrawals = async (clientId: string) =>
  (
    await t.ctx.db.query<{ agency_id: string; actor_user_id: string; details: Record<string, unknown> }>(
      `SELECT agency_id, actor_user_id, details FROM audit_log
        WHERE client_id = $1 AND action = 'consents.withdraw' ORDER BY id`,
      [clientId],
    )
  ).rows;

describe('consent withdrawal across agencies', () => {
  it('[trust #3] the partner agency records the withdrawal: the sharing ends for every agency at once, audited on both sides', async () => {
    const { clientId, consentId } = await sharedClient();
    const res = await drv.post(`/api/consents/${consentId}/withdraw`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: consentId, active: false, partnerAgency: { id: drvId } });
    expect(res.body.withdrawnAt).toBe(t.clock.now().toISOString());

    // The partner agency loses access at once, in the application and in the database.
    expect((await drv.get(`/api/clients/${clientId}`)).status).toBe(404);
    expect((await drv.get(`/api/clients/${clientId}/contacts`)).status).toBe(404);
    const share = await t.ctx.db.query<{ ended_at: Date | null }>(
      'SELECT ended_at FROM case_shares WHERE consent_id = $1',
      [consentId],
    );
    expect(share.rows).toEqual([{ ended_at: t.clock.now() }]);

    // The owner sees the withdrawal, the ended sharing and who recorded it in the case history.
    const owner = await cw.get(`/api/clients/${clientId}`);
    expect(owner.body.cases[0].sharedWith).toEqual([]);
    const ended = owner.body.cases[0].events.find((e: { kind: string }) => e.kind === 'sharing_ended');
    expect(ended).toMatchObject({
      partnerAgency: { id: drvId },
      actor: { displayName: 'Thomas Reha-Lotse' },
    });
    const consents = await cw.get(`/api/clients/${clientId}/consents`);
    expect(consents.body.items.find((k: { id: string }) => k.id === consentId)).toMatchObject({
      active: false,
    });

    // One entry in each agency's chain, both naming the DRV caseworker; the chains stay intact.
    const entries = await withdrawals(clientId);
    expect(entries.map((e) => e.agency_id).sort()).toEqual([drvId, jcId].sort());
    expect(new Set(entries.map((e) => e.actor_user_id)).size).toBe(1);
    for (const e of entries) expect(e.details).toMatchObject({ sharingsEnded: 1, recordedByAgency: drvId });
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);

    // Withdrawn once is withdrawn: neither side can repeat it, nor share again on it.
    expect((await cw.post(`/api/consents/${consentId}/withdraw`, {})).status).toBe(409);
    expect((await cw.post(`/api/clients/${clientId}/share`, { partnerAgencyId: drvId })).status).toBe(400);
  });

  it('[trust #3] a withdrawal recorded by the owner ends the partner’s access and lands in the partner’s audit log too', async () => {
    const { clientId, consentId } = await sharedClient();
    expect((await cw.post(`/api/consents/${consentId}/withdraw`, {})).status).toBe(200);
    expect((await drv.get(`/api/clients/${clientId}`)).status).toBe(404);
    const entries = await withdrawals(clientId);
    expect(entries.map((e) => e.agency_id).sort()).toEqual([drvId, jcId].sort());
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('another agency without a sharing cannot withdraw, and the function ends nothing for it', async () => {
    const { clientId, consentId } = await sharedClient();
    expect((await mk.post(`/api/consents/${consentId}/withdraw`, {})).status).toBe(404);
    // Even called directly for a withdrawn consent, the database function ends nothing for an agency
    // that is neither the owner nor the partner (the transaction is rolled back afterwards).
    let ended = -1;
    await t.ctx.db
      .transaction(async (tx) => {
        await tx.query('UPDATE consents SET withdrawn_at = now() WHERE id = $1', [consentId]);
        await tx.query(
          `SELECT set_config('lotse.agency_id', $1, true), set_config('role', 'lotse_app', true)`,
          [mkId],
        );
        ended = (await tx.query('SELECT * FROM lotse_end_consent_shares($1, now(), NULL)', [consentId]))
          .rowCount;
        throw new Error('roll back');
      })
      .catch((e: Error) => expect(e.message).toBe('roll back'));
    expect(ended).toBe(0);
    expect((await drv.get(`/api/clients/${clientId}`)).status).toBe(200);
  });
});
