import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('FHIR', () => {
  it('exports a version as Questionnaire and imports it again as a new draft (201), keeping the items', async () => {
    const q = await guide.get(`/api/instruments/${defaultId}/fhir`);
    expect(q.status).toBe(200);
    expect(q.headers.get('content-type')).toMatch(/application\/fhir\+json/);
    expect(q.body.resourceType).toBe('Questionnaire');
    const linkIds = JSON.stringify(q.body).match(/"linkId":"[^"]+"/g) ?? [];
    expect(new Set(linkIds).size).toBe(linkIds.length);

    expect((await guide.post('/api/instruments/import/fhir', q.body)).status).toBe(403);
    const imported = await admin.post('/api/instruments/import/fhir', q.body);
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    expect(imported.body.unmapped).toEqual([]);
    expect(imported.body.instrument).toMatchObject({ key: 'teilhabe_bogen', status: 'draft', shared: false });
    const original = (await admin.get(`/api/instruments/${defaultId}`)).body;
    expect(imported.body.instrument.dimensions).toEqual(original.dimensions);
    const again = await admin.get(`/api/instruments/${imported.body.instrument.id}/fhir`);
    expect(again.body.item).toEqual(q.body.item);
  });

  it('answers 400 for a resource that is not a usable Questionnaire, storing nothing', async () => {
    const before = (await admin.get('/api/instruments?status=all')).body.items.length;
    expect((await admin.post('/api/instruments/import/fhir', { resourceType: 'Patient' })).status).toBe(400);
    const empty = await admin.post('/api/instruments/import/fhir', {
      resourceType: 'Questionnaire',
      item: [],
    });
    expect(empty.status).toBe(400);
    expect((await admin.get('/api/instruments?status=all')).body.items.length).toBe(before);
  });
});

/**
 * Whitespace collapsed and hyphens between letters dropped, on both sides of a comparison: pdftotext
 * joins a line broken after a hyphen ("E-" / "Mails") to "EMails".
 */
const norm = (s: string) => s.replace(/\s+/g, ' ').replace(/(\p{L})- ?(\p{L})/gu, '$1$2');

describe('blank form PDF', () => {
  const pdfText = async (path: string) => {
    const res = await fetch(t.baseUrl + path, {
      headers: { cookie: [...guide.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'lotse-pdf-'));
    writeFileSync(join(dir, 'f.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'f.pdf'), '-'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true });
    return norm(text);
  };

  for (const locale of ['de', 'de-LS', 'en'] as const)
    for (const perspective of ['self', 'professional'] as const)
      it(`contains every item text of locale ${locale}, perspective ${perspective}`, async () => {
        const text = await pdfText(
          `/api/instruments/${defaultId}/form.pdf?locale=${locale}&perspective=${perspective}`,
        );
        const def = (await guide.get(`/api/instruments/${defaultId}`)).body;
        for (const d of def.dimensions) {
          expect(text).toContain(norm(d.title[locale]));
          for (const i of d.items) {
            const itemText = i.texts[perspective]?.[locale];
            if (itemText && i.role !== 'work_on') expect(text, i.key).toContain(norm(itemText));
          }
        }
        expect(text).toContain(def.dimensions[0].items[0].scale.options[0].label[locale]);
      });
});
