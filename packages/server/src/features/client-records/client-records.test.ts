import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../platform/audit.ts';
import { auditKey } from '../../platform/audit-key.ts';
import { sealAudit } from '../../platform/housekeeping.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let cw: TestClient;
let lead: TestClient;
const dir = mkdtempSync(path.join(tmpdir(), 'lotse-pdf-'));

beforeAll(async () => {
  t = await startTestApp();
  cw = t.client();
  await cw.login(DEMO.caseworker);
  lead = t.client();
  await lead.login(DEMO.lead);
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/** Fetches a PDF and returns its text, extracted with pdftotext (poppler). */
async function pdfText(c: TestClient, url: string): Promise<string> {
  const res = await fetch(t.baseUrl + url, {
    headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/pdf');
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function clientWithRecord(lastName: string) {
  const c = (
    await cw.post('/api/clients', {
      firstName: 'Gülten',
      lastName,
      birthDate: '1970-07-15',
      allowDuplicate: true,
    })
  ).body;
  await cw.post(`/api/clients/${c.id}/consents`, {
    purpose: 'research',
    form: 'written',
    date: '2026-03-01',
  });
  await cw.post(`/api/clients/${c.id}/goals`, {
    title: 'Jeden Dienstag zum Frauentreff',
    dimension: 'health',
    targetDate: '2026-08-01',
    steps: ['Adresse heraussuchen', 'Mit Nachbarin hingehen'],
  });
  await cw.post(`/api/clients/${c.id}/contacts`, {
    type: 'meeting',
    date: '2026-03-02',
    note: 'Notiz-Überprüfung-77',
  });
  return c as { id: string; clientNumber: string };
}

const audited = async (clientId: string) =>
  (
    await t.ctx.db.query<{ action: string; details: Record<string, unknown> }>(
      'SELECT action, details FROM audit_log WHERE client_id = $1 ORDER BY id',
      [clientId],
    )
  ).rows;

describe('printable documents', () => {
  it('prints the consent form with the client’s name, in German and in easy language', async () => {
    const c = await clientWithRecord('Yıldırım');
    const german = await pdfText(cw, `/api/clients/${c.id}/consent-form`);
    expect(german).toContain('Einwilligungserklärung');
    // ü is in the standard fonts; ı is not and prints as i.
    expect(german).toContain('Gülten Yildirim');
    expect(german).toContain('Verarbeitung von Gesundheitsdaten');
    expect(german).toContain('jederzeit ganz oder für einzelne Zwecke widerrufen');
    const easy = await pdfText(cw, `/api/clients/${c.id}/consent-form?language=de-LS`);
    expect(easy).toContain('Sie können jederzeit sagen');
    expect((await audited(c.id)).map((a) => a.action)).toContain('consents.form');
  });

  it('prints the goal agreement with goals, steps and target dates', async () => {
    const c = await clientWithRecord('Stratmann');
    const text = await pdfText(cw, `/api/clients/${c.id}/goal-agreement`);
    expect(text).toContain('Zielvereinbarung');
    expect(text).toContain('Jeden Dienstag zum Frauentreff');
    expect(text).toContain('Mit Nachbarin hingehen');
    expect(text).toContain('01.08.2026');
  });

  it('exports the record as PDF including notes (GDPR Art. 15)', async () => {
    const c = await clientWithRecord('Hülsmann');
    const text = await pdfText(cw, `/api/clients/${c.id}/export?format=pdf`);
    expect(text).toContain('Art. 15 DSGVO');
    expect(text).toContain('Hülsmann');
    expect(text).toContain('Notiz-Überprüfung-77');
    expect(text).toContain('Nutzung für die Forschung');
  });
});

describe('erasure and anonymisation', () => {
  it('refuses while a case is open or the retention period runs, and for caseworkers', async () => {
    const c = await clientWithRecord('Berghoff');
    const body = { mode: 'erase', reason: 'retention_period_expired' };
    expect((await cw.post(`/api/clients/${c.id}/erase`, body)).status).toBe(403);
    expect((await lead.post(`/api/clients/${c.id}/erase`, body)).status).toBe(409);
    await cw.post(`/api/clients/${c.id}/close`, { outcome: 'moved_away', date: '2026-03-02' });
    const early = await lead.post(`/api/clients/${c.id}/erase`, body);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('Aufbewahrungsfrist');
    expect((await lead.post(`/api/clients/${c.id}/erase`, { mode: 'erase', reason: 'because' })).status).toBe(
      400,
    );
    expect((await cw.get(`/api/clients/${c.id}`)).status).toBe(200);
  });

  it('erases the record after the retention period; the audit log keeps the fact without personal data', async () => {
    const c = await clientWithRecord('Westermann');
    await cw.post(`/api/clients/${c.id}/close`, { outcome: 'contact_ended', date: '2026-03-02' });
    t.clock.advance(37 * 31 * 86_400_000);
    await lead.login(DEMO.lead);
    await cw.login(DEMO.caseworker);
    const res = await lead.post(`/api/clients/${c.id}/erase`, {
      mode: 'erase',
      reason: 'retention_period_expired',
    });
    expect(res.status).toBe(204);
    expect((await cw.get(`/api/clients/${c.id}`)).status).toBe(404);
    for (const table of ['clients', 'consents', 'goals', 'contacts', 'cases']) {
      const left = await t.ctx.db.query(
        `SELECT 1 FROM ${table} WHERE ${table === 'clients' ? 'id' : 'client_id'} = $1`,
        [c.id],
      );
      expect(left.rowCount, table).toBe(0);
    }
    const entries = await audited(c.id);
    expect(entries.at(-1)).toMatchObject({
      action: 'clients.erase',
      details: { reason: 'retention_period_expired' },
    });
    expect(JSON.stringify(entries)).not.toContain('Westermann');
    await sealAudit(t.ctx);
    const chain = await verifyAuditChain(t.ctx.db, auditKey(t.ctx.config));
    expect(chain.ok).toBe(true);
  });

  it('anonymises: names, contact data and notes go, outcome and dates stay for statistics', async () => {
    const c = await clientWithRecord('Rüther');
    await cw.post(`/api/clients/${c.id}/close`, {
      outcome: 'employment',
      date: t.clock.now().toISOString().slice(0, 10),
    });
    const res = await lead.post(`/api/clients/${c.id}/erase`, {
      mode: 'anonymise',
      reason: 'data_subject_request',
    });
    expect(res.status).toBe(204);
    const view = await cw.get(`/api/clients/${c.id}`);
    expect(view.body).toMatchObject({
      firstName: 'Anonymisiert',
      lastName: 'Anonymisiert',
      birthDate: '1970-01-01',
      anonymised: true,
    });
    expect(view.body.cases[0].outcome).toBe('employment');
    const exported = JSON.stringify((await cw.get(`/api/clients/${c.id}/export`)).body);
    expect(exported).not.toContain('Rüther');
    expect(exported).not.toContain('Notiz-Überprüfung-77');
    expect(exported).not.toContain('Frauentreff');
    expect((await cw.get('/api/clients?query=Rüther')).body.total).toBe(0);
  });
});
