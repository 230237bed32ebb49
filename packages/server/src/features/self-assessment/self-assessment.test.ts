import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let guide: TestClient;
let instrument: any;

const DAY = 24 * 60 * 60 * 1000;

/** Every self item answered with its highest value. */
function selfAnswers() {
  const answers: Record<string, number | boolean> = {};
  for (const d of instrument.dimensions)
    for (const i of d.items) {
      if (!i.texts.self) continue;
      answers[i.key] = i.scale ? Math.max(...i.scale.options.map((o: { value: number }) => o.value)) : true;
    }
  return answers;
}

async function newClient(lastName: string, consent = true) {
  const c = (
    await guide.post('/api/clients', {
      firstName: 'Gülten',
      lastName,
      birthDate: '1970-07-15',
      allowDuplicate: true,
    })
  ).body;
  if (consent) {
    const r = await guide.post(`/api/clients/${c.id}/consents`, {
      purpose: 'self_assessment',
      form: 'written',
      date: '2026-03-01',
    });
    expect(r.status).toBe(201);
  }
  return c.id as string;
}

const createLink = (clientId: string) =>
  guide.post(`/api/clients/${clientId}/self-assessment-links`, {
    instrumentId: instrument.id,
    occasion: 'intake',
  });

const audited = async (clientId: string) =>
  (
    await t.ctx.db.query<{ action: string; actor_user_id: string | null; client_id: string }>(
      `SELECT action, actor_user_id, client_id FROM audit_log WHERE client_id = $1 AND action LIKE 'self_assessment.%'
        ORDER BY id`,
      [clientId],
    )
  ).rows;

const count = async (sql: string, params: unknown[]) =>
  (await t.ctx.db.query<{ n: number }>(sql, params)).rows[0]?.n;

beforeAll(async () => {
  t = await startTestApp();
  guide = t.client();
  await guide.login(DEMO.caseworker);
  instrument = (await guide.get('/api/instruments')).body.items[0];
});
afterAll(() => t.close());

describe('self-assessment links', () => {
  it('need the client’s active consent to self-assessment (409 otherwise)', async () => {
    const clientId = await newClient('Ohne', false);
    const res = await createLink(clientId);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Einwilligung');
    expect(
      await count('SELECT count(*)::int AS n FROM self_assessment_links WHERE client_id = $1', [clientId]),
    ).toBe(0);
  });

  it('store only the hash of a 256-bit token and show the first name only', async () => {
    const clientId = await newClient('Mitlink');
    const res = await createLink(clientId);
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.body.path).toBe(`/selbsteinschaetzung/${res.body.token}`);
    expect(res.body.expiresAt).toBe('2026-03-16T08:00:00.000Z');
    const stored = await t.ctx.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM self_assessment_links WHERE id = $1',
      [res.body.id],
    );
    expect(stored.rows[0]?.token_hash).not.toContain(res.body.token);

    const page = await t.client().get(`/api/self-assessment/${res.body.token}`);
    expect(page.status).toBe(200);
    expect(page.body.firstName).toBe('Gülten');
    expect(JSON.stringify(page.body)).not.toContain('Mitlink');
    expect(JSON.stringify(page.body)).not.toContain('1970-07-15');
    expect(page.body.instrument.id).toBe(instrument.id);

    expect((await t.client().get(`/api/self-assessment/${'x'.repeat(43)}`)).status).toBe(404);
    expect((await t.client().get('/api/self-assessment/kurz')).status).toBe(400);
  });

  it('save drafts, validate answers naming the item, store nothing on bad input, and are single use', async () => {
    const clientId = await newClient('Einmal');
    const { token } = (await createLink(clientId)).body;
    const anon = t.client();
    const [firstKey] = Object.keys(selfAnswers());

    const draft = await anon.request('PUT', `/api/self-assessment/${token}/draft`, {
      answers: { [firstKey as string]: 1 },
    });
    expect(draft.status).toBe(200);
    expect((await anon.get(`/api/self-assessment/${token}`)).body.answers).toEqual({
      [firstKey as string]: 1,
    });

    const unknown = await anon.request('PUT', `/api/self-assessment/${token}/draft`, {
      answers: { no_such_item: 1 },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('no_such_item');
    const outOfScale = await anon.post(`/api/self-assessment/${token}/submit`, {
      answers: { ...selfAnswers(), [firstKey as string]: 99 },
    });
    expect(outOfScale.status).toBe(400);
    expect(outOfScale.body.error.message).toContain(firstKey);
    const incomplete = await anon.post(`/api/self-assessment/${token}/submit`, {
      answers: { [firstKey as string]: 1 },
    });
    expect(incomplete.status).toBe(400);
    const extra = await anon.post(`/api/self-assessment/${token}/submit`, { answers: {}, clientId });
    expect(extra.status).toBe(400);
    expect(await count('SELECT count(*)::int AS n FROM assessments WHERE client_id = $1', [clientId])).toBe(
      0,
    );
    expect((await anon.get(`/api/self-assessment/${token}`)).body.answers).toEqual({
      [firstKey as string]: 1,
    });

    const submitted = await anon.post(`/api/self-assessment/${token}/submit`, { answers: selfAnswers() });
    expect(submitted.status).toBe(201);
    const again = await anon.post(`/api/self-assessment/${token}/submit`, { answers: selfAnswers() });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toContain('schon abgeschickt');
    expect((await anon.get(`/api/self-assessment/${token}`)).status).toBe(404);

    const list = (await guide.get(`/api/clients/${clientId}/assessments`)).body.items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      perspective: 'self',
      mode: 'self_link',
      status: 'completed',
      enteredBy: null,
    });

    const entries = await audited(clientId);
    expect(entries.map((e) => e.action)).toEqual([
      'self_assessment.link.create',
      'self_assessment.draft.save',
      'self_assessment.open',
      'self_assessment.open',
      'self_assessment.submit',
    ]);
    for (const e of entries.slice(1)) expect(e.actor_user_id).toBeNull();
    expect(entries.every((e) => e.client_id === clientId)).toBe(true);
  });

  it('stop working when the consent is withdrawn', async () => {
    const clientId = await newClient('Widerrufprobe');
    const { token } = (await createLink(clientId)).body;
    const consent = (await guide.get(`/api/clients/${clientId}/consents`)).body.items[0];
    expect((await guide.post(`/api/consents/${consent.id}/withdraw`, {})).status).toBe(200);
    expect((await t.client().get(`/api/self-assessment/${token}`)).status).toBe(404);
  });

  it('expire after 14 days', async () => {
    const clientId = await newClient('Ablauf');
    const { token } = (await createLink(clientId)).body;
    t.clock.advance(14 * DAY - 1000);
    expect((await t.client().get(`/api/self-assessment/${token}`)).status).toBe(200);
    t.clock.advance(1000);
    const expired = await t.client().post(`/api/self-assessment/${token}/submit`, { answers: selfAnswers() });
    expect(expired.status).toBe(404);
    expect(expired.body.error.message).toContain('abgelaufen');
    expect(await count('SELECT count(*)::int AS n FROM assessments WHERE client_id = $1', [clientId])).toBe(
      0,
    );
  });
});

describe('revoking self-assessment links', () => {
  // Earlier tests move the clock on; a fresh sign-in keeps the session alive.
  beforeAll(() => guide.login(DEMO.caseworker));

  it('[trust #13] keeps a link revoked by a consent withdrawal revoked when a new consent is recorded', async () => {
    const clientId = await newClient('Neueinwilligung');
    const link = (await createLink(clientId)).body;
    expect((await t.client().get(`/api/self-assessment/${link.token}`)).status).toBe(200);
    const consents = (await guide.get(`/api/clients/${clientId}/consents`)).body.items;
    const consent = consents.find((c: { purpose: string }) => c.purpose === 'self_assessment');
    expect((await guide.post(`/api/consents/${consent.id}/withdraw`, {})).status).toBe(200);
    expect((await t.client().get(`/api/self-assessment/${link.token}`)).status).toBe(404);
    const again = await guide.post(`/api/clients/${clientId}/consents`, {
      purpose: 'self_assessment',
      form: 'written',
      date: '2026-03-02',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect((await t.client().get(`/api/self-assessment/${link.token}`)).status).toBe(404);
    expect(
      (await t.client().post(`/api/self-assessment/${link.token}/submit`, { answers: selfAnswers() })).status,
    ).toBe(404);
    const listed = await guide.get(`/api/clients/${clientId}/self-assessment-links`);
    expect(listed.body.items.find((l: { id: string }) => l.id === link.id).status).toBe('revoked');
  });

  it('[trust #13] lets a guide list the links and revoke an open one at once, audited', async () => {
    const clientId = await newClient('Listenprobe');
    const first = (await createLink(clientId)).body;
    t.clock.advance(1000);
    const second = (await createLink(clientId)).body;
    const listed = await guide.get(`/api/clients/${clientId}/self-assessment-links`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((l: { id: string; status: string }) => [l.id, l.status])).toEqual([
      [second.id, 'open'],
      [first.id, 'open'],
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(first.token);
    const revoked = await guide.post(`/api/self-assessment-links/${first.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect((await t.client().get(`/api/self-assessment/${first.token}`)).status).toBe(404);
    expect((await t.client().get(`/api/self-assessment/${second.token}`)).status).toBe(200);
    expect((await guide.post(`/api/self-assessment-links/${first.id}/revoke`, {})).status).toBe(409);
    const foreign = t.client();
    await foreign.login(DEMO.caseworkerMk);
    expect((await foreign.post(`/api/self-assessment-links/${second.id}/revoke`, {})).status).toBe(404);
    expect((await foreign.get(`/api/clients/${clientId}/self-assessment-links`)).status).toBe(404);
    expect((await audited(clientId)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['self_assessment.link.list', 'self_assessment.link.revoke']),
    );
  });
});
