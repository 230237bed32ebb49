import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/** Editing a network partner over real HTTP on a real database. */
let t: TestApp;
let cw: TestClient;
let mk: TestClient;
let researcher: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  cw = t.client();
  mk = t.client();
  researcher = t.client();
  await cw.login(DEMO.caseworker);
  await mk.login(DEMO.caseworkerMk);
  await researcher.login(DEMO.researcher);
});
afterAll(() => t.close());

describe('PATCH /api/partners/:id', () => {
  it('changes only the given fields, audits the change and keeps other agencies out', async () => {
    const created = await cw.post('/api/partners', {
      name: 'Sportverein Annen',
      kind: 'sports',
      districts: ['witten'],
      notes: 'Dienstags Training',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;

    const res = await cw.patch(`/api/partners/${id}`, {
      kind: 'employer',
      contactPersons: [{ name: 'Frau Yilmaz', role: 'Personal', email: 'yilmaz@example.org' }],
      districts: ['witten', 'hattingen', 'witten'],
      inclusion: { jobsForPeopleWithDisabilities: true, accessibleWorkplace: true },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Sportverein Annen',
      kind: 'employer',
      notes: 'Dienstags Training',
      districts: ['witten', 'hattingen'],
      contactPersons: [{ name: 'Frau Yilmaz', role: 'Personal', phone: null, email: 'yilmaz@example.org' }],
      inclusion: { jobsForPeopleWithDisabilities: true, accessibleWorkplace: true, partTimePossible: false },
    });
    const cleared = await cw.patch(`/api/partners/${id}`, { notes: null, inclusion: null });
    expect(cleared.body).toMatchObject({ notes: null, inclusion: null, kind: 'employer' });

    const audit = await t.ctx.db.query<{ details: { fields: string[] } }>(
      `SELECT details FROM audit_log WHERE action = 'partners.update' AND resource_id = $1 ORDER BY at`,
      [id],
    );
    expect(audit.rows.map((r) => r.details.fields)).toEqual([
      ['contactPersons', 'districts', 'inclusion', 'kind'],
      ['inclusion', 'notes'],
    ]);

    expect((await mk.patch(`/api/partners/${id}`, { name: 'Übernommen' })).status).toBe(404);
    expect((await researcher.patch(`/api/partners/${id}`, { name: 'Forschung' })).status).toBe(403);
    expect((await cw.get(`/api/partners/${id}`)).body.name).toBe('Sportverein Annen');
  });

  it('answers bad input with 400 naming the fields and writes nothing', async () => {
    const id = (await cw.post('/api/partners', { name: 'Beratung Mitte', kind: 'counselling' })).body.id;
    const bad = await cw.patch(`/api/partners/${id}`, {
      name: 'Neu',
      postalCode: '123',
      districts: ['Atlantis!'],
      contactPersons: [{ name: 'X', email: 'keine-mail' }],
    });
    expect(bad.status).toBe(400);
    const paths = (bad.body.error.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(['contactPersons.0.email', 'districts.0', 'postalCode']);
    // [trust #15] A well-formed key that is not one of the agency's districts is refused too.
    const unknown = await cw.patch(`/api/partners/${id}`, { districts: ['witten', 'atlantis'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues).toEqual([
      { path: 'districts.1', message: 'Unbekannter Sozialraum: atlantis' },
    ]);
    expect((await cw.patch(`/api/partners/${id}`, {})).status).toBe(400);
    expect((await cw.patch(`/api/partners/${id}`, { unknown: 1 })).status).toBe(400);
    expect((await cw.get(`/api/partners/${id}`)).body.name).toBe('Beratung Mitte');
    expect((await cw.patch('/api/partners/00000000-0000-4000-8000-000000000000', { name: 'X' })).status).toBe(
      404,
    );
  });
});
