import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let coordinator: TestClient;
let caseworker: TestClient;
let programmeId = '';

const userId = async (email: string) =>
  (await t.ctx.db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]
    ?.id as string;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = t.client();
  await coordinator.login(DEMO.coordinator);
  caseworker = t.client();
  await caseworker.login(DEMO.caseworker);
  const res = await coordinator.post('/api/programmes', {
    name: 'Coaching-Test',
    fundingSource: 'esf',
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    agencies: [],
  });
  expect(res.status).toBe(201);
  programmeId = res.body.programme.id;
});
afterAll(() => t.close());

describe('coaches and expenditure links of enrolments', () => {
  it('lists active staff of the own agency only, without admin-only or foreign accounts', async () => {
    const res = await caseworker.get('/api/programme-coaches');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(await userId(DEMO.caseworker));
    expect(ids).toContain(await userId(DEMO.coordinator));
    expect(ids).not.toContain(await userId(DEMO.admin));
    expect(ids).not.toContain(await userId(DEMO.caseworkerMk));
    for (const c of res.body.items) expect(Object.keys(c).sort()).toEqual(['displayName', 'id']);
  });

  it('enrols a client with a coach of the own agency and refuses a coach of another agency (400)', async () => {
    const agencyId = (
      await t.ctx.db.query<{ agency_id: string }>('SELECT agency_id FROM users WHERE email = $1', [
        DEMO.caseworker,
      ])
    ).rows[0]?.agency_id;
    const client = await t.ctx.db.query<{ id: string }>(
      `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, gender, created_at, updated_at)
       VALUES ($1, 'COACH-1', 'Test', 'Coachee', '1985-02-03', 'female', now(), now()) RETURNING id`,
      [agencyId],
    );
    const clientId = client.rows[0]?.id as string;
    const before = (await t.ctx.db.query('SELECT 1 FROM enrolments')).rowCount;

    const foreign = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId,
      waitingList: true,
      coachUserId: await userId(DEMO.caseworkerMk),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues[0].path).toBe('coachUserId');
    expect((await t.ctx.db.query('SELECT 1 FROM enrolments')).rowCount).toBe(before);

    const coachId = await userId(DEMO.caseworker2);
    const ok = await caseworker.post(`/api/programmes/${programmeId}/enrolments`, {
      clientId,
      waitingList: true,
      coachUserId: coachId,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.enrolment.coach.id).toBe(coachId);
  });

  it('links an expenditure to an enrolment of the own agency, refuses an id that is no enrolment of the own agency without writing (400)', async () => {
    const mkAgency = (
      await t.ctx.db.query<{ agency_id: string }>('SELECT agency_id FROM users WHERE email = $1', [
        DEMO.caseworkerMk,
      ])
    ).rows[0]?.agency_id as string;
    const enrolment = (
      await t.ctx.db.query<{ id: string }>(
        `SELECT e.id FROM enrolments e JOIN clients c ON c.id = e.client_id
          WHERE e.programme_id = $1 AND c.client_number = 'COACH-1'`,
        [programmeId],
      )
    ).rows[0]?.id as string;
    expect(enrolment).toBeDefined();
    const spent = () =>
      t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM expenditures WHERE programme_id = $1', [
        programmeId,
      ]);
    const booking = {
      fundingLine: 'participant_costs',
      amount: '0.10',
      date: '2026-03-02',
      reference: 'L-1',
    };

    const unknown = await coordinator.post(`/api/programmes/${programmeId}/expenditures`, {
      ...booking,
      enrolmentId: mkAgency,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('enrolmentId');
    expect((await spent()).rows[0]?.n).toBe(0);

    const linked = await coordinator.post(`/api/programmes/${programmeId}/expenditures`, {
      ...booking,
      enrolmentId: enrolment,
    });
    expect(linked.status).toBe(201);
    expect(linked.body.expenditure.enrolmentId).toBe(enrolment);
    const list = await coordinator.get(`/api/programmes/${programmeId}/expenditures?year=2026`);
    expect(list.body.items.map((x: { enrolmentId: string | null }) => x.enrolmentId)).toEqual([enrolment]);
  });
});
