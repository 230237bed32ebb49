import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * Offers and network over real HTTP on a real database: partners, the offer directory with the shared
 * regional directory, ranked suggestions, referrals with capacity, planning with suppression, events
 * with iCalendar, publications with files.
 */
let t: TestApp;
let cw: TestClient;
let ko: TestClient;
let lead: TestClient;
let mk: TestClient;

const TEILHABE_BOGEN = '7e11ab0e-0000-4000-8000-000000000001';

beforeAll(async () => {
  t = await startTestApp();
  cw = t.client();
  ko = t.client();
  lead = t.client();
  mk = t.client();
  await cw.login(DEMO.caseworker);
  await ko.login(DEMO.coordinator);
  await lead.login(DEMO.lead);
  await mk.login(DEMO.caseworkerMk);
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) =>
  (await t.ctx.db.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;

let partnerSeq = 0;
async function newPartner(c: TestClient = cw, extra: Record<string, unknown> = {}) {
  partnerSeq += 1;
  const res = await c.post('/api/partners', {
    name: `Partner ${partnerSeq}`,
    kind: 'welfare',
    districts: ['witten'],
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string };
}

async function newOffer(partnerId: string, extra: Record<string, unknown> = {}, c: TestClient = cw) {
  const res = await c.post('/api/offers', {
    title: 'Offenes Angebot',
    partnerId,
    dimensions: ['social_contacts'],
    district: 'witten',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; title: string; freePlaces: number | null };
}

async function newClient(c: TestClient = cw, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/clients', {
    firstName: 'Erika',
    lastName: `Muster-${Math.random().toString(36).slice(2, 8)}`,
    birthDate: '1964-05-17',
    allowDuplicate: true,
    district: 'Witten-Annen',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

/** A completed assessment with need in the given dimensions (set up directly, like a finished form). */
async function assess(clientId: string, needs: string[], date = '2026-02-20') {
  const dims = [...new Set(['health', 'social_contacts', 'housing', 'leisure_culture', ...needs])];
  const scores = dims.map((d) => ({
    dimension: d,
    kind: 'area',
    score: needs.includes(d) ? 30 : 75,
    answered: 3,
    items: 3,
    need: needs.includes(d),
    workOn: null,
  }));
  await t.ctx.db.query(
    `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on, status,
                              scores, created_at, updated_at, completed_at)
     SELECT agency_id, id, $2, 'intake', 'professional', 'together', $3, 'completed', $4, now(), now(), now()
       FROM clients WHERE id = $1`,
    [clientId, TEILHABE_BOGEN, date, JSON.stringify(scores)],
  );
}

describe('partners', () => {
  it('adds a partner with contact persons and audits the write without personal content', async () => {
    const res = await cw.post('/api/partners', {
      name: 'Caritas Witten',
      kind: 'welfare',
      contactPersons: [{ name: 'Frau Beispiel', role: 'Seniorenberatung', phone: '02302 123456' }],
      street: 'Ruhrstraße 1',
      postalCode: '58452',
      city: 'Witten',
      districts: ['witten', 'wetter'],
    });
    expect(res.status).toBe(201);
    expect(res.body.contactPersons[0].name).toBe('Frau Beispiel');
    expect(res.body.own).toBe(true);
    const audit = await t.ctx.db.query<{ details: unknown }>(
      `SELECT details FROM audit_log WHERE action = 'partners.create' AND resource_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0]?.details)).not.toContain('Beispiel');
  });

  it('keeps an employer’s inclusion profile', async () => {
    const res = await cw.post('/api/partners', {
      name: 'Metallbau Schwelm GmbH',
      kind: 'employer',
      districts: ['schwelm'],
      inclusion: { jobsForPeopleWithDisabilities: true, accessibleWorkplace: true },
    });
    expect(res.status).toBe(201);
    expect(res.body.inclusion).toEqual({
      jobsForPeopleWithDisabilities: true,
      accessibleWorkplace: true,
      partTimePossible: false,
      note: null,
    });
  });

  it('answers 400 naming the fields for an unknown kind or a bad postal code, and writes nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM partners');
    const res = await cw.post('/api/partners', { name: 'X', kind: 'spaceship', postalCode: '123' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'postalCode']));
    expect(await count('SELECT count(*)::int AS n FROM partners')).toBe(before);
  });

  it('refuses partner writes to researchers and admins (403)', async () => {
    const admin = t.client();
    await admin.login(DEMO.admin);
    expect((await admin.post('/api/partners', { name: 'X', kind: 'other' })).status).toBe(403);
  });
});

describe('offers', () => {
  it('creates an offer, reads it back and pages the directory as {items, total}', async () => {
    const p = await newPartner();
    const o = await newOffer(p.id, {
      title: 'Seniorentreff Annen',
      description: 'Gemeinsames Frühstück, Spiele, Ausflüge.',
      targetGroups: ['older_people'],
      languages: ['de', 'tr'],
      stepFree: true,
      capacity: 12,
      freePlaces: 4,
      costCents: 0,
      validFrom: '2026-01-01',
    });
    const one = await cw.get(`/api/offers/${o.id}`);
    expect(one.status).toBe(200);
    expect(one.body.partner).toEqual({ id: p.id, name: p.name, kind: 'welfare' });
    expect(one.body.languages).toEqual(['de', 'tr']);
    const list = await cw.get('/api/offers?pageSize=1');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.total).toBeGreaterThanOrEqual(1);
    expect((await cw.get('/api/offers?pageSize=201')).status).toBe(400);
  });

  it('filters by dimension, district, target group, language, accessibility, free places and free text', async () => {
    const p = await newPartner();
    const chess = await newOffer(p.id, {
      title: 'Schachclub Herdecke',
      dimensions: ['leisure_culture', 'social_contacts'],
      district: 'herdecke',
      targetGroups: ['everyone'],
      languages: ['de', 'ru'],
      easyLanguage: true,
    });
    const full = await newOffer(p.id, {
      title: 'Volles Herdecker Café',
      dimensions: ['leisure_culture'],
      district: 'herdecke',
      capacity: 5,
      freePlaces: 0,
    });
    const ids = async (query: string) =>
      ((await cw.get(`/api/offers?${query}&pageSize=200`)).body.items as { id: string }[]).map((o) => o.id);
    expect(await ids('district=herdecke')).toEqual(expect.arrayContaining([chess.id, full.id]));
    expect(await ids('district=herdecke&available=true')).toEqual([chess.id]);
    expect(await ids('district=herdecke&language=ru')).toEqual([chess.id]);
    expect(await ids('district=herdecke&easyLanguage=true')).toEqual([chess.id]);
    expect(await ids('district=herdecke&dimension=social_contacts')).toEqual([chess.id]);
    expect(await ids('district=herdecke&targetGroup=everyone')).toEqual([chess.id]);
    // Accents and a typo do not hide it.
    expect(await ids('query=schachklub')).toContain(chess.id);
    expect(await ids('query=CAFE')).toContain(full.id);
    const bad = await cw.get('/api/offers?district=Atlantis!&stepFree=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'district',
      'stepFree',
    ]);
  });

  it('rejects unknown dimensions, another agency’s partner and free places above capacity, writing nothing', async () => {
    const p = await newPartner();
    const foreign = await newPartner(mk);
    const before = await count('SELECT count(*)::int AS n FROM offers');
    const unknown = await cw.post('/api/offers', {
      title: 'X',
      partnerId: p.id,
      dimensions: ['astrology'],
      district: 'witten',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('dimensions');
    const other = await cw.post('/api/offers', {
      title: 'X',
      partnerId: foreign.id,
      dimensions: ['health'],
      district: 'witten',
    });
    expect(other.status).toBe(400);
    expect(other.body.error.issues[0].path).toBe('partnerId');
    const places = await cw.post('/api/offers', {
      title: 'X',
      partnerId: p.id,
      dimensions: ['health'],
      district: 'witten',
      capacity: 2,
      freePlaces: 3,
    });
    expect(places.status).toBe(400);
    expect(await count('SELECT count(*)::int AS n FROM offers')).toBe(before);
    const o = await newOffer(p.id, { capacity: 2, freePlaces: 1 });
    const patch = await cw.patch(`/api/offers/${o.id}`, { freePlaces: 5 });
    expect(patch.status).toBe(400);
    expect((await cw.get(`/api/offers/${o.id}`)).body.freePlaces).toBe(1);
  });

  it('shows an offer to other agencies only once it is published to the shared directory, read-only', async () => {
    const p = await newPartner(cw, { name: 'AWO Ennepe-Ruhr' });
    const o = await newOffer(p.id, { title: 'Nachbarschaftshilfe Wetter', district: 'wetter' });
    expect((await mk.get(`/api/offers/${o.id}`)).status).toBe(404);
    expect(
      (await mk.get('/api/offers?scope=shared&pageSize=200')).body.items.map((x: { id: string }) => x.id),
    ).not.toContain(o.id);
    const published = await cw.patch(`/api/offers/${o.id}`, { shared: true });
    expect(published.status).toBe(200);
    const seen = await mk.get(`/api/offers/${o.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.own).toBe(false);
    expect(seen.body.partner.name).toBe('AWO Ennepe-Ruhr');
    expect(seen.body.agency.name).toBe('Jobcenter EN (Demo)');
    expect(
      (await mk.get('/api/offers?scope=shared&pageSize=200')).body.items.map((x: { id: string }) => x.id),
    ).toContain(o.id);
    // Not writable by the other agency: the same 404 as a missing offer.
    const foreignPatch = await mk.patch(`/api/offers/${o.id}`, { title: 'Übernommen' });
    expect(foreignPatch.status).toBe(404);
    expect((await cw.get(`/api/offers/${o.id}`)).body.title).toBe('Nachbarschaftshilfe Wetter');
    // The partner behind a shared offer is listed for the other agency too, without internal notes.
    const partners = await mk.get('/api/partners?pageSize=200');
    expect(partners.body.items.map((x: { id: string }) => x.id)).toContain(p.id);
  });
});

describe('suggestions', () => {
  it('ranks the offer that fits needs, district and language first and says why', async () => {
    const p = await newPartner();
    const fits = await newOffer(p.id, {
      title: 'Frauencafé Annen',
      dimensions: ['social_contacts'],
      district: 'witten',
      languages: ['de', 'tr'],
    });
    const sameDistrict = await newOffer(p.id, {
      title: 'Erzählcafé Witten',
      dimensions: ['social_contacts'],
      district: 'witten',
    });
    const elsewhere = await newOffer(p.id, {
      title: 'Begegnung Hattingen',
      dimensions: ['social_contacts'],
      district: 'hattingen',
      languages: ['de', 'tr'],
    });
    const unrelated = await newOffer(p.id, {
      title: 'Wohnberatung Witten',
      dimensions: ['housing'],
      district: 'witten',
      languages: ['de', 'tr'],
    });
    const client = await newClient(cw, { preferredLanguage: 'Türkisch' });
    await assess(client.id, ['social_contacts']);

    const res = await cw.get(`/api/clients/${client.id}/offer-suggestions?limit=50`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const order = (res.body.items as { offer: { id: string } }[]).map((s) => s.offer.id);
    expect(order[0]).toBe(fits.id);
    expect(order.indexOf(fits.id)).toBeLessThan(order.indexOf(sameDistrict.id));
    expect(order.indexOf(sameDistrict.id)).toBeLessThan(order.indexOf(elsewhere.id));
    expect(order).not.toContain(unrelated.id);
    expect(res.body.items[0].reason).toBe('passt: soziale Kontakte, Witten, Deutsch/Türkisch');
    expect(res.body.items[0].matches).toMatchObject({
      dimensions: ['social_contacts'],
      district: true,
      languages: ['tr'],
    });
    expect(res.body.basis).toEqual({
      needs: ['social_contacts'],
      assessmentDate: '2026-02-20',
      district: 'witten',
      language: 'tr',
    });
  });

  it('uses the latest completed assessment only', async () => {
    const p = await newPartner();
    const housing = await newOffer(p.id, { title: 'Wohnungsnotfallhilfe', dimensions: ['housing'] });
    const client = await newClient();
    await assess(client.id, ['social_contacts'], '2025-06-01');
    await assess(client.id, ['housing'], '2026-01-15');
    const res = await cw.get(`/api/clients/${client.id}/offer-suggestions?limit=50`);
    expect(res.body.basis.needs).toEqual(['housing']);
    expect(
      res.body.items.every((s: { matches: { dimensions: string[] } }) =>
        s.matches.dimensions.includes('housing'),
      ),
    ).toBe(true);
    expect(res.body.items.map((s: { offer: { id: string } }) => s.offer.id)).toContain(housing.id);
  });

  it('puts full offers last and marks them', async () => {
    const p = await newPartner();
    const full = await newOffer(p.id, {
      title: 'AAA Volle Gruppe',
      dimensions: ['work_readiness'],
      capacity: 3,
      freePlaces: 0,
    });
    const open = await newOffer(p.id, {
      title: 'ZZZ Offene Gruppe',
      dimensions: ['work_readiness'],
      district: 'breckerfeld',
    });
    const client = await newClient();
    await assess(client.id, ['work_readiness']);
    const res = await cw.get(`/api/clients/${client.id}/offer-suggestions?limit=50`);
    const items = res.body.items as { offer: { id: string }; full: boolean; reason: string }[];
    const ids = items.map((s) => s.offer.id);
    expect(ids.indexOf(open.id)).toBeLessThan(ids.indexOf(full.id));
    const fullItem = items.find((s) => s.offer.id === full.id);
    expect(fullItem?.full).toBe(true);
    expect(fullItem?.reason).toContain('keine freien Plätze');
  });

  it('answers 404 for another agency’s client, 403 for coordinators, and audits reads with the client id', async () => {
    const client = await newClient();
    await assess(client.id, ['health']);
    expect((await mk.get(`/api/clients/${client.id}/offer-suggestions`)).status).toBe(404);
    expect((await ko.get(`/api/clients/${client.id}/offer-suggestions`)).status).toBe(403);
    expect((await cw.get(`/api/clients/${client.id}/offer-suggestions`)).status).toBe(200);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'referrals.suggestions' AND client_id = $1`,
        [client.id],
      ),
    ).toBe(1);
  });
});

describe('referrals', () => {
  it('refers, starts and completes, keeping dates, taking and returning a place, auditing each step', async () => {
    const p = await newPartner();
    const o = await newOffer(p.id, { capacity: 2, freePlaces: 2 });
    const client = await newClient();
    const created = await cw.post(`/api/clients/${client.id}/referrals`, {
      offerId: o.id,
      note: 'Begleitung beim ersten Termin',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      status: 'referred',
      referredOn: '2026-03-02',
      capacityOverride: false,
    });
    expect((await cw.get(`/api/offers/${o.id}`)).body.freePlaces).toBe(1);
    const awaiting = async () =>
      (await cw.get('/api/caseload')).body.referralsAwaitingFeedback.map(
        (r: { client: { id: string } }) => r.client.id,
      );
    expect(await awaiting()).toContain(client.id);

    const started = await cw.patch(`/api/referrals/${created.body.id}`, { status: 'started' });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ status: 'started', startedOn: '2026-03-02' });
    expect(await awaiting()).not.toContain(client.id);
    const done = await cw.patch(`/api/referrals/${created.body.id}`, {
      status: 'completed',
      feedback: 'Regelmäßig teilgenommen.',
      // An explicit date is kept (it cannot lie before the start).
      date: '2026-03-04',
    });
    expect(done.body).toMatchObject({
      status: 'completed',
      endedOn: '2026-03-04',
      feedback: 'Regelmäßig teilgenommen.',
    });
    expect((await cw.get(`/api/offers/${o.id}`)).body.freePlaces).toBe(2);
    // Final: no way back.
    const back = await cw.patch(`/api/referrals/${created.body.id}`, { status: 'started' });
    expect(back.status).toBe(409);

    const list = await cw.get(`/api/clients/${client.id}/referrals`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].offer.title).toBe('Offenes Angebot');
    const audit = await t.ctx.db.query<{ action: string; details: unknown }>(
      `SELECT action, details FROM audit_log WHERE client_id = $1 AND action LIKE 'referrals.%' ORDER BY id`,
      [client.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'referrals.create',
      'referrals.update',
      'referrals.update',
      'referrals.list',
    ]);
    expect(JSON.stringify(audit.rows)).not.toMatch(/Begleitung|Regelmäßig/);
  });

  it('refuses a referral to a full offer without an explicit override, and records the override', async () => {
    const p = await newPartner();
    const o = await newOffer(p.id, { capacity: 1, freePlaces: 0 });
    const client = await newClient();
    const refused = await cw.post(`/api/clients/${client.id}/referrals`, { offerId: o.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(await count('SELECT count(*)::int AS n FROM referrals WHERE offer_id = $1', [o.id])).toBe(0);
    // A suggestion holds no place and is allowed; moving it to referred needs the override again.
    const suggested = await cw.post(`/api/clients/${client.id}/referrals`, {
      offerId: o.id,
      status: 'suggested',
    });
    expect(suggested.status).toBe(201);
    expect((await cw.patch(`/api/referrals/${suggested.body.id}`, { status: 'referred' })).status).toBe(409);
    const forced = await cw.patch(`/api/referrals/${suggested.body.id}`, {
      status: 'referred',
      overrideCapacity: true,
    });
    expect(forced.status).toBe(200);
    expect(forced.body.capacityOverride).toBe(true);
    expect((await cw.get(`/api/offers/${o.id}`)).body.freePlaces).toBe(0);

    const other = await newClient();
    const override = await cw.post(`/api/clients/${other.id}/referrals`, {
      offerId: o.id,
      overrideCapacity: true,
    });
    expect(override.status).toBe(201);
    expect(override.body.capacityOverride).toBe(true);
  });

  it('answers 400 for an unknown status, a drop without reason or an unknown offer, and changes nothing', async () => {
    const p = await newPartner();
    const o = await newOffer(p.id);
    const client = await newClient();
    const r = (await cw.post(`/api/clients/${client.id}/referrals`, { offerId: o.id })).body;
    const unknown = await cw.patch(`/api/referrals/${r.id}`, { status: 'teleported' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('status');
    const noReason = await cw.patch(`/api/referrals/${r.id}`, { status: 'dropped' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues[0].path).toBe('reason');
    const future = await cw.patch(`/api/referrals/${r.id}`, { status: 'started', date: '2031-01-01' });
    expect(future.status).toBe(400);
    expect((await cw.get(`/api/clients/${client.id}/referrals`)).body.items[0].status).toBe('referred');
    const missing = await cw.post(`/api/clients/${client.id}/referrals`, {
      offerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.status).toBe(400);
    const dropped = await cw.patch(`/api/referrals/${r.id}`, {
      status: 'dropped',
      reason: 'Kein Interesse mehr',
    });
    expect(dropped.status).toBe(200);
    expect(dropped.body).toMatchObject({
      status: 'dropped',
      reason: 'Kein Interesse mehr',
      endedOn: '2026-03-02',
    });
  });

  it('refuses a second open referral to the same offer and hides the offer from suggestions', async () => {
    const p = await newPartner();
    const o = await newOffer(p.id, { dimensions: ['finances'] });
    const client = await newClient();
    await assess(client.id, ['finances']);
    expect((await cw.post(`/api/clients/${client.id}/referrals`, { offerId: o.id })).status).toBe(201);
    expect((await cw.post(`/api/clients/${client.id}/referrals`, { offerId: o.id })).status).toBe(409);
    const sug = await cw.get(`/api/clients/${client.id}/offer-suggestions?limit=50`);
    expect(sug.body.items.map((s: { offer: { id: string } }) => s.offer.id)).not.toContain(o.id);
  });

  it('answers 404 to another agency for the client’s referrals', async () => {
    const p = await newPartner();
    const o = await newOffer(p.id);
    const client = await newClient();
    const r = (await cw.post(`/api/clients/${client.id}/referrals`, { offerId: o.id })).body;
    expect((await mk.get(`/api/clients/${client.id}/referrals`)).status).toBe(404);
    expect((await mk.patch(`/api/referrals/${r.id}`, { status: 'started' })).status).toBe(404);
    expect((await cw.get(`/api/clients/${client.id}/referrals`)).body.items[0].status).toBe('referred');
  });
});

describe('needs vs offers', () => {
  it('[trust #14] counts clients with need per district and dimension, hides small counts neutrally and shows supply', async () => {
    const p = await newPartner();
    await newOffer(p.id, {
      title: 'Schuldnerberatung Sprockhövel',
      dimensions: ['finances'],
      district: 'sprockhoevel',
      capacity: 10,
      freePlaces: 3,
    });
    for (let i = 0; i < 6; i++) {
      const c = await newClient(cw, { district: 'Sprockhövel' });
      await assess(c.id, ['finances']);
    }
    for (let i = 0; i < 2; i++) {
      const c = await newClient(cw, { district: 'Breckerfeld' });
      await assess(c.id, ['finances']);
    }
    // With one hidden cell in the column, secondary suppression hides the next smallest (Gevelsberg).
    for (let i = 0; i < 5; i++) {
      const c = await newClient(cw, { district: 'Gevelsberg' });
      await assess(c.id, ['finances']);
    }
    const res = await ko.get('/api/planning/needs-vs-offers?dimension=finances');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.threshold).toBe(5);
    const cell = (d: string) => res.body.cells.find((c: { district: string }) => c.district === d);
    expect(cell('sprockhoevel')).toMatchObject({
      clientsWithNeed: 6,
      offers: 1,
      freePlaces: 3,
      gap: 'tight',
    });
    expect(cell('breckerfeld')).toMatchObject({ clientsWithNeed: { suppressed: true }, gap: null });
    // [trust #14] Gevelsberg holds 5 (not "<5"): the hidden cell carries no value and no range.
    expect(cell('gevelsberg')).toMatchObject({ clientsWithNeed: { suppressed: true }, gap: null });
    expect(JSON.stringify(res.body)).not.toMatch(/"<\s*\d/);
    expect(cell('hemer')).toMatchObject({ clientsWithNeed: 0, offers: 0, gap: 'none' });
    // Secondary suppression: the dimension total must not reveal the hidden cell.
    expect(JSON.stringify(res.body)).not.toContain('"clientsWithNeed":2');

    const one = await ko.get('/api/planning/needs-vs-offers?district=sprockhoevel&dimension=finances');
    expect(one.body.cells).toHaveLength(1);
    expect((await cw.get('/api/planning/needs-vs-offers')).status).toBe(403);
    expect((await lead.get('/api/planning/needs-vs-offers')).status).toBe(200);
    expect((await ko.get('/api/planning/needs-vs-offers?district=No%20where')).status).toBe(400);

    // An agency that raises its small-cell threshold gets stricter suppression here too.
    const admin = t.client();
    await admin.login(DEMO.admin);
    expect((await admin.patch('/api/agency/settings', { suppressionThreshold: 7 })).status).toBe(200);
    const strict = await ko.get('/api/planning/needs-vs-offers?dimension=finances');
    expect(strict.body.threshold).toBe(7);
    expect(
      strict.body.cells.find((c: { district: string }) => c.district === 'sprockhoevel').clientsWithNeed,
    ).toEqual({ suppressed: true });
    await admin.patch('/api/agency/settings', { suppressionThreshold: 5 });
  });
});

describe('events', () => {
  const event = (extra: Record<string, unknown> = {}) => ({
    title: 'Runder Tisch Teilhabe, Witten; Frühjahr',
    kind: 'round_table',
    startsAt: '2026-04-14T08:00:00Z',
    endsAt: '2026-04-14T10:30:00Z',
    place: 'Rathaus Witten, Raum 2.14',
    description: `Tagesordnung:\n1. Berichte; Austausch, Planung\n2. ${'Sehr lange Beschreibung mit Umlauten äöü – '.repeat(6)}`,
    capacity: 1,
    ...extra,
  });

  it('creates events with consecutive codes and rejects a duplicate code', async () => {
    const a = await ko.post('/api/events', event());
    const b = await ko.post(
      '/api/events',
      event({ title: 'Arbeitskreis Gesundheit', kind: 'working_group', capacity: null }),
    );
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.code).toMatch(/^V 26\/\d{3}$/);
    expect(Number(b.body.code.slice(5))).toBe(Number(a.body.code.slice(5)) + 1);
    const dup = await ko.post('/api/events', event({ code: a.body.code }));
    expect(dup.status).toBe(409);
    const bad = await ko.post('/api/events', event({ endsAt: '2026-04-14T07:00:00Z', kind: 'party' }));
    expect(bad.status).toBe(400);
    expect((await cw.post('/api/events', event())).status).toBe(403);
  });

  it('registers staff of any agency and puts them on the waiting list beyond the capacity', async () => {
    const e = (await ko.post('/api/events', event({ capacity: 1 }))).body;
    const first = await cw.post(`/api/events/${e.id}/registrations`, {});
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ eventId: e.id, status: 'registered', waitlistPosition: null });
    const second = await mk.post(`/api/events/${e.id}/registrations`);
    expect(second.status).toBe(201);
    expect(second.body).toEqual({ eventId: e.id, status: 'waitlisted', waitlistPosition: 1 });
    expect((await cw.post(`/api/events/${e.id}/registrations`, {})).status).toBe(409);
    const seen = await mk.get(`/api/events/${e.id}`);
    expect(seen.body).toMatchObject({
      registered: 1,
      waitlisted: 1,
      myRegistration: 'waitlisted',
      own: false,
    });
    expect((await cw.post(`/api/events/00000000-0000-4000-8000-000000000000/registrations`, {})).status).toBe(
      404,
    );
  });

  it('exports the feed and single events as iCalendar that a real parser reads back', async () => {
    const e = (await ko.post('/api/events', event({ onlineUrl: 'https://konferenz.example/raum?id=1' })))
      .body;
    const feed = await cw.get('/api/events.ics');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = feed.body as string;
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    const cal = new ICAL.Component(ICAL.parse(text));
    const vevents = cal.getAllSubcomponents('vevent');
    expect(vevents.length).toBeGreaterThanOrEqual(1);
    const mine = vevents.map((v) => new ICAL.Event(v)).find((v) => v.summary.startsWith(e.code));
    expect(mine).toBeDefined();
    expect(mine?.summary).toBe(`${e.code} Runder Tisch Teilhabe, Witten; Frühjahr`);
    expect(mine?.location).toBe('Rathaus Witten, Raum 2.14');
    expect(mine?.description).toContain(
      '1. Berichte; Austausch, Planung\n2. Sehr lange Beschreibung mit Umlauten äöü',
    );
    expect(mine?.startDate.toJSDate().toISOString()).toBe('2026-04-14T08:00:00.000Z');
    expect(mine?.endDate.toJSDate().toISOString()).toBe('2026-04-14T10:30:00.000Z');

    const single = await cw.get(`/api/events/${e.id}.ics`);
    expect(single.status).toBe(200);
    expect(single.headers.get('content-disposition')).toContain(
      `${e.code.replace(/[^A-Za-z0-9]+/g, '-')}.ics`,
    );
    const one = new ICAL.Component(ICAL.parse(single.body as string)).getAllSubcomponents('vevent');
    expect(one).toHaveLength(1);
    expect(new ICAL.Event(one[0]).uid).toContain(e.id);
    expect((await cw.get('/api/events/00000000-0000-4000-8000-000000000000.ics')).status).toBe(404);
  });

  it('lists events by date range and kind', async () => {
    await ko.post(
      '/api/events',
      event({
        title: 'Fachtag Teilhabe',
        kind: 'conference',
        startsAt: '2026-09-10T07:00:00Z',
        endsAt: '2026-09-10T15:00:00Z',
      }),
    );
    const res = await cw.get('/api/events?from=2026-09-01&to=2026-09-30');
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { title: string }) => e.title)).toContain('Fachtag Teilhabe');
    expect(res.body.items.every((e: { startsAt: string }) => e.startsAt.startsWith('2026-09'))).toBe(true);
    expect(
      (await cw.get('/api/events?kind=conference')).body.items.every(
        (e: { kind: string }) => e.kind === 'conference',
      ),
    ).toBe(true);
  });
});

describe('publications', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  it('uploads a file, lists it by tag and text, and serves the same bytes to any agency', async () => {
    const res = await ko.post('/api/publications', {
      title: 'Gute Praxis: Lotsen im Quartier',
      kind: 'good_practice',
      summary: 'Wie ein Jobcenter Lotsinnen im Sozialraum einsetzt.',
      tags: ['Quartier', 'Lotsen'],
      publishedOn: '2025-11-20',
      file: { name: 'Lotsen im Quartier.pdf', contentType: 'application/pdf', data: pdf.toString('base64') },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.file).toEqual({
      name: 'Lotsen im Quartier.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
    });
    const byTag = await cw.get('/api/publications?tag=quartier');
    expect(byTag.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);
    const byText = await cw.get('/api/publications?query=sozialraum');
    expect(byText.body.items.map((p: { id: string }) => p.id)).toContain(res.body.id);

    const download = await fetch(`${t.baseUrl}/api/publications/${res.body.id}/file`, {
      headers: { cookie: [...mk.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Lotsen%20im%20Quartier.pdf",
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it('rejects a file whose content does not match its type, a disallowed type and bad base64, writing nothing', async () => {
    const before = await count('SELECT count(*)::int AS n FROM publications');
    const base = { title: 'X', kind: 'material' };
    const fake = await ko.post('/api/publications', {
      ...base,
      file: { name: 'x.pdf', contentType: 'application/pdf', data: Buffer.from('<html>').toString('base64') },
    });
    expect(fake.status).toBe(400);
    expect(fake.body.error.issues[0].path).toBe('file.contentType');
    const exe = await ko.post('/api/publications', {
      ...base,
      file: { name: 'x.exe', contentType: 'application/x-msdownload', data: 'TVo=' },
    });
    expect(exe.status).toBe(400);
    const garbage = await ko.post('/api/publications', {
      ...base,
      file: { name: 'x.pdf', contentType: 'application/pdf', data: '***' },
    });
    expect(garbage.status).toBe(400);
    const empty = await ko.post('/api/publications', {
      ...base,
      file: { name: 'x.txt', contentType: 'text/plain', data: '' },
    });
    expect(empty.status).toBe(400);
    expect(await count('SELECT count(*)::int AS n FROM publications')).toBe(before);
    expect((await cw.post('/api/publications', base)).status).toBe(403);
  });

  it('answers 404 for the file of a publication without one', async () => {
    const res = await ko.post('/api/publications', { title: 'Nur ein Hinweis', kind: 'guide' });
    expect(res.status).toBe(201);
    expect((await cw.get(`/api/publications/${res.body.id}/file`)).status).toBe(404);
  });
});
