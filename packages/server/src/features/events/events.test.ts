import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * Event registrations (cancelling, the waiting list moving up) and the personal secret iCalendar feed,
 * over real HTTP on a real database.
 */
let t: TestApp;
let cw: TestClient;
let cw2: TestClient;
let ko: TestClient;
let mk: TestClient;
let anonymous: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  cw = t.client();
  cw2 = t.client();
  ko = t.client();
  mk = t.client();
  anonymous = t.client();
  await cw.login(DEMO.caseworker);
  await cw2.login(DEMO.caseworker2);
  await ko.login(DEMO.coordinator);
  await mk.login(DEMO.caseworkerMk);
});
afterAll(() => t.close());

let seq = 0;
async function newEvent(extra: Record<string, unknown> = {}) {
  seq += 1;
  const res = await ko.post('/api/events', {
    title: `Arbeitskreis Teilhabe ${seq}`,
    kind: 'working_group',
    startsAt: '2026-05-12T08:00:00Z',
    endsAt: '2026-05-12T10:00:00Z',
    place: 'Rathaus Witten',
    capacity: 1,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; code: string };
}

const auditCount = async (action: string) =>
  (
    await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE action = $1', [
      action,
    ])
  ).rows[0]?.n ?? 0;

describe('cancelling a registration', () => {
  it('moves the first of the waiting list up, also across agencies', async () => {
    const e = await newEvent();
    expect((await cw.post(`/api/events/${e.id}/registrations`, {})).body.status).toBe('registered');
    t.clock.advance(1000);
    expect((await mk.post(`/api/events/${e.id}/registrations`, {})).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    t.clock.advance(1000);
    expect((await cw2.post(`/api/events/${e.id}/registrations`, {})).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 2,
    });

    const cancel = await cw.request('DELETE', `/api/events/${e.id}/registrations`);
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200);
    expect(cancel.body).toEqual({ eventId: e.id, cancelled: 'registered', promoted: true });

    expect((await mk.get(`/api/events/${e.id}`)).body).toMatchObject({
      registered: 1,
      waitlisted: 1,
      myRegistration: 'registered',
    });
    expect((await cw.get(`/api/events/${e.id}`)).body.myRegistration).toBeNull();
    expect((await cw2.get(`/api/events/${e.id}`)).body.myRegistration).toBe('waitlisted');

    // Leaving the waiting list promotes nobody; the registered place stays taken.
    const leave = await cw2.request('DELETE', `/api/events/${e.id}/registrations`);
    expect(leave.body).toEqual({ eventId: e.id, cancelled: 'waitlisted', promoted: false });
    expect((await ko.get(`/api/events/${e.id}`)).body).toMatchObject({ registered: 1, waitlisted: 0 });

    // Registering again after cancelling is possible.
    expect((await cw.post(`/api/events/${e.id}/registrations`, {})).body).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
  });

  it('audits the cancellation and refuses what cannot be cancelled', async () => {
    const e = await newEvent({ capacity: null });
    const before = await auditCount('events.cancel_registration');
    expect((await cw.request('DELETE', `/api/events/${e.id}/registrations`)).status).toBe(404);
    await cw.post(`/api/events/${e.id}/registrations`, {});
    const res = await cw.request('DELETE', `/api/events/${e.id}/registrations`);
    expect(res.body).toEqual({ eventId: e.id, cancelled: 'registered', promoted: false });
    expect(await auditCount('events.cancel_registration')).toBe(before + 1);
    expect(
      (await cw.request('DELETE', '/api/events/00000000-0000-4000-8000-000000000000/registrations')).status,
    ).toBe(404);
    expect((await cw.request('DELETE', '/api/events/kein-event/registrations')).status).toBe(400);
    expect((await anonymous.request('DELETE', `/api/events/${e.id}/registrations`)).status).toBe(401);
  });

  it('refuses to cancel once the event is over', async () => {
    const e = await newEvent({ startsAt: '2026-01-05T08:00:00Z', endsAt: '2026-01-05T09:00:00Z' });
    await t.ctx.db.query(
      `INSERT INTO event_registrations (agency_id, event_id, user_id, status, created_at)
       SELECT agency_id, $1, id, 'registered', now() FROM users WHERE email = $2`,
      [e.id, DEMO.caseworker],
    );
    const res = await cw.request('DELETE', `/api/events/${e.id}/registrations`);
    expect(res.status).toBe(409);
    expect((await cw.get(`/api/events/${e.id}`)).body.myRegistration).toBe('registered');
  });
});

describe('personal calendar feed', () => {
  it('serves the feed behind a secret link without a session, stores only the hash, audits creation', async () => {
    const e = await newEvent({ title: 'Fachgespräch Feed' });
    expect((await cw.get('/api/events/feed-token')).body).toEqual({
      active: false,
      createdAt: null,
      path: null,
    });
    const before = await auditCount('events.feed_token.create');
    const created = await cw.post('/api/events/feed-token');
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = created.body.path as string;
    expect(path).toMatch(/^\/api\/events\/feed\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await auditCount('events.feed_token.create')).toBe(before + 1);
    const token = path.slice('/api/events/feed/'.length, -'.ics'.length);
    const stored = await t.ctx.db.query<{ token_hash: string }>('SELECT token_hash FROM event_feed_tokens');
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(token);
    expect(JSON.stringify(await t.ctx.db.query('SELECT details FROM audit_log'))).not.toContain(token);

    const status = await cw.get('/api/events/feed-token');
    expect(status.body).toMatchObject({ active: true, path: null });

    const feed = await anonymous.get(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const vevents = new ICAL.Component(ICAL.parse(feed.body as string)).getAllSubcomponents('vevent');
    expect(vevents.map((v) => new ICAL.Event(v).summary)).toContain(`${e.code} Fachgespräch Feed`);

    // The session feed stays as it is.
    expect((await cw.get('/api/events.ics')).status).toBe(200);
    expect((await anonymous.get('/api/events.ics')).status).toBe(401);
  });

  it('regenerating replaces the link, revoking ends it, unknown and malformed tokens are refused', async () => {
    const first = (await mk.post('/api/events/feed-token')).body.path as string;
    const second = (await mk.post('/api/events/feed-token')).body.path as string;
    expect(second).not.toBe(first);
    expect((await anonymous.get(first)).status).toBe(404);
    expect((await anonymous.get(second)).status).toBe(200);

    const revoked = await mk.request('DELETE', '/api/events/feed-token');
    expect(revoked.body).toEqual({ active: false, createdAt: null, path: null });
    expect((await anonymous.get(second)).status).toBe(404);
    expect((await mk.get('/api/events/feed-token')).body.active).toBe(false);

    expect((await anonymous.get(`/api/events/feed/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await anonymous.get('/api/events/feed/zu-kurz.ics')).status).toBe(400);
  });

  it("a disabled user's link stops working", async () => {
    const path = (await cw2.post('/api/events/feed-token')).body.path as string;
    expect((await anonymous.get(path)).status).toBe(200);
    await t.ctx.db.query(`UPDATE users SET status = 'disabled' WHERE email = $1`, [DEMO.caseworker2]);
    expect((await anonymous.get(path)).status).toBe(404);
    await t.ctx.db.query(`UPDATE users SET status = 'active' WHERE email = $1`, [DEMO.caseworker2]);
  });
});
