import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let admin: TestClient;
let guide: TestClient;
let defaultId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = t.client();
  await admin.login(DEMO.admin);
  guide = t.client();
  await guide.login(DEMO.caseworker);
});
afterAll(() => t.close());

describe('GET /api/instruments', () => {
  it('lists the published default instrument with dimensions, items, scales and texts', async () => {
    const res = await guide.get('/api/instruments');
    expect(res.status).toBe(200);
    const [ti] = res.body.items;
    defaultId = ti.id;
    expect(ti).toMatchObject({ key: 'teilhabe_bogen', version: 1, status: 'published', shared: true });
    expect(ti.title.de).toBe('Teilhabe-Bogen');
    expect(ti.dimensions.filter((d: any) => d.kind === 'area')).toHaveLength(12);
    const item = ti.dimensions[0].items[0];
    expect(item).toMatchObject({ key: 'health_physical', type: 'scale', required: true });
    expect(item.scale.options.map((o: any) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(Object.keys(item.texts.self)).toEqual(['de', 'de-LS', 'en']);
    expect(item.texts.professional.de).toMatch(/^Die Person/);
  });

  it('shows the same default instrument to every agency', async () => {
    const mk = t.client();
    await mk.login(DEMO.caseworkerMk);
    expect((await mk.get(`/api/instruments/${defaultId}`)).body.key).toBe('teilhabe_bogen');
  });
});

describe('drafts and publishing', () => {
  let draftId: string;

  it('copies a version to a draft with the next version number (admins only)', async () => {
    expect((await guide.post(`/api/instruments/${defaultId}/drafts`)).status).toBe(403);
    const res = await admin.post(`/api/instruments/${defaultId}/drafts`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      key: 'teilhabe_bogen',
      version: 2,
      status: 'draft',
      shared: false,
      basedOnId: defaultId,
    });
    draftId = res.body.id;
    expect((await guide.get('/api/instruments')).body.items.map((i: any) => i.id)).not.toContain(draftId);
    expect((await admin.get('/api/instruments?status=all')).body.items.map((i: any) => i.id)).toContain(
      draftId,
    );
  });

  it('edits a draft and rejects an inconsistent definition with 400, changing nothing', async () => {
    const current = (await admin.get(`/api/instruments/${draftId}`)).body;
    const dimensions = structuredClone(current.dimensions);
    dimensions[0].title.de = 'Gesundheit und Wohlbefinden';
    dimensions[0].items[0].texts.self['de-LS'] = 'Ich bin gesund.';
    const ok = await admin.patch(`/api/instruments/${draftId}`, { dimensions });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.dimensions[0].title.de).toBe('Gesundheit und Wohlbefinden');

    const broken = structuredClone(dimensions);
    broken[1].items[0].key = broken[0].items[0].key;
    const bad = await admin.patch(`/api/instruments/${draftId}`, { dimensions: broken });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.some((i: any) => i.message.includes('Doppelter Schlüssel'))).toBe(true);
    expect((await admin.get(`/api/instruments/${draftId}`)).body.dimensions[1].items[0].key).toBe(
      'daily_routine',
    );
  });

  it('publishes a draft, which is immutable afterwards', async () => {
    const res = await admin.post(`/api/instruments/${draftId}/publish`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    expect((await admin.patch(`/api/instruments/${draftId}`, { title: { de: 'Neu' } })).status).toBe(409);
    expect((await admin.post(`/api/instruments/${draftId}/publish`)).status).toBe(409);
    expect((await admin.patch(`/api/instruments/${defaultId}`, { title: { de: 'Neu' } })).status).toBe(409);
    // The database refuses too, even for the owner.
    await expect(
      t.ctx.db.query(`UPDATE instruments SET definition = '{}'::jsonb WHERE id = $1`, [draftId]),
    ).rejects.toThrow(/immutable/);
    const listed = (await guide.get('/api/instruments')).body.items.map((i: any) => `${i.key} v${i.version}`);
    expect(listed).toEqual(['teilhabe_bogen v2', 'teilhabe_bogen v1']);
  });

  it('hides an agency’s own versions from other agencies (404)', async () => {
    const mkAdmin = await t.ctx.db.query(`SELECT 1 FROM users WHERE email = $1`, [DEMO.caseworkerMk]);
    expect(mkAdmin.rowCount).toBe(1);
    const mk = t.client();
    await mk.login(DEMO.caseworkerMk);
    expect((await mk.get(`/api/instruments/${draftId}`)).status).toBe(404);
    expect((await mk.get('/api/instruments')).body.items).toHaveLength(1);
  });

  it('audits instrument changes', async () => {
    const r = await t.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE resource_type = 'instrument' ORDER BY id`,
    );
    expect(r.rows.map((x) => x.action)).toEqual([
      'instruments.draft.create',
      'instruments.update',
      'instruments.publish',
    ]);
  });
});
