import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let cw: TestClient;
let mk: TestClient;
let offerId: string;

async function newReferral(lastName = `Rueck-${Math.random().toString(36).slice(2, 8)}`) {
  const c = await cw.post('/api/clients', {
    firstName: 'Rita',
    lastName,
    birthDate: '1971-05-06',
    allowDuplicate: true,
  });
  expect(c.status).toBe(201);
  const r = await cw.post(`/api/clients/${c.body.id}/referrals`, {
    offerId,
    note: 'Interne Notiz zur Sucht',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return { clientId: c.body.id as string, referralId: r.body.id as string, lastName };
}

const audited = async (clientId: string) =>
  (
    await t.ctx.db.query<{ action: string; actor_user_id: string | null }>(
      `SELECT action, actor_user_id FROM audit_log WHERE client_id = $1 AND action LIKE 'referrals.feedback%' ORDER BY at, seq`,
      [clientId],
    )
  ).rows;

beforeAll(async () => {
  t = await startTestApp();
  cw = t.client();
  await cw.login(DEMO.caseworker);
  mk = t.client();
  await mk.login(DEMO.caseworkerMk);
  const partner = await cw.post('/api/partners', { name: 'TuS Witten 1890', kind: 'welfare' });
  expect(partner.status, JSON.stringify(partner.body)).toBe(201);
  const offer = await cw.post('/api/offers', {
    title: 'Lauftreff am Kemnader See',
    partnerId: partner.body.id,
    dimensions: ['social_contacts'],
    district: 'witten',
  });
  expect(offer.status, JSON.stringify(offer.body)).toBe(201);
  offerId = offer.body.id;
});
afterAll(() => t.close());

describe('referral feedback from partners', () => {
  it('[trust #19] issues a 256-bit one-time link, stores only its hash, and shows the partner the first name, surname initial, offer and date only', async () => {
    const { clientId, referralId, lastName } = await newReferral();
    const link = await cw.post(`/api/referrals/${referralId}/feedback-links`, {});
    expect(link.status).toBe(201);
    expect(link.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.body.path).toBe(`/rueckmeldung/${link.body.token}`);
    const stored = await t.ctx.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM referral_feedback_links WHERE id = $1',
      [link.body.id],
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.token_hash).not.toContain(link.body.token);

    const partner = t.client();
    const page = await partner.get(`/api/referral-feedback/${link.body.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      person: `Rita ${lastName[0]}.`,
      offer: { title: 'Lauftreff am Kemnader See', partnerName: 'TuS Witten 1890' },
      referredOn: '2026-03-02',
      expiresAt: '2026-04-01T08:00:00.000Z',
    });
    expect(JSON.stringify(page.body)).not.toContain(lastName);
    expect(JSON.stringify(page.body)).not.toContain('Sucht');

    const sent = await partner.post(`/api/referral-feedback/${link.body.token}`, {
      outcome: 'started',
      note: 'Kommt jeden Dienstag',
    });
    expect(sent.status).toBe(201);
    const referral = (await cw.get(`/api/clients/${clientId}/referrals`)).body.items[0];
    expect(referral).toMatchObject({
      feedbackOutcome: 'started',
      feedback: 'Kommt jeden Dienstag',
      feedbackOn: '2026-03-02',
      feedbackSource: 'partner_link',
    });
    // Single use.
    expect((await partner.get(`/api/referral-feedback/${link.body.token}`)).status).toBe(404);
    expect(
      (await partner.post(`/api/referral-feedback/${link.body.token}`, { outcome: 'ended' })).status,
    ).toBe(404);
    const listed = await cw.get(`/api/referrals/${referralId}/feedback-links`);
    expect(listed.body.items[0]).toMatchObject({ id: link.body.id, status: 'used' });
    expect(JSON.stringify(listed.body)).not.toContain(link.body.token);
    const actions = await audited(clientId);
    expect(actions.map((a) => a.action)).toEqual([
      'referrals.feedback_link.create',
      'referrals.feedback_link.open',
      'referrals.feedback',
      'referrals.feedback_link.list',
    ]);
    expect(actions[1]?.actor_user_id).toBeNull();
  });

  it('[trust #19] refuses bad input with 400 and stores nothing, and answers 404 to unknown, revoked and expired links', async () => {
    const { clientId, referralId } = await newReferral();
    const link = (await cw.post(`/api/referrals/${referralId}/feedback-links`, {})).body;
    const partner = t.client();
    const bad = await partner.post(`/api/referral-feedback/${link.token}`, { outcome: 'maybe' });
    expect(bad.status).toBe(400);
    const tooLong = await partner.post(`/api/referral-feedback/${link.token}`, {
      outcome: 'came',
      note: 'x'.repeat(501),
    });
    expect(tooLong.status).toBe(400);
    expect((await cw.get(`/api/clients/${clientId}/referrals`)).body.items[0].feedbackOutcome).toBeNull();
    expect((await partner.get(`/api/referral-feedback/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await partner.get('/api/referral-feedback/kurz')).status).toBe(400);

    const revoked = await cw.post(`/api/referral-feedback-links/${link.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    expect((await partner.get(`/api/referral-feedback/${link.token}`)).status).toBe(404);
    expect((await cw.post(`/api/referral-feedback-links/${link.id}/revoke`, {})).status).toBe(409);

    // A newer link replaces an open older one.
    const first = (await cw.post(`/api/referrals/${referralId}/feedback-links`, {})).body;
    const second = (await cw.post(`/api/referrals/${referralId}/feedback-links`, {})).body;
    expect((await partner.get(`/api/referral-feedback/${first.token}`)).status).toBe(404);
    expect((await partner.get(`/api/referral-feedback/${second.token}`)).status).toBe(200);

    t.clock.advance(30 * 86_400_000);
    expect((await partner.get(`/api/referral-feedback/${second.token}`)).status).toBe(404);
    await cw.login(DEMO.caseworker);
    await mk.login(DEMO.caseworkerMk);
  });

  it('[trust #19] lets staff enter the feedback on the referral, audited; another agency gets 404', async () => {
    const { clientId, referralId } = await newReferral();
    const res = await cw.post(`/api/referrals/${referralId}/feedback`, {
      outcome: 'did_not_come',
      note: 'Telefonisch: nicht erschienen',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      feedbackOutcome: 'did_not_come',
      feedback: 'Telefonisch: nicht erschienen',
      feedbackSource: 'staff',
    });
    expect((await mk.post(`/api/referrals/${referralId}/feedback`, { outcome: 'came' })).status).toBe(404);
    expect((await mk.post(`/api/referrals/${referralId}/feedback-links`, {})).status).toBe(404);
    expect((await mk.get(`/api/referrals/${referralId}/feedback-links`)).status).toBe(404);
    expect((await audited(clientId)).map((a) => a.action)).toEqual(['referrals.feedback']);
    // Feedback is recorded, so the caseload no longer waits for it.
    const awaiting = (await cw.get('/api/caseload')).body.referralsAwaitingFeedback.map(
      (r: { client: { id: string } }) => r.client.id,
    );
    expect(awaiting).not.toContain(clientId);
  });
});
