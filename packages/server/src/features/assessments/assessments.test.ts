import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let guide: TestClient;
let instrument: any;
let clientId: string;
let foreignClientId: string;

/** A client row straight in the database (the client API is another feature's). */
async function insertClient(agencyEmail: string, lastName: string): Promise<string> {
  const r = await t.ctx.db.query<{ id: string }>(
    `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, created_at, updated_at)
     SELECT agency_id, $2, 'Test', $3, '1980-05-01', now(), now() FROM users WHERE email = $1 RETURNING id`,
    [agencyEmail, `T-${randomUUID().slice(0, 8)}`, lastName],
  );
  return r.rows[0]?.id as string;
}

/** Every scale item answered with its lowest or highest value. */
function answersAt(end: 'lo' | 'hi', perspective: 'self' | 'professional' = 'professional') {
  const answers: Record<string, number> = {};
  for (const d of instrument.dimensions)
    for (const i of d.items) {
      if (!i.scale || !i.texts[perspective]) continue;
      const values = i.scale.options.map((o: { value: number }) => o.value);
      answers[i.key] = end === 'lo' ? Math.min(...values) : Math.max(...values);
    }
  return answers;
}

const body = (occasion: string, date: string, answers: Record<string, unknown>, extra = {}) => ({
  instrumentId: instrument.id,
  occasion,
  perspective: 'professional',
  mode: 'together',
  date,
  answers,
  ...extra,
});

const count = async (table: string) =>
  (await t.ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n;

beforeAll(async () => {
  t = await startTestApp();
  guide = t.client();
  await guide.login(DEMO.caseworker);
  instrument = (await guide.get('/api/instruments')).body.items[0];
  clientId = await insertClient(DEMO.caseworker, 'Eins');
  foreignClientId = await insertClient(DEMO.caseworkerMk, 'Fremd');
});
afterAll(() => t.close());

describe('recording assessments', () => {
  it('returns 201 with scores per dimension, stored next to the answers', async () => {
    const res = await guide.post(
      `/api/clients/${clientId}/assessments`,
      body('intake', '2025-01-10', answersAt('lo')),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      clientId,
      occasion: 'intake',
      perspective: 'professional',
      status: 'completed',
    });
    expect(res.body.scores).toHaveLength(13);
    // Lowest answers: areas with only positive items score 0, the reverse-coded items score 100.
    const health = res.body.scores.find((s: any) => s.dimension === 'health');
    // health: physical 0, mental strain (reverse) 1, behaviour 0, care access 0 -> 25
    expect(health).toMatchObject({ score: 25, answered: 4, need: true });
    expect(res.body.scores.find((s: any) => s.dimension === 'life_satisfaction')).toMatchObject({ score: 0 });
    expect(res.body.enteredBy.name).toBe('Jonas Lotse');
    const stored = await t.ctx.db.query<{ scores: unknown[] }>(
      'SELECT scores FROM assessments WHERE id = $1',
      [res.body.id],
    );
    expect(stored.rows[0]?.scores).toEqual(res.body.scores);
  });

  it('shows a reliable change in progress after a follow-up', async () => {
    const res = await guide.post(
      `/api/clients/${clientId}/assessments`,
      body('follow_up', '2025-07-10', answersAt('hi')),
    );
    expect(res.status).toBe(201);
    const progress = await guide.get(`/api/clients/${clientId}/progress`);
    expect(progress.status).toBe(200);
    const series = progress.body.series[0];
    expect(progress.body.series).toHaveLength(1);
    expect(series).toMatchObject({ perspective: 'professional', instrumentKey: 'teilhabe_bogen' });
    expect(series.assessments).toHaveLength(2);
    const housing = series.dimensions.find((d: any) => d.key === 'housing');
    // 0 -> 100 with SD 19, r .72: S_diff = sqrt(2) * 19 * sqrt(.28) = 14.218; RCI = 100 / 14.218 = 7.03
    const sDiff = Math.SQRT2 * 19 * Math.sqrt(1 - 0.72);
    expect(housing.change).toMatchObject({ from: 0, to: 100, class: 'improved' });
    expect(housing.change.rci).toBeCloseTo(100 / sDiff, 2);
    expect(housing.points.map((p: any) => p.score)).toEqual([0, 100]);
    // health 25 -> 75 (physical, behaviour, access 0 -> 1; mental strain 1 -> 0): +50, SD 20 r .78
    const health = series.dimensions.find((d: any) => d.key === 'health');
    expect(health.change.difference).toBe(50);
    expect(health.change.rci).toBeCloseTo(50 / (Math.SQRT2 * 20 * Math.sqrt(0.22)), 2);
    expect(progress.body.followUp).toEqual({
      intervalMonths: 6,
      lastDate: '2025-07-10',
      dueOn: '2026-01-10',
      due: true,
    });
  });

  it('answers 400 naming the item for an answer outside the scale, and stores nothing', async () => {
    const before = await count('assessments');
    const answers = { ...answersAt('lo'), daily_routine: 99 };
    const res = await guide.post(
      `/api/clients/${clientId}/assessments`,
      body('follow_up', '2025-09-10', answers),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(JSON.stringify(res.body)).toContain('daily_routine');
    expect(await count('assessments')).toBe(before);
  });

  it('answers 400 for unknown item keys, missing required items and an unpublished instrument', async () => {
    const before = await count('assessments');
    const unknown = await guide.post(
      `/api/clients/${clientId}/assessments`,
      body('follow_up', '2025-09-10', { ...answersAt('lo'), no_such_item: 1 }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toBe('answers.no_such_item');
    const { housing_secure: _, ...missing } = answersAt('lo');
    const incomplete = await guide.post(
      `/api/clients/${clientId}/assessments`,
      body('exit', '2025-09-10', missing),
    );
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.message).toContain('housing_secure');
    // The same answers are fine as a draft.
    const admin = t.client();
    await admin.login(DEMO.admin);
    const draft = await admin.post(`/api/instruments/${instrument.id}/drafts`);
    expect(draft.status).toBe(201);
    const unpublished = await guide.post(`/api/clients/${clientId}/assessments`, {
      ...body('follow_up', '2025-09-10', answersAt('lo')),
      instrumentId: draft.body.id,
    });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error.issues[0].path).toBe('instrumentId');
    const future = await guide.post(
      `/api/clients/${clientId}/assessments`,
      body('follow_up', '2027-01-01', {}),
    );
    expect(future.status).toBe(400);
    expect(await count('assessments')).toBe(before);
  });

  it('saves drafts (autosave), resumes them, completes and then locks them', async () => {
    const created = await guide.post(
      `/api/clients/${clientId}/assessments`,
      body('follow_up', '2025-10-01', { health_physical: 3 }, { status: 'draft', perspective: 'self' }),
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    const id = created.body.id;
    const progress = await guide.get(`/api/clients/${clientId}/progress`);
    expect(progress.body.drafts.map((d: any) => d.id)).toEqual([id]);
    expect(progress.body.series).toHaveLength(1); // drafts are not part of the progress

    const saved = await guide.patch(`/api/assessments/${id}`, {
      answers: { ...answersAt('hi', 'self'), health_work_on: true },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.scores.find((s: any) => s.dimension === 'health').workOn).toBe(true);
    expect((await guide.get(`/api/assessments/${id}`)).body.answers.health_work_on).toBe(true);
    const bad = await guide.patch(`/api/assessments/${id}`, { answers: { health_physical: 7 } });
    expect(bad.status).toBe(400);

    const done = await guide.post(`/api/assessments/${id}/complete`);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('completed');
    const locked = await guide.patch(`/api/assessments/${id}`, { answers: {} });
    expect(locked.status).toBe(409);
    expect((await guide.post(`/api/assessments/${id}/complete`)).status).toBe(409);
  });

  it('records a correction as an amendment with the previous state, never a silent overwrite', async () => {
    const created = await guide.post(
      `/api/clients/${clientId}/assessments`,
      body('exit', '2025-12-01', answersAt('hi')),
    );
    const id = created.body.id;
    const corrected = { ...answersAt('hi'), housing_secure: 1, housing_household: 1 };
    const amended = await guide.post(`/api/assessments/${id}/amendments`, {
      answers: corrected,
      reason: 'Übertragungsfehler vom Papierbogen',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    expect(amended.body.answers.housing_secure).toBe(1);
    expect(amended.body.amendments).toHaveLength(1);
    expect(amended.body.amendments[0]).toMatchObject({
      changedItems: ['housing_household', 'housing_secure'],
      reason: 'Übertragungsfehler vom Papierbogen',
      previousDate: '2025-12-01',
    });
    // housing: secure 0, household 0, paperwork 1 -> 33.3
    expect(amended.body.scores.find((s: any) => s.dimension === 'housing').score).toBe(33.3);
    const kept = await t.ctx.db.query<{ previous_answers: Record<string, number> }>(
      'SELECT previous_answers FROM assessment_amendments WHERE assessment_id = $1',
      [id],
    );
    expect(kept.rows[0]?.previous_answers.housing_secure).toBe(5);
    const nothing = await guide.post(`/api/assessments/${id}/amendments`, {
      answers: corrected,
      reason: 'x',
    });
    expect(nothing.status).toBe(400);
    // Exit: no further follow-up due.
    const progress = await guide.get(`/api/clients/${clientId}/progress`);
    expect(progress.body.followUp).toMatchObject({ lastDate: '2025-12-01', dueOn: null, due: false });
  });

  it('compares the latest self-assessment with the professional view and highlights differences', async () => {
    const progress = await guide.get(`/api/clients/${clientId}/progress`);
    const housing = progress.body.comparison.find((c: any) => c.dimension === 'housing');
    // self (all highest): 100; professional (corrected exit): 33.3
    expect(housing).toEqual({
      dimension: 'housing',
      self: 100,
      professional: 33.3,
      difference: -66.7,
      highlighted: true,
    });
  });

  it('compares any two chosen assessments', async () => {
    const list = (await guide.get(`/api/clients/${clientId}/assessments`)).body.items.filter(
      (a: any) => a.perspective === 'professional',
    );
    const [intake, followUp] = list;
    const res = await guide.get(`/api/clients/${clientId}/progress?from=${followUp.id}&to=${intake.id}`);
    const professional = res.body.series.find((s: any) => s.perspective === 'professional');
    const housing = professional.dimensions.find((d: any) => d.key === 'housing');
    expect(housing.change).toMatchObject({ from: 100, to: 0, class: 'worsened' });
  });
});

describe('access', () => {
  it('answers 404 for another agency’s client and its assessments, and stores nothing', async () => {
    const before = await count('assessments');
    const res = await guide.post(
      `/api/clients/${foreignClientId}/assessments`,
      body('intake', '2025-01-10', answersAt('lo')),
    );
    expect(res.status).toBe(404);
    expect((await guide.get(`/api/clients/${foreignClientId}/progress`)).status).toBe(404);
    expect(await count('assessments')).toBe(before);
    const mk = t.client();
    await mk.login(DEMO.caseworkerMk);
    const own = (await guide.get(`/api/clients/${clientId}/assessments`)).body.items[0].id;
    const foreign = await mk.get(`/api/assessments/${own}`);
    const missing = await mk.get(`/api/assessments/${randomUUID()}`);
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual(missing.body);
    expect((await mk.patch(`/api/assessments/${own}`, { answers: {} })).status).toBe(404);
  });

  it('keeps coordinators, researchers and admins away from assessments (403)', async () => {
    for (const email of [DEMO.coordinator, DEMO.researcher, DEMO.admin]) {
      const c = t.client();
      await c.login(email);
      expect((await c.get(`/api/clients/${clientId}/progress`)).status).toBe(403);
      expect((await c.get(`/api/clients/${clientId}/assessments`)).status).toBe(403);
    }
  });

  it('audits every read and write with the client id and without answers', async () => {
    const entries = await t.ctx.db.query<{
      action: string;
      client_id: string;
      details: Record<string, unknown>;
    }>(
      `SELECT action, client_id, details FROM audit_log WHERE action LIKE 'assessments.%' AND outcome = 'success'`,
    );
    const actions = new Set(entries.rows.map((e) => e.action));
    for (const a of [
      'assessments.create',
      'assessments.read',
      'assessments.update',
      'assessments.complete',
      'assessments.amend',
      'assessments.list',
      'assessments.progress.read',
    ])
      expect(actions.has(a), a).toBe(true);
    expect(entries.rows.every((e) => e.client_id === clientId)).toBe(true);
    const text = JSON.stringify(entries.rows.map((e) => e.details));
    expect(text).not.toMatch(/answers|housing_secure|health_physical/);
  });
});

describe('FHIR QuestionnaireResponse', () => {
  it('exports an assessment with its answers, without the client’s identity', async () => {
    const list = (await guide.get(`/api/clients/${clientId}/assessments`)).body.items;
    const amended = list.find((a: any) => a.occasion === 'exit');
    const res = await guide.get(`/api/assessments/${amended.id}/fhir`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'amended',
      authored: '2025-12-01',
      subject: { reference: `Patient/${clientId}` },
    });
    const housing = res.body.item.find((g: any) => g.linkId === 'housing');
    expect(housing.item.find((i: any) => i.linkId === 'housing_secure').answer[0].valueCoding.code).toBe('1');
    expect(JSON.stringify(res.body)).not.toContain('Eins');
  });
});

describe('PDFs', () => {
  const pdfText = async (path: string) => {
    const res = await fetch(t.baseUrl + path, {
      headers: { cookie: [...guide.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'lotse-pdf-'));
    writeFileSync(join(dir, 'a.pdf'), Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true });
    return text.replace(/\s+/g, ' ');
  };

  it('prints a completed assessment with the client’s name, scores and answer labels', async () => {
    const list = (await guide.get(`/api/clients/${clientId}/assessments`)).body.items;
    const intake = list.find((a: any) => a.occasion === 'intake');
    const text = await pdfText(`/api/assessments/${intake.id}/pdf`);
    expect(text).toContain('Teilhabe-Bogen');
    expect(text).toContain('Test Eins');
    expect(text).toContain('Erst-Erhebung');
    expect(text).toContain('Die Person ist körperlich gesund genug');
    expect(text).toContain('1 – trifft gar nicht zu');
  });

  it('prints the progress with the radar chart’s axis labels and the table of changes', async () => {
    const text = await pdfText(`/api/clients/${clientId}/progress.pdf`);
    expect(text).toContain('Verlauf der Teilhabe');
    expect(text).toContain('Test Eins');
    expect(text).toContain('Fremdeinschätzung');
    expect(text).toContain('Wohnen und Alltagsbewältigung');
    expect(text).toContain('verbessert');
    expect(text).toContain('Netzdiagramm');
    const en = await pdfText(`/api/clients/${clientId}/progress.pdf?locale=en`);
    expect(en).toContain('Housing and everyday life');
  });
});

// Last: its audit entries are of another client than the shared one the audit test above checks.
describe('occasions', () => {
  it('answers 409 to a second intake of the same instrument and perspective unless confirmed; tells same-day assessments apart and compares intake with the latest follow-up', async () => {
    const id = await insertClient(DEMO.caseworker, 'Anlass');
    const post = (occasion: string, date: string, extra = {}) =>
      guide.post(`/api/clients/${id}/assessments`, body(occasion, date, answersAt('lo'), extra));
    const intake = await post('intake', '2025-01-10');
    expect(intake.status).toBe(201);
    const before = await count('assessments');
    const again = await post('intake', '2026-02-12');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'conflict',
      message:
        'Für diese Person gibt es schon eine Ersterhebung mit diesem Bogen aus dieser Sicht (vom 10.01.2025). Eine zweite Ersterhebung bitte ausdrücklich bestätigen.',
      existingIntake: { id: intake.body.id, date: '2025-01-10', status: 'completed' },
    });
    expect(await count('assessments')).toBe(before);
    const english = await guide.request(
      'POST',
      `/api/clients/${id}/assessments`,
      body('intake', '2026-02-12', answersAt('lo')),
      { 'accept-language': 'en' },
    );
    expect(english.body.error.message).toContain('already has an intake assessment');
    // Another perspective has its own intake.
    expect(
      (await post('intake', '2025-01-10', { perspective: 'self', answers: answersAt('lo', 'self') })).status,
    ).toBe(201);

    // Two follow-ups on the same day, then a confirmed second intake.
    const early = await post('follow_up', '2025-07-10', { answers: answersAt('hi') });
    t.clock.advance(60_000);
    const late = await post('follow_up', '2025-07-10', { answers: answersAt('hi') });
    expect([early.status, late.status]).toEqual([201, 201]);
    const confirmed = await post('intake', '2026-02-12', { confirmSecondIntake: true });
    expect(confirmed.status).toBe(201);
    const audit = await t.ctx.db.query<{ details: Record<string, unknown> }>(
      `SELECT details FROM audit_log WHERE action = 'assessments.create' AND resource_id = $1`,
      [confirmed.body.id],
    );
    expect(audit.rows[0]?.details).toMatchObject({ occasion: 'intake', secondIntakeConfirmed: 'true' });

    const progress = await guide.get(`/api/clients/${id}/progress`);
    const series = progress.body.series.find((s: any) => s.perspective === 'professional');
    expect(series.assessments.map((a: any) => [a.occasion, a.date, a.sequence, a.sameDay])).toEqual([
      ['intake', '2025-01-10', 1, 1],
      ['follow_up', '2025-07-10', 1, 2],
      ['follow_up', '2025-07-10', 2, 2],
      ['intake', '2026-02-12', 1, 1],
    ]);
    expect(series.assessments[1].id).toBe(early.body.id);
    // Default comparison: the intake against the latest follow-up (not the later intake).
    expect(series.compared).toEqual({ fromId: intake.body.id, toId: late.body.id });
    expect(series.dimensions[0].change).toMatchObject({
      fromAssessmentId: intake.body.id,
      toAssessmentId: late.body.id,
    });
  });
});
