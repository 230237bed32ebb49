import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AGENCY_LOGO_MAX_BYTES } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solidPng, TINY_JPEG } from '../../testing/images.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let admin: TestClient;
let guide: TestClient;
let coordinator: TestClient;
let guideMk: TestClient;

beforeAll(async () => {
  t = await startTestApp({}, { sampleData: true });
  admin = t.client();
  await admin.login(DEMO.admin);
  guide = t.client();
  await guide.login(DEMO.caseworker);
  coordinator = t.client();
  await coordinator.login(DEMO.coordinator);
  guideMk = t.client();
  await guideMk.login(DEMO.caseworkerMk);
});
afterAll(() => t.close());

const upload = (c: TestClient, contentType: string, data: Buffer) =>
  c.put('/api/agency/logo', { contentType, data: data.toString('base64') });

/** Downloads a PDF as the client and returns its text (pdftotext) and its images (pdfimages -list). */
async function pdf(c: TestClient, path: string): Promise<{ text: string; images: number; pages: number }> {
  const res = await fetch(t.baseUrl + path, {
    headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'lotse-letterhead-'));
  const file = join(dir, 'f.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const list = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n');
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  rmSync(dir, { recursive: true });
  return { text, images: list.length - 2, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
}

/** How often `name` occurs in `text`: the letterhead repeats on every page. */
const count = (text: string, name: string) => text.split(name).length - 1;

describe('the letterhead logo', () => {
  it('is accepted as PNG or JPEG only when the content matches, within the size limit', async () => {
    expect((await guide.get('/api/agency')).body.logo).toBeNull();
    const png = solidPng(60, 20);
    const ok = await upload(admin, 'image/png', png);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.logo).toMatchObject({ contentType: 'image/png', bytes: png.length });
    const image = await fetch(`${t.baseUrl}/api/agency/logo`, {
      headers: { cookie: [...guide.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(png)).toBe(true);

    const jpeg = await upload(admin, 'image/jpeg', TINY_JPEG);
    expect(jpeg.status, JSON.stringify(jpeg.body)).toBe(200);
    expect(jpeg.body.logo.contentType).toBe('image/jpeg');

    // Declared type and content disagree, or the content is no image at all.
    const lying = await upload(admin, 'image/png', TINY_JPEG);
    expect(lying.status).toBe(400);
    expect(lying.body.error.issues[0].path).toBe('contentType');
    expect(
      (await upload(admin, 'image/jpeg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).status,
    ).toBe(400);
    expect((await admin.put('/api/agency/logo', { contentType: 'image/gif', data: 'R0lGODlh' })).status).toBe(
      400,
    );
    expect((await upload(admin, 'image/png', Buffer.alloc(0))).status).toBe(400);
    expect((await admin.put('/api/agency/logo', { contentType: 'image/png', data: '***' })).status).toBe(400);
    // A PNG signature with a broken body cannot be embedded: refused now, not a failing PDF later.
    const broken = Buffer.concat([png.subarray(0, 8), Buffer.from('not a png chunk at all')]);
    const refused = await upload(admin, 'image/png', broken);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/beschädigt/);
    const big = Buffer.concat([png, Buffer.alloc(AGENCY_LOGO_MAX_BYTES)]);
    const tooBig = await upload(admin, 'image/png', big);
    expect(tooBig.status).toBe(400);
    // The last good upload (the JPEG) stays.
    expect((await admin.get('/api/agency')).body.logo.contentType).toBe('image/jpeg');
  });

  it('is set by admins only, and each agency sees its own', async () => {
    expect((await upload(guide, 'image/png', solidPng(4, 4))).status).toBe(403);
    expect((await guide.request('DELETE', '/api/agency/logo')).status).toBe(403);
    expect((await guideMk.get('/api/agency')).body.logo).toBeNull();
    expect((await guideMk.get('/api/agency/logo')).status).toBe(404);
  });

  it('is audited on upload and removal', async () => {
    expect((await upload(admin, 'image/png', solidPng(60, 20))).status).toBe(200);
    const removed = await admin.request('DELETE', '/api/agency/logo');
    expect(removed.status).toBe(200);
    expect(removed.body.logo).toBeNull();
    const r = await t.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'agency.logo.%' ORDER BY at, seq`,
    );
    expect(r.rows.map((x) => x.action)).toContain('agency.logo.remove');
    expect(r.rows.filter((x) => x.action === 'agency.logo.change').length).toBeGreaterThanOrEqual(3);
    expect((await upload(admin, 'image/png', solidPng(60, 20))).status).toBe(200);
  });
});

describe('the letterhead on every PDF', () => {
  const shown = 'Jobcenter Ennepe-Ruhr Briefkopf';
  let clientId: string;
  let instrumentId: string;

  beforeAll(async () => {
    const set = await admin.patch('/api/agency/settings', { letterheadName: shown });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body.settings.letterheadName).toBe(shown);
    clientId = (await guide.get('/api/clients')).body.items[0].id;
    instrumentId = (await guide.get('/api/instruments')).body.items[0].id;
  });

  it('prints the name and the logo on every page of the blank forms, in every language', async () => {
    for (const locale of ['de', 'de-LS', 'en'] as const)
      for (const perspective of ['self', 'professional'] as const) {
        const p = await pdf(
          guide,
          `/api/instruments/${instrumentId}/form.pdf?locale=${locale}&perspective=${perspective}`,
        );
        expect(p.pages, `${locale} ${perspective}`).toBeGreaterThan(1);
        expect(count(p.text, shown), `${locale} ${perspective}`).toBe(p.pages);
        expect(p.images).toBe(p.pages);
      }
  });

  it('prints it on the progress, assessment, consent, goal agreement, record and funder report PDFs', async () => {
    const assessments = (await guide.get(`/api/clients/${clientId}/assessments`)).body.items as {
      id: string;
      status: string;
    }[];
    const done = assessments.find((a) => a.status === 'completed');
    expect(done).toBeDefined();
    const programme = (await coordinator.get('/api/programmes')).body.items[0].id;
    const year = t.clock.now().getUTCFullYear();
    const papers: [TestClient, string][] = [
      [guide, `/api/clients/${clientId}/progress.pdf`],
      [guide, `/api/clients/${clientId}/progress.pdf?locale=en`],
      [guide, `/api/clients/${clientId}/consent-form`],
      [guide, `/api/clients/${clientId}/goal-agreement`],
      [guide, `/api/clients/${clientId}/export?format=pdf`],
      [coordinator, '/api/reports/cohort.pdf'],
      [coordinator, `/api/programmes/${programme}/report?from=${year}-01-01&to=${year}-12-31&format=pdf`],
      [guide, `/api/assessments/${done?.id}/pdf`],
    ];
    for (const [c, path] of papers) {
      const p = await pdf(c, path);
      expect(count(p.text, shown), path).toBe(p.pages);
      expect(p.images, path).toBeGreaterThanOrEqual(p.pages);
    }
  });

  it('falls back to the agency name without a logo, and a cleared name means the agency name', async () => {
    expect((await admin.request('DELETE', '/api/agency/logo')).status).toBe(200);
    const cleared = await admin.patch('/api/agency/settings', { letterheadName: '' });
    expect(cleared.body.settings.letterheadName).toBeUndefined();
    const p = await pdf(guide, `/api/clients/${clientId}/progress.pdf`);
    expect(p.images).toBe(0);
    expect(count(p.text, cleared.body.name)).toBeGreaterThanOrEqual(p.pages);
    expect((await admin.patch('/api/agency/settings', { letterheadName: 'x'.repeat(121) })).status).toBe(400);
  });

  it('prints the client number on the blank form only for who may record assessments, audited', async () => {
    const number = (await guide.get(`/api/clients/${clientId}`)).body.clientNumber as string;
    const p = await pdf(guide, `/api/instruments/${instrumentId}/form.pdf?locale=en&clientId=${clientId}`);
    expect(p.text).toContain(`Client no.: ${number}`);
    const audit = await t.ctx.db.query<{ client_id: string }>(
      `SELECT client_id FROM audit_log WHERE action = 'instruments.form.client'`,
    );
    expect(audit.rows.map((r) => r.client_id)).toContain(clientId);
    // Administrators see no client data; the form without a client stays open to them.
    expect((await admin.get(`/api/instruments/${instrumentId}/form.pdf?clientId=${clientId}`)).status).toBe(
      403,
    );
    expect((await admin.get(`/api/instruments/${instrumentId}/form.pdf`)).status).toBe(200);
    expect((await guideMk.get(`/api/instruments/${instrumentId}/form.pdf?clientId=${clientId}`)).status).toBe(
      404,
    );
  });
});
