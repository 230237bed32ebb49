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

describe('event times in the agency time zone', () => {
  it('stores wall-clock times of Europe/Berlin as UTC (winter +1, summer +2) and reads them back', async () => {
    const winter = await ko.post('/api/events', {
      title: 'Runder Tisch Winter',
      kind: 'round_table',
      localStart: '2027-01-20T14:00',
      localEnd: '2027-01-20T16:00',
      place: 'Rathaus Witten',
    });
    expect(winter.status, JSON.stringify(winter.body)).toBe(201);
    expect(winter.body).toMatchObject({
      startsAt: '2027-01-20T13:00:00.000Z',
      endsAt: '2027-01-20T15:00:00.000Z',
      localStart: '2027-01-20T14:00',
      localEnd: '2027-01-20T16:00',
      timeZone: 'Europe/Berlin',
    });
    const summer = await ko.post('/api/events', {
      title: 'Runder Tisch Sommer',
      kind: 'round_table',
      localStart: '2027-07-20T14:00',
      localEnd: '2027-07-20T16:00',
      place: 'Rathaus Witten',
    });
    expect(summer.body).toMatchObject({
      startsAt: '2027-07-20T12:00:00.000Z',
      endsAt: '2027-07-20T14:00:00.000Z',
    });
    const stored = await t.ctx.db.query<{ s: Date }>(
      'SELECT starts_at AS s FROM network_events WHERE id = $1',
      [summer.body.id],
    );
    expect(stored.rows[0]?.s.toISOString()).toBe('2027-07-20T12:00:00.000Z');

    // The calendar file carries the same instants (UTC).
    const ics = await ko.get(`/api/events/${winter.body.id}.ics`);
    const vevent = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics.body as string)).getFirstSubcomponent('vevent') as ICAL.Component,
    );
    expect(vevent.startDate.toJSDate().toISOString()).toBe('2027-01-20T13:00:00.000Z');
    expect(vevent.endDate.toJSDate().toISOString()).toBe('2027-01-20T15:00:00.000Z');
    expect(ics.body as string).toContain('DTSTART:20270120T130000Z');
  });

  it('uses the agency setting timeZone and refuses unknown zones and mixed timings', async () => {
    const admin = t.client();
    await admin.login(DEMO.admin);
    expect((await admin.patch('/api/agency/settings', { timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await admin.patch('/api/agency/settings', { timeZone: 'America/New_York' })).status).toBe(200);
    try {
      const e = await ko.post('/api/events', {
        title: 'Zeitzone New York',
        kind: 'workshop',
        localStart: '2027-01-20T14:00',
        localEnd: '2027-01-20T16:00',
        place: 'Online-Raum',
      });
      expect(e.body).toMatchObject({ startsAt: '2027-01-20T19:00:00.000Z', timeZone: 'America/New_York' });
      expect((await ko.get('/api/auth/me')).body.user.agency.timeZone).toBe('America/New_York');
    } finally {
      await admin.patch('/api/agency/settings', { timeZone: 'Europe/Berlin' });
    }
    const mixed = await ko.post('/api/events', {
      title: 'Doppelt',
      kind: 'workshop',
      startsAt: '2027-01-20T13:00:00Z',
      localStart: '2027-01-20T14:00',
      localEnd: '2027-01-20T16:00',
      place: 'Rathaus',
    });
    expect(mixed.status).toBe(400);
    const backwards = await ko.post('/api/events', {
      title: 'Rückwärts',
      kind: 'workshop',
      localStart: '2027-01-20T16:00',
      localEnd: '2027-01-20T14:00',
      place: 'Rathaus',
    });
    expect(backwards.status).toBe(400);
  });
});

describe('organisers edit and cancel events; registered people are notified', () => {
  it('lists attendees and the waiting list for the organiser only', async () => {
    const e = await newEvent({
      startsAt: '2026-06-12T08:00:00Z',
      endsAt: '2026-06-12T10:00:00Z',
      capacity: 1,
    });
    await cw.post(`/api/events/${e.id}/registrations`, {});
    t.clock.advance(1000);
    await mk.post(`/api/events/${e.id}/registrations`, {});
    const before = await auditCount('events.attendees.read');
    const list = await ko.get(`/api/events/${e.id}/attendees`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    expect(list.body.registered).toHaveLength(1);
    expect(list.body.registered[0]).toMatchObject({ email: DEMO.caseworker, status: 'registered' });
    expect(list.body.waitlisted).toHaveLength(1);
    expect(list.body.waitlisted[0]).toMatchObject({ email: DEMO.caseworkerMk, waitlistPosition: 1 });
    expect(list.body.waitlisted[0].agency).not.toBe(list.body.registered[0].agency);
    expect(await auditCount('events.attendees.read')).toBe(before + 1);
    // A caseworker may not; the organiser of another agency gets a 404 like for a missing event.
    expect((await cw.get(`/api/events/${e.id}/attendees`)).status).toBe(403);
    const foreign = await t.ctx.db.query<{ id: string }>(
      `INSERT INTO network_events (agency_id, code, title, kind, starts_at, ends_at, place, created_at, updated_at)
       SELECT agency_id, 'V 26/990', 'Fremde Veranstaltung', 'workshop', '2026-06-12T08:00Z', '2026-06-12T09:00Z',
              'Lüdenscheid', now(), now()
         FROM users WHERE email = $1 RETURNING id`,
      [DEMO.caseworkerMk],
    );
    const other = foreign.rows[0]?.id as string;
    expect((await ko.get(`/api/events/${other}`)).status).toBe(200);
    expect((await ko.get(`/api/events/${other}/attendees`)).status).toBe(404);
    expect((await ko.patch(`/api/events/${other}`, { title: 'Fremd' })).status).toBe(404);
    expect((await ko.post(`/api/events/${other}/cancel`, {})).status).toBe(404);
  });

  it('editing the time notifies the registered, more places move the waiting list up', async () => {
    const e = await newEvent({
      startsAt: '2026-06-15T08:00:00Z',
      endsAt: '2026-06-15T10:00:00Z',
      capacity: 1,
    });
    await cw.post(`/api/events/${e.id}/registrations`, {});
    t.clock.advance(1000);
    await mk.post(`/api/events/${e.id}/registrations`, {});
    const changed = await ko.patch(`/api/events/${e.id}`, {
      localStart: '2026-06-15T14:00',
      localEnd: '2026-06-15T16:00',
      capacity: 2,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({
      startsAt: '2026-06-15T12:00:00.000Z',
      endsAt: '2026-06-15T14:00:00.000Z',
      registered: 2,
      waitlisted: 0,
      capacity: 2,
    });
    const notes = await mk.get('/api/notifications?unread=true');
    expect(notes.body.items.find((n: { eventId: string }) => n.eventId === e.id)).toMatchObject({
      kind: 'event_changed',
      params: { code: e.code, startsAt: '2026-06-15T12:00:00.000Z' },
    });
    // The revision (SEQUENCE) goes up so that calendar apps take the change.
    const ics = (await cw.get(`/api/events/${e.id}.ics`)).body as string;
    expect(ics).toContain('SEQUENCE:1');
    // The capacity cannot drop below those registered.
    expect((await ko.patch(`/api/events/${e.id}`, { capacity: 1 })).status).toBe(409);
    // Only the title: nobody is notified again.
    const count = (await cw.get('/api/notifications')).body.items.length;
    await ko.patch(`/api/events/${e.id}`, { title: 'Neuer Titel' });
    expect((await cw.get('/api/notifications')).body.items.length).toBe(count);
  });

  it('cancelling marks the event, notifies everyone registered or waiting (any agency) and is audited', async () => {
    const e = await newEvent({
      startsAt: '2026-06-20T08:00:00Z',
      endsAt: '2026-06-20T10:00:00Z',
      capacity: 1,
    });
    await cw.post(`/api/events/${e.id}/registrations`, {});
    t.clock.advance(1000);
    await mk.post(`/api/events/${e.id}/registrations`, {});
    const before = await auditCount('events.cancel');
    expect((await cw.post(`/api/events/${e.id}/cancel`, {})).status).toBe(403);
    const res = await ko.post(`/api/events/${e.id}/cancel`, { reason: 'Referentin erkrankt' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: e.id, notified: 2, cancelReason: 'Referentin erkrankt' });
    expect(res.body.cancelledAt).toBe(t.clock.now().toISOString());
    expect(await auditCount('events.cancel')).toBe(before + 1);
    const audit = await t.ctx.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'events.cancel' AND resource_id = $1`,
      [e.id],
    );
    expect(audit.rows[0]?.details).toMatchObject({ code: e.code, notified: 2 });

    for (const who of [cw, mk]) {
      const notes = await who.get('/api/notifications?unread=true');
      expect(notes.status).toBe(200);
      const note = notes.body.items.find(
        (n: { eventId: string; kind: string }) => n.eventId === e.id && n.kind === 'event_cancelled',
      );
      expect(note).toMatchObject({ params: { code: e.code, reason: 'Referentin erkrankt' }, readAt: null });
      expect(notes.body.unread).toBeGreaterThanOrEqual(1);
    }
    // Nobody else got one.
    expect(
      (await cw2.get('/api/notifications')).body.items.some((n: { eventId: string }) => n.eventId === e.id),
    ).toBe(false);

    // Marking read: own notification only, audited.
    const mine = (await cw.get('/api/notifications?unread=true')).body.items.find(
      (n: { eventId: string; kind: string }) => n.eventId === e.id && n.kind === 'event_cancelled',
    );
    expect((await cw2.post(`/api/notifications/${mine.id}/read`, {})).status).toBe(404);
    const read = await cw.post(`/api/notifications/${mine.id}/read`, {});
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect(
      (await cw.get('/api/notifications?unread=true')).body.items.some(
        (n: { id: string }) => n.id === mine.id,
      ),
    ).toBe(false);
    expect((await mk.post('/api/notifications/read-all', {})).body.marked).toBeGreaterThanOrEqual(1);
    expect((await mk.get('/api/notifications?unread=true')).body).toEqual({ items: [], unread: 0 });

    // A cancelled event: no new registrations, no second cancel, no edits; the feed says CANCELLED.
    expect((await cw2.post(`/api/events/${e.id}/registrations`, {})).status).toBe(409);
    expect((await ko.post(`/api/events/${e.id}/cancel`, {})).status).toBe(409);
    expect((await ko.patch(`/api/events/${e.id}`, { title: 'x' })).status).toBe(409);
    const ics = (await cw.get(`/api/events/${e.id}.ics`)).body as string;
    expect(ics).toContain('STATUS:CANCELLED');
    expect((await cw.get(`/api/events/${e.id}`)).body.cancelledAt).not.toBeNull();
  });
});
