import { createHmac } from 'node:crypto';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

const TEILHABE_BOGEN = '7e11ab0e-0000-4000-8000-000000000001';
const PROJECT = {
  title: 'Begleitforschung Teilhabe',
  purpose: 'Wirkungsanalyse',
  legalBasis: 'Art. 6 (1) a, 9 (2) a DSGVO; § 75 SGB X',
  from: '2025-01-01',
  to: '2026-12-31',
};

let t: TestApp;
let researcher: TestClient;
let lead: TestClient;
let en = '';
const consenting: string[] = [];
let withdrawn = '';
let noConsent = '';
let rare = '';

let seq = 0;
async function client(consent: 'research' | 'withdrawn' | 'none', gender = 'female', district = 'Witten') {
  seq += 1;
  const id = (
    await t.ctx.db.query<{ id: string }>(
      `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, gender, district,
                            created_at, updated_at)
       VALUES ($1, $2, 'Research', $3, '1970-03-03', $4, $5, now(), now()) RETURNING id`,
      [en, `RS-${seq}`, `Nachname${seq}x`, gender, district],
    )
  ).rows[0]?.id as string;
  if (consent !== 'none')
    await t.ctx.db.query(
      `INSERT INTO consents (agency_id, client_id, purpose, form, given_on, recorded_at, withdrawn_at)
       VALUES ($1, $2, 'research', 'written', '2025-01-01', now(), $3)`,
      [en, id, consent === 'withdrawn' ? new Date() : null],
    );
  for (const [occasion, date] of [
    ['intake', '2026-01-10'],
    ['follow_up', '2026-02-10'],
  ])
    await t.ctx.db.query(
      `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on, status,
                                scores, total_score, created_at, updated_at, completed_at)
       VALUES ($1, $2, $3, $4, 'professional', 'together', $5, 'completed', $6, 50, now(), now(), now())`,
      [
        en,
        id,
        TEILHABE_BOGEN,
        occasion,
        date,
        JSON.stringify([
          { dimension: 'health', kind: 'area', score: 40, answered: 4, items: 4, need: null, workOn: null },
        ]),
      ],
    );
  return id;
}

async function newProject(): Promise<string> {
  const res = await researcher.post('/api/research-projects', { ...PROJECT, agencyIds: [en] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function exportCsv(projectId: string) {
  const created = await researcher.post(`/api/research-projects/${projectId}/exports`, {});
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const csv = await researcher.get(`/api/research-exports/${created.body.id}/download?format=csv`);
  expect(csv.status).toBe(200);
  const [header, ...lines] = String(csv.body).trim().split('\r\n');
  const columns = (header as string).split(',');
  const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
  return { id: created.body.id as string, created: created.body, columns, rows, text: String(csv.body) };
}

beforeAll(async () => {
  t = await startTestApp();
  en = (await t.ctx.db.query<{ id: string }>(`SELECT id FROM agencies WHERE name = 'Jobcenter EN (Demo)'`))
    .rows[0]?.id as string;
  researcher = t.client();
  await researcher.login(DEMO.researcher);
  lead = t.client();
  await lead.login(DEMO.lead);
  for (let i = 0; i < 6; i++) consenting.push(await client('research'));
  withdrawn = await client('withdrawn');
  noConsent = await client('none');
  // One consenting person whose gender and district would single them out.
  rare = await client('research', 'diverse', 'Sprockhövel');
});
afterAll(() => t.close());

describe('research projects', () => {
  it('need the approval of each data-giving agency before any export; the requester cannot approve', async () => {
    const id = await newProject();
    expect((await researcher.post(`/api/research-projects/${id}/approve`, {})).status).toBe(403);
    expect((await researcher.post(`/api/research-projects/${id}/exports`, {})).status).toBe(409);
    const approved = await lead.post(`/api/research-projects/${id}/approve`, {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
    const audit = await t.ctx.db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE resource_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['research.request', 'research.approve']);
  });

  it('refuses the approval by the requester even when that user is also a lead (four eyes)', async () => {
    await t.ctx.db.query(`UPDATE users SET roles = '{lead,researcher}' WHERE email = $1`, [DEMO.lead]);
    try {
      const both = t.client();
      await both.login(DEMO.lead);
      const filed = await both.post('/api/research-projects', { ...PROJECT, agencyIds: [en] });
      expect(filed.status).toBe(201);
      const res = await both.post(`/api/research-projects/${filed.body.id}/approve`, {});
      expect(res.status).toBe(403);
    } finally {
      await t.ctx.db.query(`UPDATE users SET roles = '{lead}' WHERE email = $1`, [DEMO.lead]);
    }
  });

  it('rejects unknown agencies and a period that ends before it starts', async () => {
    const unknown = await researcher.post('/api/research-projects', {
      ...PROJECT,
      agencyIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.status).toBe(400);
    const backwards = await researcher.post('/api/research-projects', {
      ...PROJECT,
      from: '2026-01-01',
      to: '2025-01-01',
      agencyIds: [en],
    });
    expect(backwards.status).toBe(400);
  });
});

describe('research exports', () => {
  it('contain only clients with an active research consent, under pseudonyms, k-anonymous', async () => {
    const id = await newProject();
    expect((await lead.post(`/api/research-projects/${id}/approve`, {})).status).toBe(200);
    const e = await exportCsv(id);
    expect(e.columns[0]).toBe('pseudonym');
    expect(e.columns).not.toContain('last_name');
    expect(e.columns).not.toContain('birth_date');
    expect(e.text).not.toMatch(/Nachname|Research|1970-03-03/);
    const people = new Set(e.rows.map((r) => r.pseudonym));
    // Six consenting people plus the rare one, generalised rather than left out or shown as is.
    expect(people.size).toBe(7);
    expect(e.created.rows).toBe(14);
    // k-anonymity: every combination of quasi-identifiers is shared by at least k = 5 people.
    const classes = new Map<string, Set<string>>();
    for (const r of e.rows) {
      const key = [r.age_group, r.gender, r.disability, r.district].join('|');
      classes.set(key, (classes.get(key) ?? new Set()).add(r.pseudonym as string));
    }
    for (const members of classes.values()) expect(members.size).toBeGreaterThanOrEqual(5);
    expect(e.text).not.toMatch(/diverse|Sprockhövel/);
    // No pseudonym is derived from a non-consenting or withdrawn client's id alone.
    expect(e.text).not.toContain(withdrawn);
    expect(e.text).not.toContain(noConsent);
    expect(e.text).not.toContain(rare);
  });

  it('keeps pseudonyms stable within a project and unlinkable across projects', async () => {
    const a = await newProject();
    const b = await newProject();
    for (const p of [a, b])
      expect((await lead.post(`/api/research-projects/${p}/approve`, {})).status).toBe(200);
    const first = new Set((await exportCsv(a)).rows.map((r) => r.pseudonym));
    const again = new Set((await exportCsv(a)).rows.map((r) => r.pseudonym));
    const other = new Set((await exportCsv(b)).rows.map((r) => r.pseudonym));
    expect([...again].sort()).toEqual([...first].sort());
    expect([...other].filter((p) => first.has(p))).toEqual([]);
  });

  it("keep the project's key out of the application's reach; pseudonyms are the HMAC of the client id", async () => {
    const id = await newProject();
    expect((await lead.post(`/api/research-projects/${id}/approve`, {})).status).toBe(200);
    // A lead of the data-giving agency, as the application role: no privilege on the key table, and
    // the project row no longer has a key column.
    const asLead = (sql: string) =>
      t.ctx.db.transaction(async (tx) => {
        await tx.query(
          `SELECT set_config('lotse.agency_id', $1, true), set_config('lotse.scope', '', true),
                  set_config('role', 'lotse_app', true)`,
          [en],
        );
        return tx.query(sql);
      });
    await expect(asLead('SELECT pseudonym_key FROM research_project_keys')).rejects.toThrow(
      /permission denied/,
    );
    await expect(asLead('SELECT pseudonym_key FROM research_projects')).rejects.toThrow(/pseudonym_key/);
    const projects = await asLead('SELECT * FROM research_projects');
    expect(projects.rows.length).toBeGreaterThan(0);
    for (const row of projects.rows) expect(Object.keys(row)).not.toContain('pseudonym_key');
    // The database computes the same HMAC-SHA256 as node:crypto under the stored key.
    const key = await t.ctx.db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('lotse.scope', 'system', true)`);
      return (
        await tx.query<{ pseudonym_key: Buffer }>(
          'SELECT pseudonym_key FROM research_project_keys WHERE project_id = $1',
          [id],
        )
      ).rows[0]?.pseudonym_key as Buffer;
    });
    expect(key.length).toBe(32);
    const expected = consenting
      .map((c) => createHmac('sha256', Buffer.from(key)).update(c).digest('hex').slice(0, 32))
      .sort();
    const got = new Set((await exportCsv(id)).rows.map((r) => r.pseudonym));
    for (const p of expected) expect(got.has(p)).toBe(true);
  });

  it('are downloadable as Parquet, codebook and Table Schema, audited, and expire', async () => {
    const id = await newProject();
    await lead.post(`/api/research-projects/${id}/approve`, {});
    const e = await exportCsv(id);
    const cookie = [...researcher.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const parquet = await fetch(`${t.baseUrl}/api/research-exports/${e.id}/download?format=parquet`, {
      headers: { cookie },
    });
    const bytes = await parquet.arrayBuffer();
    expect(Buffer.from(bytes).subarray(0, 4).toString()).toBe('PAR1');
    const objects = await parquetReadObjects({ file: bytes });
    expect(objects.length).toBe(e.rows.length);
    expect(Object.keys(objects[0] as object)).toContain('pseudonym');
    const codebook = await researcher.get(`/api/research-exports/${e.id}/download?format=codebook`);
    expect(String(codebook.body)).toMatch(/^name,type,description,values/);
    const schema = await researcher.get(`/api/research-exports/${e.id}/download?format=schema`);
    expect(schema.body.fields.map((f: { name: string }) => f.name)).toEqual(e.columns);
    const downloads = await t.ctx.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'research.download' AND resource_id = $1`,
      [e.id],
    );
    expect(downloads.rowCount).toBe(4);
    t.clock.advance(8 * 24 * 60 * 60 * 1000);
    try {
      const fresh = t.client();
      await fresh.login(DEMO.researcher);
      expect((await fresh.get(`/api/research-exports/${e.id}/download?format=csv`)).status).toBe(404);
      const stored = await t.ctx.db.query<{ content: unknown }>(
        'SELECT content FROM research_exports WHERE id = $1',
        [e.id],
      );
      expect(stored.rows[0]?.content).toBeNull();
    } finally {
      t.clock.advance(-8 * 24 * 60 * 60 * 1000);
    }
  });

  it('are not visible to another agency', async () => {
    const id = await newProject();
    await lead.post(`/api/research-projects/${id}/approve`, {});
    const e = await exportCsv(id);
    const mk = t.client();
    await mk.login(DEMO.caseworkerMk);
    expect((await mk.get(`/api/research-exports/${e.id}/download?format=csv`)).status).toBe(403);
    // A lead of an agency that gives no data cannot see or approve the project.
    const other = await t.ctx.db.query<{ id: string }>(
      `SELECT id FROM agencies WHERE name = 'Jobcenter Maerkischer Kreis (Demo)'`,
    );
    const filed = await researcher.post('/api/research-projects', {
      ...PROJECT,
      agencyIds: [other.rows[0]?.id],
    });
    expect((await lead.post(`/api/research-projects/${filed.body.id}/approve`, {})).status).toBe(404);
  });
});
