import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withActor } from '../../platform/context.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/** Districts as data: each agency's list, maintained by its admin, used by offers, partners and planning. */
let t: TestApp;
let admin: TestClient;
let cw: TestClient;
let ko: TestClient;
let mk: TestClient;

const csv = (text: string) => ({ format: 'csv', data: Buffer.from(text).toString('base64'), mode: 'commit' });
const square = (lon: number, lat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.1, lat],
      [lon + 0.1, lat + 0.1],
      [lon, lat + 0.1],
      [lon, lat],
    ],
  ],
});

beforeAll(async () => {
  t = await startTestApp();
  admin = t.client();
  cw = t.client();
  ko = t.client();
  mk = t.client();
  await admin.login(DEMO.admin);
  await cw.login(DEMO.caseworker);
  await ko.login(DEMO.coordinator);
  await mk.login(DEMO.caseworkerMk);
});
afterAll(() => t.close());

async function newPartner(client: TestClient, districts: string[] = []) {
  const res = await client.post('/api/partners', {
    name: `Partner ${Math.random()}`,
    kind: 'welfare',
    districts,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

describe('/api/districts', () => {
  it('[trust #15] lists the demo districts with centre and boundary for every staff role', async () => {
    for (const client of [admin, cw, ko]) {
      const res = await client.get('/api/districts');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(24);
    }
    const witten = (await cw.get('/api/districts')).body.items[0];
    expect(witten).toMatchObject({ key: 'witten', name: 'Witten', centre: { type: 'Point' } });
    expect(witten.boundary.type).toBe('Polygon');
  });

  it('[trust #15] lets an admin add a region that offers, partners and planning then use; others keep their list', async () => {
    const before = (await admin.get('/api/districts')).body.items;
    const put = await admin.put('/api/districts', {
      items: [
        ...before,
        {
          key: 'aachen-mitte',
          name: 'Aachen-Mitte',
          ags: '05334002',
          centre: { type: 'Point', coordinates: [6.08, 50.776] },
          boundary: square(6.03, 50.73),
        },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body.items.at(-1)).toMatchObject({ key: 'aachen-mitte', ags: '05334002' });
    // Without the fix offers are validated against a constant list: "aachen-mitte" is refused.
    const partner = await newPartner(cw, ['aachen-mitte']);
    const offer = await cw.post('/api/offers', {
      title: 'Sprachcafé Aachen',
      partnerId: partner,
      dimensions: ['social_contacts'],
      district: 'aachen-mitte',
      shared: true,
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    expect(offer.body).toMatchObject({ district: 'aachen-mitte', districtName: 'Aachen-Mitte' });
    // The shared offer names its region for another agency, whose own list does not know the key.
    const seen = await mk.get(`/api/offers/${offer.body.id}`);
    expect(seen.body.districtName).toBe('Aachen-Mitte');
    expect((await mk.get('/api/districts')).body.items.map((d: { key: string }) => d.key)).not.toContain(
      'aachen-mitte',
    );
    const mkPartner = await mk.post('/api/partners', {
      name: 'X',
      kind: 'welfare',
      districts: ['aachen-mitte'],
    });
    expect(mkPartner.status).toBe(400);
    // Planning has a row for the new district.
    const planning = await ko.get('/api/planning/needs-vs-offers?district=aachen-mitte');
    expect(planning.status, JSON.stringify(planning.body)).toBe(200);
    expect(planning.body.districts).toEqual([{ key: 'aachen-mitte', name: 'Aachen-Mitte' }]);
    expect(planning.body.cells.some((c: { offers: number }) => c.offers === 1)).toBe(true);
  });

  it('[trust #15] refuses to remove a district still in use (409) and removes an unused one', async () => {
    const items = (await admin.get('/api/districts')).body.items as { key: string }[];
    await newPartner(cw, ['breckerfeld']);
    const withoutUsed = await admin.put('/api/districts', {
      items: items.filter((d) => d.key !== 'breckerfeld'),
    });
    expect(withoutUsed.status).toBe(409);
    expect(withoutUsed.body.error.message).toContain('Breckerfeld');
    expect((await admin.get('/api/districts')).body.items).toHaveLength(items.length);
    const unused = items.filter((d) => d.key !== 'herscheid');
    const ok = await admin.put('/api/districts', { items: unused });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.items.map((d: { key: string }) => d.key)).not.toContain('herscheid');
  });

  it('[trust #15] answers bad lists with 400 naming the fields and writes nothing; only admins write', async () => {
    const items = (await admin.get('/api/districts')).body.items;
    const bad = await admin.put('/api/districts', {
      items: [
        ...items,
        { key: 'Neu Stadt', name: '' },
        { key: 'witten', name: 'Doppelt', ags: '123', centre: { type: 'Point', coordinates: [200, 0] } },
        {
          key: 'offen',
          name: 'Offen',
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [7, 51],
                [7.1, 51],
                [7, 51.1],
                [7.2, 51.2],
              ],
            ],
          },
        },
      ],
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.issues as { path: string }[]).map((i) => i.path);
    const n = items.length;
    for (const p of [
      `items.${n}.key`,
      `items.${n}.name`,
      `items.${n + 1}.ags`,
      `items.${n + 1}.centre.coordinates.0`,
      `items.${n + 1}.key`,
      `items.${n + 2}.boundary.coordinates.0`,
    ])
      expect(paths).toContain(p);
    expect((await admin.get('/api/districts')).body.items).toHaveLength(n);
    expect((await cw.put('/api/districts', { items })).status).toBe(403);
    expect((await ko.post('/api/districts/import', csv('name\nX\n'))).status).toBe(403);
  });

  it('[trust #15] imports districts from CSV with the shared CSV reader, merging by key', async () => {
    const file = [
      'key;name;ags;lat;lon;boundary',
      `;Aachen-Brand;05334002;50,75;6,16;"${JSON.stringify(square(6.1, 50.7)).replaceAll('"', '""')}"`,
      'witten;Witten (Ruhr);05954036;;;',
    ].join('\n');
    const preview = await admin.post('/api/districts/import', { ...csv(file), mode: 'preview' });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ rows: 2, valid: 2, errors: [], created: 0 });
    const res = await admin.post('/api/districts/import', csv(file));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created).toBe(2);
    const items = (await admin.get('/api/districts')).body.items as Record<string, unknown>[];
    expect(items.find((d) => d.key === 'aachen-brand')).toMatchObject({
      name: 'Aachen-Brand',
      ags: '05334002',
      centre: { type: 'Point', coordinates: [6.16, 50.75] },
      boundary: { type: 'Polygon' },
    });
    expect(items.find((d) => d.key === 'witten')).toMatchObject({ name: 'Witten (Ruhr)', ags: '05954036' });
    const bad = await admin.post('/api/districts/import', csv('name;ags\n;12\nGut;\n'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'rows.2.key',
      'rows.2.name',
      'rows.2.ags',
    ]);
  });

  it('[trust #15] keeps each agency’s list to itself for writes, even without a WHERE clause (row-level security)', async () => {
    const en = (
      await t.ctx.db.query<{ id: string }>("SELECT id FROM agencies WHERE name = 'Jobcenter EN (Demo)'")
    ).rows[0]?.id as string;
    const mkId = (
      await t.ctx.db.query<{ id: string }>(
        "SELECT id FROM agencies WHERE name = 'Jobcenter Maerkischer Kreis (Demo)'",
      )
    ).rows[0]?.id as string;
    const actor = {
      userId: '00000000-0000-4000-8000-000000000000',
      agencyId: mkId,
      roles: ['admin' as const],
      sessionKey: 'x',
    };
    const deleted = await withActor(
      t.ctx,
      actor,
      async ({ tx }) => (await tx.query('DELETE FROM districts')).rowCount,
    );
    expect(deleted).toBe(24);
    const left = await t.ctx.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM districts WHERE agency_id = $1',
      [en],
    );
    expect(left.rows[0]?.n).toBeGreaterThan(20);
  });
});
