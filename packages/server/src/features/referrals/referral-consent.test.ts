import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

// The test clock starts on 2026-03-02.
let t: TestApp;
let cw: TestClient;
let mk: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  cw = t.client();
  mk = t.client();
  await cw.login(DEMO.caseworker);
  await mk.login(DEMO.caseworkerMk);
});
afterAll(() => t.close());

const agencyId = async (name: string) =>
  (await t.ctx.db.query<{ id: string }>('SELECT id FROM agencies WHERE name = $1', [name])).rows[0]
    ?.id as string;
const referralCount = async (clientId: string) =>
  (
    await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referrals WHERE client_id = $1', [
      clientId,
    ])
  ).rows[0]?.n ?? 0;

async function offerOf(c: TestClient, title: string, shared: boolean) {
  const partner = await c.post('/api/partners', { name: `Träger ${title}`, kind: 'welfare' });
  expect(partner.status, JSON.stringify(partner.body)).toBe(201);
  const offer = await c.post('/api/offers', {
    title,
    partnerId: partner.body.id,
    dimensions: ['social_contacts'],
    district: 'witten',
    capacity: 5,
    freePlaces: 5,
    shared,
  });
  expect(offer.status, JSON.stringify(offer.body)).toBe(201);
  return offer.body as { id: string };
}

describe('referral consent', () => {
  it('refuses to refer to another agency’s offer without a sharing consent for it, and says which one is needed', async () => {
    const mkId = await agencyId('Jobcenter Maerkischer Kreis (Demo)');
    const foreign = await offerOf(mk, 'Lauftreff im Nachbarkreis', true);
    const own = await offerOf(cw, 'Erzählcafé Witten', false);
    const client = await cw.post('/api/clients', {
      firstName: 'Ilse',
      lastName: 'Einwilligung',
      birthDate: '1960-01-01',
    });
    expect(client.status).toBe(201);
    const id = client.body.id as string;

    // The suggestions say what each offer needs and whether the client has it.
    const consentOf = async (offerId: string) =>
      (await cw.get(`/api/clients/${id}/offer-suggestions?limit=50`)).body.items.find(
        (s: { offer: { id: string } }) => s.offer.id === offerId,
      )?.consent;
    expect(await consentOf(own.id)).toEqual({ required: 'none', agency: null, given: true });
    expect(await consentOf(foreign.id)).toEqual({
      required: 'sharing',
      agency: { id: mkId, name: 'Jobcenter Maerkischer Kreis (Demo)' },
      given: false,
    });

    // Without the consent: 409 with a plain message, no referral, no place taken.
    const refused = await cw.post(`/api/clients/${id}/referrals`, {
      offerId: foreign.id,
      note: 'Bitte melden',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/Einwilligung der Person zur Weitergabe an diese Stelle/);
    const english = await cw.request(
      'POST',
      `/api/clients/${id}/referrals`,
      { offerId: foreign.id },
      {
        'accept-language': 'en',
      },
    );
    expect(english.body.error.message).toMatch(/consent to share with that agency/);
    expect(await referralCount(id)).toBe(0);
    expect((await cw.get(`/api/offers/${foreign.id}`)).body.freePlaces).toBe(5);

    // A suggestion stays in the own agency and is allowed; moving it on to a place is not.
    const suggested = await cw.post(`/api/clients/${id}/referrals`, {
      offerId: foreign.id,
      status: 'suggested',
    });
    expect(suggested.status, JSON.stringify(suggested.body)).toBe(201);
    const moved = await cw.patch(`/api/referrals/${suggested.body.id}`, { status: 'referred' });
    expect(moved.status).toBe(409);
    expect((await cw.get(`/api/clients/${id}/referrals`)).body.items[0].status).toBe('suggested');

    // The own agency's offer needs none.
    expect((await cw.post(`/api/clients/${id}/referrals`, { offerId: own.id })).status).toBe(201);

    // With the consent for that agency the referral goes through.
    const consent = await cw.post(`/api/clients/${id}/consents`, {
      purpose: 'sharing',
      partnerAgencyId: mkId,
      form: 'written',
      date: '2026-03-02',
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const now = await cw.patch(`/api/referrals/${suggested.body.id}`, { status: 'referred' });
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    expect((await cw.get(`/api/offers/${foreign.id}`)).body.freePlaces).toBe(4);
  });
});
