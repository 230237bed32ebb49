import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

/**
 * client_schedule (migration 020) precomputes per client the last contact, the last completed
 * assessment and the day its follow-up is due, for the caseload. It must never go stale: after every
 * change below it is compared with the value computed from the source rows, and the caseload must
 * show what the source rows say.
 */
let t: TestApp;
let guide: TestClient;
let instrument: any;

/** The schedule as the triggers keep it, and as the source rows say it should be. */
async function scheduleOf(clientId: string) {
  const kept = await t.ctx.db.query<{
    last_contact_on: string | null;
    last_assessment_on: string | null;
    follow_up_due_on: string | null;
  }>(
    `SELECT last_contact_on::text, last_assessment_on::text, follow_up_due_on::text FROM client_schedule
      WHERE client_id = $1`,
    [clientId],
  );
  const truth = await t.ctx.db.query<{
    last_contact_on: string | null;
    last_assessment_on: string | null;
    follow_up_due_on: string | null;
  }>(
    `SELECT (SELECT max(contact_date)::text FROM contacts WHERE client_id = $1) AS last_contact_on,
            la.assessed_on::text AS last_assessment_on, la.due_on::text AS follow_up_due_on
       FROM (SELECT 1) one LEFT JOIN LATERAL (
         SELECT a.assessed_on, (a.assessed_on + make_interval(months => coalesce(
                  (i.definition->'scoring'->>'followUpMonths')::int, 6)))::date AS due_on
           FROM assessments a JOIN instruments i ON i.id = a.instrument_id
          WHERE a.client_id = $1 AND a.status = 'completed'
          ORDER BY a.assessed_on DESC, a.created_at DESC, a.id DESC LIMIT 1) la ON true`,
    [clientId],
  );
  const empty = { last_contact_on: null, last_assessment_on: null, follow_up_due_on: null };
  return { kept: kept.rows[0] ?? empty, truth: truth.rows[0] ?? empty };
}

/** Asserts that the kept schedule equals the source rows' and returns it. */
async function freshSchedule(clientId: string) {
  const { kept, truth } = await scheduleOf(clientId);
  expect(kept).toEqual(truth);
  return kept;
}

/** Every scale item answered with its middle value (a complete assessment). */
function answers() {
  const out: Record<string, number> = {};
  for (const d of instrument.dimensions)
    for (const i of d.items) {
      if (!i.scale || !i.texts.professional) continue;
      out[i.key] = i.scale.options[Math.floor(i.scale.options.length / 2)].value;
    }
  return out;
}

async function newClient(lastName: string): Promise<string> {
  const res = await guide.post('/api/clients', {
    firstName: 'Plan',
    lastName,
    birthDate: '1979-04-03',
    allowDuplicate: true,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function assess(clientId: string, date: string, status: 'completed' | 'draft' = 'completed') {
  const res = await guide.post(`/api/clients/${clientId}/assessments`, {
    instrumentId: instrument.id,
    occasion: 'follow_up',
    perspective: 'professional',
    mode: 'together',
    date,
    status,
    answers: answers(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const followUpsOf = async (clientId: string) =>
  (await guide.get('/api/caseload?days=14')).body.followUpsDue.filter(
    (d: { client: { id: string } }) => d.client.id === clientId,
  );

beforeAll(async () => {
  t = await startTestApp();
  guide = t.client();
  await guide.login(DEMO.caseworker);
  instrument = (await guide.get('/api/instruments')).body.items[0];
});
afterAll(() => t.close());

describe('the precomputed follow-up schedule', () => {
  it('follows recording, completing, amending and deleting assessments, in the same transaction', async () => {
    const c = await newClient('Termin');
    expect(await freshSchedule(c)).toMatchObject({ follow_up_due_on: null });
    expect(await followUpsOf(c)).toEqual([]);

    // Completed eight months ago: due two months ago, listed.
    const first = await assess(c, '2025-07-01');
    expect(await freshSchedule(c)).toEqual({
      last_contact_on: null,
      last_assessment_on: '2025-07-01',
      follow_up_due_on: '2026-01-01',
    });
    expect(await followUpsOf(c)).toEqual([
      expect.objectContaining({ lastAssessment: '2025-07-01', dueOn: '2026-01-01' }),
    ]);

    // A draft does not count; completing it does.
    const draft = await assess(c, '2026-02-20', 'draft');
    expect(await freshSchedule(c)).toMatchObject({ last_assessment_on: '2025-07-01' });
    expect((await guide.post(`/api/assessments/${draft}/complete`)).status).toBe(200);
    expect(await freshSchedule(c)).toMatchObject({
      last_assessment_on: '2026-02-20',
      follow_up_due_on: '2026-08-20',
    });
    expect(await followUpsOf(c)).toEqual([]);

    // Amending the date of the latest assessment moves the due day.
    const amended = await guide.post(`/api/assessments/${draft}/amendments`, {
      answers: answers(),
      date: '2025-08-15',
      reason: 'Datum falsch übernommen',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    expect(await freshSchedule(c)).toMatchObject({
      last_assessment_on: '2025-08-15',
      follow_up_due_on: '2026-02-15',
    });
    expect(await followUpsOf(c)).toEqual([
      expect.objectContaining({ lastAssessment: '2025-08-15', dueOn: '2026-02-15' }),
    ]);

    // Deleting it (as erasure and corrections by an administrator do) falls back to the one before.
    await t.ctx.db.query('DELETE FROM assessments WHERE id = $1', [draft]);
    expect(await freshSchedule(c)).toMatchObject({ last_assessment_on: '2025-07-01' });
    await t.ctx.db.query('DELETE FROM assessments WHERE id = $1', [first]);
    expect(await freshSchedule(c)).toMatchObject({ last_assessment_on: null, follow_up_due_on: null });
    expect(await followUpsOf(c)).toEqual([]);
  });

  it('uses the interval of the instrument version the assessment was made with', async () => {
    const c = await newClient('Intervall');
    await assess(c, '2025-11-30');
    // A published version never changes; a draft version's interval may, and re-schedules its users.
    const custom = await t.ctx.db.query<{ id: string }>(
      `INSERT INTO instruments (agency_id, key, version, status, definition)
       SELECT u.agency_id, 'kurz_intervall', 1, 'draft',
              jsonb_set(i.definition, '{scoring,followUpMonths}', '3')
         FROM instruments i, users u WHERE i.id = $1 AND u.email = $2 RETURNING id`,
      [instrument.id, DEMO.caseworker],
    );
    const id = custom.rows[0]?.id as string;
    await t.ctx.db.query(
      `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on,
                                status, created_at, updated_at, completed_at)
       SELECT agency_id, id, $2, 'follow_up', 'professional', 'together', '2025-12-10', 'completed', now(), now(), now()
         FROM clients WHERE id = $1`,
      [c, id],
    );
    expect(await freshSchedule(c)).toMatchObject({ follow_up_due_on: '2026-03-10' });
    expect(await followUpsOf(c)).toEqual([expect.objectContaining({ dueOn: '2026-03-10' })]);
    await t.ctx.db.query(
      `UPDATE instruments SET definition = jsonb_set(definition, '{scoring,followUpMonths}', '4') WHERE id = $1`,
      [id],
    );
    expect(await freshSchedule(c)).toMatchObject({ follow_up_due_on: '2026-04-10' });
    expect(await followUpsOf(c)).toEqual([]);
  });

  it('follows contacts for the clients without contact, and rolls back with a failed transaction', async () => {
    const c = await newClient('Kontakt');
    const post = (date: string) =>
      guide.post(`/api/clients/${c}/contacts`, { type: 'phone', date, durationMinutes: 10 });
    expect((await post('2026-01-05')).status).toBe(201);
    expect((await post('2026-02-10')).status).toBe(201);
    expect(await freshSchedule(c)).toMatchObject({ last_contact_on: '2026-02-10' });
    const silent = async () =>
      (await guide.get('/api/caseload?weeks=2')).body.withoutContact.filter(
        (w: { client: { id: string } }) => w.client.id === c,
      );
    expect(await silent()).toEqual([expect.objectContaining({ lastContact: '2026-02-10' })]);

    // Moved to another day, then deleted: the latest remaining contact counts.
    await t.ctx.db.query(
      `UPDATE contacts SET contact_date = '2026-02-25' WHERE client_id = $1 AND contact_date = '2026-01-05'`,
      [c],
    );
    expect(await freshSchedule(c)).toMatchObject({ last_contact_on: '2026-02-25' });
    expect(await silent()).toEqual([]);
    await t.ctx.db.query(`DELETE FROM contacts WHERE client_id = $1 AND contact_date = '2026-02-25'`, [c]);
    expect(await freshSchedule(c)).toMatchObject({ last_contact_on: '2026-02-10' });

    // A contact whose transaction fails leaves no trace in the schedule either.
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO contacts (agency_id, client_id, type, contact_date, author_agency_id, created_at)
           SELECT agency_id, id, 'phone', '2026-03-01', agency_id, now() FROM clients WHERE id = $1`,
          [c],
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await freshSchedule(c)).toMatchObject({ last_contact_on: '2026-02-10' });
  });

  it('keeps the schedule of many clients right after one bulk statement (imports, COPY)', async () => {
    const ids = [await newClient('Stapel-A'), await newClient('Stapel-B')];
    await t.ctx.db.query(
      `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on,
                                status, created_at, updated_at, completed_at)
       SELECT c.agency_id, c.id, $2, 'intake', 'professional', 'together', d, 'completed', now(), now(), now()
         FROM clients c CROSS JOIN (VALUES (date '2025-01-01'), (date '2025-05-31')) v(d) WHERE c.id = ANY ($1)`,
      [ids, instrument.id],
    );
    for (const id of ids)
      expect(await freshSchedule(id)).toMatchObject({
        last_assessment_on: '2025-05-31',
        follow_up_due_on: '2025-11-30',
      });
  });
});
