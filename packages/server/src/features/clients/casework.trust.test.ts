import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let cw: TestClient;
let ko: TestClient;
let lead: TestClient;

async function newClient(lastName = `Trust-${Math.random().toString(36).slice(2, 8)}`) {
  const res = await cw.post('/api/clients', {
    firstName: 'Rita',
    lastName,
    birthDate: '1971-05-06',
    allowDuplicate: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; lastName: string };
}

beforeAll(async () => {
  t = await startTestApp();
  cw = t.client();
  await cw.login(DEMO.caseworker);
  ko = t.client();
  await ko.login(DEMO.coordinator);
  lead = t.client();
  await lead.login(DEMO.lead);
});
afterAll(() => t.close());

describe('contradictory dates', () => {
  it('[trust #16] refuses closing a case before it was opened with 400 naming the fields, and changes nothing', async () => {
    const c = await newClient();
    // Without contacts the case began the day it was opened.
    const view = (await cw.get(`/api/clients/${c.id}`)).body;
    expect(view.cases[0].beganOn).toBe(view.cases[0].openedOn);
    const res = await cw.post(`/api/clients/${c.id}/close`, { outcome: 'employment', date: '2026-02-01' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('date');
    expect(res.body.error.message).toContain('openedOn');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['date', 'openedOn']),
    );
    expect((await cw.get(`/api/clients/${c.id}`)).body.cases[0].status).toBe('open');
    // The same day is fine.
    expect(
      (await cw.post(`/api/clients/${c.id}/close`, { outcome: 'other', date: '2026-03-02' })).status,
    ).toBe(200);
  });

  it('[trust #16] accepts a closure after the first contact recorded for the case, even before the day it was entered', async () => {
    const c = await newClient();
    const contact = await cw.post(`/api/clients/${c.id}/contacts`, {
      type: 'home_visit',
      date: '2026-01-20',
      durationMinutes: 30,
    });
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);
    // The client view tells the closure form the same day the server checks against.
    const view = (await cw.get(`/api/clients/${c.id}`)).body;
    expect(view.cases[0].openedOn).toBe('2026-03-02');
    expect(view.cases[0].beganOn).toBe('2026-01-20');
    expect(
      (await cw.post(`/api/clients/${c.id}/close`, { outcome: 'other', date: '2026-01-19' })).status,
    ).toBe(400);
    const closed = await cw.post(`/api/clients/${c.id}/close`, { outcome: 'employment', date: '2026-01-21' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  });

  it('[trust #16] refuses a goal due before it was agreed, on create and on change', async () => {
    const c = await newClient();
    const early = await cw.post(`/api/clients/${c.id}/goals`, {
      title: 'Sportverein',
      dimension: 'health',
      agreedOn: '2026-03-01',
      targetDate: '2026-02-01',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('targetDate');
    expect(early.body.error.message).toContain('agreedOn');
    const goal = await cw.post(`/api/clients/${c.id}/goals`, {
      title: 'Sportverein',
      dimension: 'health',
      agreedOn: '2026-03-01',
      targetDate: '2026-06-01',
    });
    expect(goal.status, JSON.stringify(goal.body)).toBe(201);
    const moved = await cw.patch(`/api/goals/${goal.body.id}`, { targetDate: '2026-02-15' });
    expect(moved.status).toBe(400);
    expect(moved.body.error.issues.map((i: { path: string }) => i.path)).toContain('targetDate');
    expect((await cw.get(`/api/clients/${c.id}/goals`)).body.items[0].targetDate).toBe('2026-06-01');
  });

  it('[trust #16] refuses a referral started before it was made and ended before it started', async () => {
    const partner = await cw.post('/api/partners', { name: 'Sportverein Trust', kind: 'welfare' });
    expect(partner.status, JSON.stringify(partner.body)).toBe(201);
    const offer = await cw.post('/api/offers', {
      title: 'Lauftreff',
      partnerId: partner.body.id,
      dimensions: ['social_contacts'],
      district: 'witten',
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const c = await newClient();
    const r = await cw.post(`/api/clients/${c.id}/referrals`, { offerId: offer.body.id });
    expect(r.status).toBe(201);
    const early = await cw.patch(`/api/referrals/${r.body.id}`, { status: 'started', date: '2026-02-20' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('referredOn');
    expect(
      (await cw.patch(`/api/referrals/${r.body.id}`, { status: 'started', date: '2026-03-02' })).status,
    ).toBe(200);
    const endEarly = await cw.patch(`/api/referrals/${r.body.id}`, {
      status: 'completed',
      date: '2026-03-01',
    });
    expect(endEarly.status).toBe(400);
    expect(endEarly.body.error.message).toContain('startedOn');
    expect((await cw.get(`/api/clients/${c.id}/referrals`)).body.items[0].status).toBe('started');
  });

  it('[trust #16] refuses an enrolment ending before it started', async () => {
    const agencies = await t.ctx.db.query<{ id: string }>(
      `SELECT id FROM agencies WHERE name = 'Jobcenter EN (Demo)'`,
    );
    const programme = await ko.post('/api/programmes', {
      name: 'Trust-Programm',
      fundingSource: 'sgb2_16i',
      legalBasis: '§ 16i SGB II',
      funder: 'Land NRW',
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      agencies: [{ agencyId: agencies.rows[0]?.id, places: [{ year: 2026, places: 2 }] }],
    });
    expect(programme.status, JSON.stringify(programme.body)).toBe(201);
    const c = await newClient();
    const e = await cw.post(`/api/programmes/${programme.body.programme.id}/enrolments`, {
      clientId: c.id,
      entryDate: '2026-02-10',
    });
    expect(e.status, JSON.stringify(e.body)).toBe(201);
    const exit = await cw.post(`/api/enrolments/${e.body.enrolment.id}/exit`, {
      date: '2026-02-01',
      reason: 'employment',
    });
    expect(exit.status).toBe(400);
    expect(exit.body.error.message).toContain('entryDate');
  });
});

describe('smaller holes', () => {
  it('[trust #13] gives coordinators no closure reason and no case-event reasons', async () => {
    const c = await newClient();
    const guides = (await cw.get('/api/guides')).body.items as { id: string }[];
    const current = (await cw.get(`/api/clients/${c.id}`)).body.cases[0].guide.id;
    const other = guides.find((g) => g.id !== current);
    await cw.post(`/api/clients/${c.id}/handover`, {
      guideUserId: other?.id,
      reason: 'Suchtproblematik, Übergabe an Fachkraft',
    });
    const closed = await lead.post(`/api/clients/${c.id}/close`, {
      outcome: 'other',
      date: '2026-03-02',
      reason: 'Privates Detail zum Abschluss',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.cases[0].closureReason).toBe('Privates Detail zum Abschluss');
    const seen = await ko.get(`/api/clients/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.cases[0].closureReason).toBeNull();
    expect(seen.body.cases[0].events.map((e: { reason: string | null }) => e.reason)).toEqual(
      seen.body.cases[0].events.map(() => null),
    );
    expect(JSON.stringify(seen.body)).not.toContain('Privates Detail');
    expect(JSON.stringify(seen.body)).not.toContain('Suchtproblematik');
    expect(JSON.stringify((await lead.get(`/api/clients/${c.id}`)).body)).toContain('Suchtproblematik');
  });

  it('[trust #13] records the ids of the page shown when clients are listed', async () => {
    const a = await newClient('Listenprobe-Eins');
    const b = await newClient('Listenprobe-Zwei');
    const list = await cw.get('/api/clients?query=Listenprobe');
    expect(list.status).toBe(200);
    const shown = list.body.items.map((i: { id: string }) => i.id);
    expect(shown).toEqual(expect.arrayContaining([a.id, b.id]));
    const entry = await t.ctx.db.query<{ details: { clientIds: string[] } }>(
      `SELECT details FROM audit_log WHERE action = 'clients.list' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry.rows[0]?.details.clientIds).toEqual(shown);
    // The client's audit trail shows the list read.
    const trail = await lead.get(`/api/audit?clientId=${a.id}&action=clients.list`);
    expect(trail.status).toBe(200);
    expect(trail.body.items.length).toBeGreaterThanOrEqual(1);
  });
});
