import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

// The test clock starts on 2026-03-02.
let t: TestApp;
let cw: TestClient;
let cw2: TestClient;
let lead: TestClient;
let coordinator: TestClient;
let researcher: TestClient;
let mk: TestClient;
let drv: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  const signedIn = await Promise.all(
    [
      DEMO.caseworker,
      DEMO.caseworker2,
      DEMO.lead,
      DEMO.coordinator,
      DEMO.researcher,
      DEMO.caseworkerMk,
      DEMO.caseworkerDrv,
    ].map(async (email) => {
      const c = t.client();
      await c.login(email);
      return c;
    }),
  );
  [cw, cw2, lead, coordinator, researcher, mk, drv] = signedIn as [
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
  ];
});
afterAll(() => t.close());

/** Lets time pass; sessions expire meanwhile, so everyone signs in again. */
async function later(days: number) {
  t.clock.advance(days * 86_400_000);
  const emails = [
    DEMO.caseworker,
    DEMO.caseworker2,
    DEMO.lead,
    DEMO.coordinator,
    DEMO.researcher,
    DEMO.caseworkerMk,
    DEMO.caseworkerDrv,
  ];
  await Promise.all(
    [cw, cw2, lead, coordinator, researcher, mk, drv].map((c, i) => c.login(emails[i] as string)),
  );
}

const count = async (table: string) =>
  (await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? 0;
const auditOf = async (clientId: string) =>
  (
    await t.ctx.db.query<{ action: string; agency_id: string; details: Record<string, unknown> }>(
      'SELECT action, agency_id, details FROM audit_log WHERE client_id = $1 ORDER BY id',
      [clientId],
    )
  ).rows;
const agencyId = async (name: string) =>
  (await t.ctx.db.query<{ id: string }>('SELECT id FROM agencies WHERE name = $1', [name])).rows[0]
    ?.id as string;

async function newClient(c: TestClient = cw, extra: Record<string, unknown> = {}) {
  const res = await c.post('/api/clients', {
    firstName: 'Erika',
    lastName: `Mustermann-${randomUUID().slice(0, 8)}`,
    birthDate: '1968-04-12',
    district: 'Witten',
    // Test clients look alike on purpose (same first name and birth date).
    allowDuplicate: true,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; clientNumber: string; lastName: string; cases: { id: string }[] };
}

describe('clients', () => {
  it('creates a client with an open case led by the creating guide and audits the creation', async () => {
    const res = await cw.post('/api/clients', {
      firstName: 'Jürgen',
      lastName: 'Schäfer',
      birthDate: '1961-09-30',
      gender: 'male',
      legalContext: 'sgb2',
      household: 'single',
      interpreterNeeded: false,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ firstName: 'Jürgen', lastName: 'Schäfer', birthDate: '1961-09-30' });
    expect(res.body.clientNumber).toMatch(/^K-\d{6}$/);
    expect(res.body.cases).toHaveLength(1);
    expect(res.body.cases[0]).toMatchObject({ status: 'open', openedOn: '2026-03-02' });
    expect(res.body.cases[0].guide.displayName).toBe('Jonas Lotse');
    expect((await auditOf(res.body.id)).map((a) => a.action)).toEqual(['clients.create']);
  });

  it('finds clients by name despite typos and accents, by client number and by birth date', async () => {
    const c = await cw.post('/api/clients', {
      firstName: 'Małgorzata',
      lastName: 'Kowalczyk',
      birthDate: '1975-01-31',
    });
    const ids = async (query: string) =>
      (await cw.get(`/api/clients?query=${encodeURIComponent(query)}`)).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await ids('Kowalczyk')).toContain(c.body.id);
    expect(await ids('kowalcik')).toContain(c.body.id);
    expect(await ids('Malgorzata')).toContain(c.body.id);
    expect(await ids(c.body.clientNumber)).toContain(c.body.id);
    expect(await ids('31.01.1975')).toContain(c.body.id);
    expect(await ids('Kowalczyk 1975-01-31')).toContain(c.body.id);
    expect(await ids('Kowalczyk 1975-02-01')).not.toContain(c.body.id);
    expect(await ids('Zzyzx')).toEqual([]);
  });

  it('pages lists with page and pageSize and reports the total', async () => {
    for (let i = 0; i < 3; i++) await newClient(cw2);
    const page1 = await cw.get('/api/clients?pageSize=2&page=1');
    const page2 = await cw.get('/api/clients?pageSize=2&page=2');
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.total).toBeGreaterThanOrEqual(5);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    expect((await cw.get('/api/clients?pageSize=201')).status).toBe(400);
    const mine = await cw2.get('/api/clients?scope=mine&pageSize=200');
    expect(
      mine.body.items.every((i: { guide: { displayName: string } }) => i.guide.displayName === 'Aylin Demir'),
    ).toBe(true);
  });

  it('flags a duplicate (same name and birth date) with 409 unless confirmed', async () => {
    const first = await newClient();
    const again = { firstName: 'erika', lastName: first.lastName.toUpperCase(), birthDate: '1968-04-12' };
    const dup = await cw.post('/api/clients', again);
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('conflict');
    expect(dup.body.error.issues[0].message).toContain(first.clientNumber);
    expect((await cw.post('/api/clients', { ...again, allowDuplicate: true })).status).toBe(201);
  });

  it('answers 409 with similar-named candidates of the same birth date (trigram or Kölner Phonetik) before creating', async () => {
    const existing = await newClient(cw, {
      firstName: 'Katharina',
      lastName: 'Brinkmann',
      birthDate: '1979-03-15',
    });
    const before = await count('clients');
    const similar = {
      firstName: 'Katarina',
      lastName: 'Brinkman',
      birthDate: '1979-03-15',
      district: 'Witten',
    };
    const res = await cw.post('/api/clients', similar);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toBe('Es gibt Personen mit ähnlichem Namen und demselben Geburtsdatum.');
    expect(res.body.error.candidates).toEqual([
      expect.objectContaining({
        id: existing.id,
        clientNumber: existing.clientNumber,
        firstName: 'Katharina',
        lastName: 'Brinkmann',
        birthDate: '1979-03-15',
        district: 'Witten',
        caseStatus: 'open',
        guide: expect.objectContaining({ displayName: expect.any(String) }),
        shared: false,
        match: 'similar',
      }),
    ]);
    // The earlier issue shape stays for existing callers.
    expect(res.body.error.issues[0]).toEqual({
      path: 'duplicateOf',
      message: `${existing.id} ${existing.clientNumber}`,
    });
    expect(await count('clients')).toBe(before);
    // Shown candidates are audited (ids, no names) although nothing was created.
    const shown = await t.ctx.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'clients.duplicates' ORDER BY id DESC LIMIT 1`,
    );
    expect(shown.rows[0]?.details).toMatchObject({
      clientIds: [existing.id],
      count: 1,
      exact: 0,
      during: 'create',
    });
    expect(JSON.stringify(shown.rows[0]?.details)).not.toContain('Brink');
    // In English, with the same code.
    const en = await cw.request('POST', '/api/clients', similar, { 'accept-language': 'en' });
    expect(en.body.error.message).toBe('There are people with a similar name and the same date of birth.');
    // Confirmed, it is created.
    const confirmed = await cw.post('/api/clients', { ...similar, allowDuplicate: true });
    expect(confirmed.status).toBe(201);
    expect(
      (await auditOf(confirmed.body.id)).find((a) => a.action === 'clients.create')?.details,
    ).toMatchObject({
      duplicateConfirmed: true,
    });
  });

  it('finds names that only sound alike, and swapped first and last names; not siblings or other birth dates', async () => {
    const meier = await newClient(cw, { firstName: 'Hans', lastName: 'Meier', birthDate: '1982-11-23' });
    const mayr = await cw.post('/api/clients', {
      firstName: 'Hanns',
      lastName: 'Mayr',
      birthDate: '1982-11-23',
    });
    expect(mayr.status).toBe(409);
    expect(mayr.body.error.candidates.map((c: { id: string }) => c.id)).toEqual([meier.id]);
    const swapped = await cw.post('/api/clients', {
      firstName: 'Meier',
      lastName: 'Hans',
      birthDate: '1982-11-23',
    });
    expect(swapped.status).toBe(409);
    const exact = await cw.post('/api/clients', {
      firstName: 'HANS',
      lastName: 'meier',
      birthDate: '1982-11-23',
    });
    expect(exact.status).toBe(409);
    expect(exact.body.error.candidates[0].match).toBe('exact');
    expect(exact.body.error.message).toBe('Es gibt bereits eine Person mit diesem Namen und Geburtsdatum.');
    const sibling = await cw.post('/api/clients', {
      firstName: 'Peter',
      lastName: 'Meier',
      birthDate: '1982-11-23',
    });
    expect(sibling.status).toBe(201);
    const otherDay = await cw.post('/api/clients', {
      firstName: 'Hans',
      lastName: 'Meier',
      birthDate: '1982-11-24',
    });
    expect(otherDay.status).toBe(201);
  });

  it('never shows another agency’s clients as candidates (not even that they exist)', async () => {
    await newClient(mk, { firstName: 'Wilma', lastName: 'Quandt', birthDate: '1990-06-07' });
    const here = await cw.post('/api/clients', {
      firstName: 'Wilma',
      lastName: 'Quandt',
      birthDate: '1990-06-07',
    });
    expect(here.status).toBe(201);
  });

  it('audits every read of a client with the client id, without personal content', async () => {
    const c = await newClient();
    await cw.get(`/api/clients/${c.id}`);
    await coordinator.get(`/api/clients/${c.id}`);
    const reads = (await auditOf(c.id)).filter((a) => a.action === 'clients.read');
    expect(reads).toHaveLength(2);
    expect(JSON.stringify(await auditOf(c.id))).not.toContain(c.lastName);
    const viaApi = await lead.get(`/api/audit?clientId=${c.id}`);
    expect(viaApi.body.items.map((i: { action: string }) => i.action)).toContain('clients.read');
  });

  it('updates master data and records which fields changed', async () => {
    const c = await newClient();
    const res = await cw.patch(`/api/clients/${c.id}`, {
      district: 'Hattingen',
      preferredLanguage: 'Türkisch',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ district: 'Hattingen', preferredLanguage: 'Türkisch' });
    const update = (await auditOf(c.id)).find((a) => a.action === 'clients.update');
    expect(update?.details.fields).toEqual(expect.arrayContaining(['district', 'preferredLanguage']));
  });
});

describe('tenant boundary and roles', () => {
  it('answers 404 to a caseworker of another agency, exactly like a missing client, and changes nothing', async () => {
    const c = await newClient();
    const missing = await mk.get(`/api/clients/${randomUUID()}`);
    const foreign = await mk.get(`/api/clients/${c.id}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await mk.patch(`/api/clients/${c.id}`, { district: 'Iserlohn' })).status).toBe(404);
    expect((await mk.get(`/api/clients/${c.id}/contacts`)).status).toBe(404);
    expect(
      (await mk.post(`/api/clients/${c.id}/contacts`, { type: 'phone', date: '2026-03-01' })).status,
    ).toBe(404);
    expect(
      (await mk.post(`/api/clients/${c.id}/close`, { outcome: 'other', date: '2026-03-01' })).status,
    ).toBe(404);
    expect((await mk.get(`/api/clients/${c.id}/export`)).status).toBe(404);
    const list = await mk.get(`/api/clients?query=${c.lastName}`);
    expect(list.body.total).toBe(0);
    expect((await cw.get(`/api/clients/${c.id}`)).body.district).toBe('Witten');
  });

  it('hides contact notes and health data from coordinators, and client data from researchers and admins', async () => {
    const c = await newClient();
    await cw.post(`/api/clients/${c.id}/consents`, {
      purpose: 'processing_health_data',
      form: 'written',
      date: '2026-03-01',
    });
    await cw.patch(`/api/clients/${c.id}`, { severeDisability: true });
    await cw.post(`/api/clients/${c.id}/contacts`, {
      type: 'meeting',
      date: '2026-03-02',
      note: 'GEHEIM-123',
    });
    const asCoordinator = await coordinator.get(`/api/clients/${c.id}/contacts`);
    expect(asCoordinator.status).toBe(200);
    expect(asCoordinator.body.items[0]).toMatchObject({ type: 'meeting', note: null, noteHidden: true });
    expect(JSON.stringify(asCoordinator.body)).not.toContain('GEHEIM-123');
    const client = await coordinator.get(`/api/clients/${c.id}`);
    expect(client.body).not.toHaveProperty('severeDisability');
    expect((await cw.get(`/api/clients/${c.id}`)).body.severeDisability).toBe(true);
    expect((await coordinator.get(`/api/clients/${c.id}/goals`)).status).toBe(403);
    expect((await coordinator.get(`/api/clients/${c.id}/export`)).status).toBe(403);
    expect((await researcher.get(`/api/clients/${c.id}/contacts`)).status).toBe(403);
    expect((await researcher.get('/api/clients')).status).toBe(403);
    const admin = t.client();
    await admin.login(DEMO.admin);
    expect((await admin.get(`/api/clients/${c.id}`)).status).toBe(403);
    expect((await cw.get(`/api/clients/${c.id}/contacts`)).body.items[0].note).toBe('GEHEIM-123');
  });
});

describe('bad input gets 400 with a message and writes nothing', () => {
  it.each([
    ['unknown outcome', 'close', { outcome: 'moon_landing', date: '2026-03-01' }],
    ['closure date far in the future', 'close', { outcome: 'employment', date: '2031-01-01' }],
    ['goal without dimension', 'goals', { title: 'Sportverein', targetDate: '2026-09-01' }],
    [
      'goal with an unknown dimension',
      'goals',
      { title: 'Sportverein', dimension: 'astrology', targetDate: '2026-09-01' },
    ],
    ['goal due in 2090', 'goals', { title: 'Sportverein', dimension: 'health', targetDate: '2090-01-01' }],
    ['contact far in the future', 'contacts', { type: 'phone', date: '2029-05-01' }],
    ['contact of an unknown type', 'contacts', { type: 'telepathy', date: '2026-03-01' }],
    [
      'contact with a negative duration',
      'contacts',
      { type: 'phone', date: '2026-03-01', durationMinutes: -5 },
    ],
    [
      'consent for an unknown purpose',
      'consents',
      { purpose: 'marketing', form: 'written', date: '2026-03-01' },
    ],
    [
      'sharing consent without partner',
      'consents',
      { purpose: 'sharing', form: 'written', date: '2026-03-01' },
    ],
    [
      'consent with an impossible date',
      'consents',
      { purpose: 'research', form: 'oral', date: '2026-02-30' },
    ],
    ['unknown field', 'contacts', { type: 'phone', date: '2026-03-01', mood: 'good' }],
  ])('%s', async (_name, path, body) => {
    const c = await newClient();
    const before = await Promise.all(['goals', 'contacts', 'consents', 'case_events'].map(count));
    const res = await cw.post(`/api/clients/${c.id}/${path}`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toBeTruthy();
    expect(await Promise.all(['goals', 'contacts', 'consents', 'case_events'].map(count))).toEqual(before);
    expect((await cw.get(`/api/clients/${c.id}`)).body.cases[0].status).toBe('open');
  });

  it('rejects a birth date in the future and a missing name, creating no client', async () => {
    const before = await count('clients');
    expect(
      (await cw.post('/api/clients', { firstName: 'A', lastName: 'B', birthDate: '2030-01-01' })).status,
    ).toBe(400);
    expect(
      (await cw.post('/api/clients', { firstName: '', lastName: 'B', birthDate: '1970-01-01' })).status,
    ).toBe(400);
    expect(
      (await cw.post('/api/clients', { firstName: 'A', lastName: 'B', birthDate: '1870-01-01' })).status,
    ).toBe(400);
    expect(await count('clients')).toBe(before);
  });

  it('accepts health flags only while a consent to process health data is active', async () => {
    const c = await newClient();
    const refused = await cw.patch(`/api/clients/${c.id}`, { reducedEarningCapacity: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0].path).toBe('reducedEarningCapacity');
    const consent = await cw.post(`/api/clients/${c.id}/consents`, {
      purpose: 'processing_health_data',
      form: 'oral',
      date: '2026-03-02',
    });
    expect((await cw.patch(`/api/clients/${c.id}`, { reducedEarningCapacity: true })).status).toBe(200);
    // Withdrawal takes effect at once: the recorded health data is erased.
    const withdrawn = await cw.post(`/api/consents/${consent.body.id}/withdraw`, {});
    expect(withdrawn.body).toMatchObject({ active: false });
    expect((await cw.get(`/api/clients/${c.id}`)).body.reducedEarningCapacity).toBeNull();
    expect((await cw.post(`/api/consents/${consent.body.id}/withdraw`, {})).status).toBe(409);
  });
});

describe('cases', () => {
  it('closes with an outcome, re-opens as a new case and keeps the history', async () => {
    const c = await newClient();
    const closed = await cw.post(`/api/clients/${c.id}/close`, {
      outcome: 'employment',
      date: '2026-03-02',
      reason: 'Arbeitsvertrag unterschrieben',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.cases[0]).toMatchObject({
      status: 'closed',
      outcome: 'employment',
      closedOn: '2026-03-02',
    });
    expect(
      (await cw.post(`/api/clients/${c.id}/close`, { outcome: 'other', date: '2026-03-02' })).status,
    ).toBe(409);
    await later(40);
    const reopened = await cw.post(`/api/clients/${c.id}/reopen`, {
      date: '2026-04-10',
      reason: 'Probezeit beendet',
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.cases.map((k: { status: string }) => k.status)).toEqual(['open', 'closed']);
    expect(reopened.body.cases[1].events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'closed']);
    expect(reopened.body.cases[0].events[0]).toMatchObject({ kind: 'reopened', reason: 'Probezeit beendet' });
    const audit = (await auditOf(c.id)).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['cases.close', 'cases.reopen']));
  });

  it('hands a case over to another guide with a reason and deputies', async () => {
    const c = await newClient();
    const guides = (await cw.get('/api/guides')).body.items as { id: string; displayName: string }[];
    const aylin = guides.find((g) => g.displayName === 'Aylin Demir') as { id: string };
    const jonas = guides.find((g) => g.displayName === 'Jonas Lotse') as { id: string };
    expect((await cw.post(`/api/clients/${c.id}/handover`, { guideUserId: aylin.id })).status).toBe(400);
    const res = await cw.post(`/api/clients/${c.id}/handover`, {
      guideUserId: aylin.id,
      deputyUserIds: [jonas.id],
      reason: 'Zuständigkeit nach Wohnort',
    });
    expect(res.status).toBe(200);
    expect(res.body.cases[0].guide.displayName).toBe('Aylin Demir');
    expect(res.body.cases[0].deputies.map((d: { displayName: string }) => d.displayName)).toEqual([
      'Jonas Lotse',
    ]);
    const handover = res.body.cases[0].events.find((e: { kind: string }) => e.kind === 'handover');
    expect(handover).toMatchObject({
      from: { displayName: 'Jonas Lotse' },
      to: { displayName: 'Aylin Demir' },
    });
    // The deputy still has the client in "mine".
    const mine = await cw.get(`/api/clients?scope=mine&query=${c.lastName}`);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
  });
});

describe('sharing with a partner agency', () => {
  it('works only with a sharing consent for that agency and stops at once when it is withdrawn', async () => {
    const drvId = await agencyId('DRV Westfalen (Demo)');
    const mkId = await agencyId('Jobcenter Maerkischer Kreis (Demo)');
    const c = await newClient();
    const without = await cw.post(`/api/clients/${c.id}/share`, { partnerAgencyId: drvId });
    expect(without.status).toBe(400);
    expect(await count('case_shares')).toBe(0);
    const wrongPartner = await cw.post(`/api/clients/${c.id}/consents`, {
      purpose: 'sharing',
      partnerAgencyId: mkId,
      form: 'written',
      date: '2026-03-02',
    });
    expect(wrongPartner.status).toBe(201);
    expect((await cw.post(`/api/clients/${c.id}/share`, { partnerAgencyId: drvId })).status).toBe(400);
    expect((await drv.get(`/api/clients/${c.id}`)).status).toBe(404);

    const consent = await cw.post(`/api/clients/${c.id}/consents`, {
      purpose: 'sharing',
      partnerAgencyId: drvId,
      form: 'written',
      date: '2026-03-02',
    });
    expect(consent.body.partnerAgency.name).toBe('DRV Westfalen (Demo)');
    const shared = await cw.post(`/api/clients/${c.id}/share`, { partnerAgencyId: drvId });
    expect(shared.status).toBe(200);
    expect(shared.body.cases[0].sharedWith[0].agency.name).toBe('DRV Westfalen (Demo)');

    // The partner's guide sees and works on the case; the access lands in the partner's audit chain.
    const seen = await drv.get(`/api/clients/${c.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ owned: false, lastName: c.lastName });
    expect((await drv.get(`/api/clients?query=${c.lastName}`)).body.items[0]).toMatchObject({ shared: true });
    expect(
      (
        await drv.post(`/api/clients/${c.id}/contacts`, {
          type: 'meeting',
          date: '2026-03-02',
          note: 'Reha-Beratung',
        })
      ).status,
    ).toBe(201);
    expect((await cw.get(`/api/clients/${c.id}/contacts`)).body.items[0].author.displayName).toBe(
      'Thomas Reha-Lotse',
    );
    expect(
      (await drv.post(`/api/clients/${c.id}/close`, { outcome: 'other', date: '2026-03-02' })).status,
    ).toBe(403);
    expect((await auditOf(c.id)).some((a) => a.action === 'clients.read' && a.agency_id === drvId)).toBe(
      true,
    );
    // Another agency without a sharing still sees nothing.
    expect((await mk.get(`/api/clients/${c.id}`)).status).toBe(404);

    expect((await cw.post(`/api/consents/${consent.body.id}/withdraw`, {})).status).toBe(200);
    expect((await drv.get(`/api/clients/${c.id}`)).status).toBe(404);
    expect((await drv.get(`/api/clients/${c.id}/contacts`)).status).toBe(404);
    expect((await drv.get(`/api/clients?query=${c.lastName}`)).body.total).toBe(0);
    const after = await cw.get(`/api/clients/${c.id}`);
    expect(after.body.cases[0].sharedWith).toEqual([]);
    expect(after.body.cases[0].events.map((e: { kind: string }) => e.kind)).toContain('sharing_ended');
    // Sharing again needs a new consent.
    expect((await cw.post(`/api/clients/${c.id}/share`, { partnerAgencyId: drvId })).status).toBe(400);
  });
});

describe('goals, contacts, caseload and export', () => {
  it('agrees a goal on a participation dimension, reviews it and keeps the status', async () => {
    const c = await newClient();
    const goal = await cw.post(`/api/clients/${c.id}/goals`, {
      title: 'Zweimal pro Woche zum Sportverein',
      dimension: 'health',
      targetDate: '2026-06-30',
      steps: ['Vereine in Witten heraussuchen', 'Probetraining vereinbaren'],
    });
    expect(goal.status).toBe(201);
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(goal.body).toMatchObject({ status: 'open', agreedOn: today, steps: expect.any(Array) });
    const reviewed = await cw.patch(`/api/goals/${goal.body.id}`, {
      status: 'partly_achieved',
      review: 'Einmal pro Woche klappt.',
    });
    expect(reviewed.body).toMatchObject({ status: 'partly_achieved', reviewedOn: today });
    expect((await cw.patch(`/api/goals/${goal.body.id}`, { status: 'finished' })).status).toBe(400);
    expect((await mk.patch(`/api/goals/${goal.body.id}`, { status: 'dropped' })).status).toBe(404);
    const list = await cw.get(`/api/clients/${c.id}/goals`);
    expect(list.body.items).toHaveLength(1);
  });

  it('shows goals near their date and clients without contact in the caseload, the team for a lead', async () => {
    const c = await newClient(cw2);
    // Due in a week from the test clock (earlier tests move it on); a goal cannot be due before it is agreed.
    const inAWeek = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    await cw2.post(`/api/clients/${c.id}/goals`, {
      title: 'Bewerbung schreiben',
      dimension: 'health',
      targetDate: inAWeek,
    });
    const mine = await cw2.get('/api/caseload');
    expect(mine.status).toBe(200);
    expect(mine.body.scope).toBe('mine');
    expect(mine.body.goalsDue.map((g: { client: { id: string } }) => g.client.id)).toContain(c.id);
    expect(
      (await cw.get('/api/caseload')).body.goalsDue.map((g: { client: { id: string } }) => g.client.id),
    ).not.toContain(c.id);
    const team = await lead.get('/api/caseload');
    expect(team.body.scope).toBe('team');
    expect(team.body.goalsDue.map((g: { client: { id: string } }) => g.client.id)).toContain(c.id);
    // Two months later without a contact the client shows up; a contact clears it.
    await later(60);
    const silent = await cw2.get('/api/caseload?weeks=6');
    expect(silent.body.withoutContact.map((w: { client: { id: string } }) => w.client.id)).toContain(c.id);
    const today = t.clock.now().toISOString().slice(0, 10);
    await cw2.post(`/api/clients/${c.id}/contacts`, { type: 'phone', date: today, durationMinutes: 15 });
    const after = await cw2.get('/api/caseload?weeks=6');
    expect(after.body.withoutContact.map((w: { client: { id: string } }) => w.client.id)).not.toContain(c.id);
  });

  it('lists a client whose follow-up assessment is due (six months after the last completed one)', async () => {
    const c = await newClient(cw2);
    const today = t.clock.now().toISOString().slice(0, 10);
    const sevenMonthsAgo = new Date(t.clock.now().getTime() - 212 * 86_400_000).toISOString().slice(0, 10);
    // An assessment as the assessments feature stores it (scores are not needed for the due date).
    await t.ctx.db.query(
      `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on,
                                status, created_at, updated_at, completed_at)
       SELECT c.agency_id, c.id, i.id, 'intake', 'professional', 'together', $2, 'completed', now(), now(), now()
         FROM clients c, instruments i WHERE c.id = $1 AND i.status = 'published' LIMIT 1`,
      [c.id, sevenMonthsAgo],
    );
    const due = (await cw2.get('/api/caseload')).body.followUpsDue;
    const entry = due.find((d: { client: { id: string } }) => d.client.id === c.id);
    expect(entry).toMatchObject({ lastAssessment: sevenMonthsAgo });
    expect(entry.dueOn < today).toBe(true);
    expect(
      (await cw.get('/api/caseload')).body.followUpsDue.map((d: { client: { id: string } }) => d.client.id),
    ).not.toContain(c.id);
  });

  it('exports the full record with consents, goals and contact notes, and audits the export', async () => {
    const c = await newClient();
    const today = t.clock.now().toISOString().slice(0, 10);
    await cw.post(`/api/clients/${c.id}/consents`, { purpose: 'research', form: 'digital', date: today });
    await cw.post(`/api/clients/${c.id}/goals`, {
      title: 'Deutschkurs B1',
      dimension: 'health',
      targetDate: '2026-12-01',
    });
    await cw.post(`/api/clients/${c.id}/contacts`, {
      type: 'letter',
      date: today,
      note: 'Einladung verschickt',
    });
    const res = await cw.get(`/api/clients/${c.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expect(res.body.client.lastName).toBe(c.lastName);
    expect(res.body.consents[0].purpose).toBe('research');
    expect(res.body.goals[0].title).toBe('Deutschkurs B1');
    expect(res.body.contacts[0].note).toBe('Einladung verschickt');
    expect((await auditOf(c.id)).map((a) => a.action)).toContain('clients.export');
  });
});
