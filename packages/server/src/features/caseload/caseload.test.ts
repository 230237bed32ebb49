import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

// The test clock starts on 2026-03-02.
let t: TestApp;
let guide: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  guide = t.client();
  await guide.login(DEMO.caseworker2);
});
afterAll(() => t.close());

const dayOffset = (days: number) =>
  new Date(t.clock.now().getTime() + days * 86_400_000).toISOString().slice(0, 10);

async function newClient(lastName: string): Promise<string> {
  const res = await guide.post('/api/clients', { firstName: 'Frist', lastName, birthDate: '1971-06-09' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

interface GoalEntry {
  goalId: string;
  targetDate: string;
  overdue: boolean;
  client: { id: string };
}

describe('caseload: urgency, overdue marks and full counts', () => {
  it('lists overdue goals first (oldest first) with a mark, and counts beyond the listed 100', async () => {
    const before = (await guide.get('/api/caseload')).body;
    const client = await newClient('Fristenreich');
    // 102 open goals, one a day from 101 days ago up to today: 101 overdue, one due today.
    await t.ctx.db.query(
      `INSERT INTO goals (agency_id, client_id, title, dimension, target_date, status, agreed_on, created_at, updated_at)
       SELECT c.agency_id, c.id, 'Ziel ' || k, 'health', $2::date - k, 'open', $2::date - 200, now(), now()
         FROM clients c, generate_series(0, 101) k WHERE c.id = $1`,
      [client, dayOffset(0)],
    );
    const res = await guide.get('/api/caseload');
    expect(res.status).toBe(200);
    const view = res.body;
    expect(view.today).toBe(dayOffset(0));
    expect(view.counts.goalsDue).toBe(before.counts.goalsDue + 102);
    expect(view.counts.goalsOverdue).toBe(before.counts.goalsOverdue + 101);
    const goals = view.goalsDue as GoalEntry[];
    expect(goals).toHaveLength(100);
    // Most urgent first: by target date ascending, so the oldest overdue goal leads.
    const dates = goals.map((g) => g.targetDate);
    expect(dates).toEqual([...dates].sort());
    expect(goals[0]).toMatchObject({ overdue: true });
    for (const g of goals) expect(g.overdue).toBe(g.targetDate < view.today);
    expect(goals.some((g) => g.client.id === client && g.targetDate === dayOffset(-101))).toBe(true);
  });

  it('marks overdue follow-ups, counts them, and names the offer of a referral awaiting feedback', async () => {
    const before = (await guide.get('/api/caseload')).body;
    const client = await newClient('Wartend');
    await t.ctx.db.query(
      `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on,
                                status, created_at, updated_at, completed_at)
       SELECT c.agency_id, c.id, i.id, 'intake', 'professional', 'together', $2, 'completed', now(), now(), now()
         FROM clients c, instruments i WHERE c.id = $1 AND i.status = 'published' LIMIT 1`,
      [client, dayOffset(-250)],
    );
    const partner = await guide.post('/api/partners', { name: 'Treffpunkt Frist', kind: 'welfare' });
    expect(partner.status, JSON.stringify(partner.body)).toBe(201);
    const offer = await guide.post('/api/offers', {
      title: 'Erzählcafé am Markt',
      partnerId: partner.body.id,
      dimensions: ['social_contacts'],
      district: 'witten',
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    const referral = await guide.post(`/api/clients/${client}/referrals`, { offerId: offer.body.id });
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);

    const view = (await guide.get('/api/caseload')).body;
    expect(view.counts.followUpsDue).toBe(before.counts.followUpsDue + 1);
    expect(view.counts.followUpsOverdue).toBe(before.counts.followUpsOverdue + 1);
    const due = view.followUpsDue.find((f: { client: { id: string } }) => f.client.id === client);
    expect(due).toMatchObject({ lastAssessment: dayOffset(-250), overdue: true });
    expect(view.counts.referralsAwaitingFeedback).toBe(before.counts.referralsAwaitingFeedback + 1);
    expect(
      view.referralsAwaitingFeedback.find((r: { client: { id: string } }) => r.client.id === client),
    ).toMatchObject({
      referralId: referral.body.id,
      offerTitle: 'Erzählcafé am Markt',
      referredOn: dayOffset(0),
    });
    // Counts and lists agree for a section below the limit.
    expect(view.counts.withoutContact).toBe(view.withoutContact.length);
  });
});
