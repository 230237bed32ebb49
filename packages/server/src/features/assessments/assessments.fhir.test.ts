import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdcMoodQuestionnaire, sdcMoodResponse } from '../../testing/fhir-fixtures.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let guide: TestClient;
let admin: TestClient;
let instrument: any;
let clientA: string;
let clientB: string;
let foreignClient: string;

async function insertClient(agencyEmail: string, lastName: string): Promise<string> {
  const r = await t.ctx.db.query<{ id: string }>(
    `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, created_at, updated_at)
     SELECT agency_id, $2, 'Test', $3, '1980-05-01', now(), now() FROM users WHERE email = $1 RETURNING id`,
    [agencyEmail, `T-${randomUUID().slice(0, 8)}`, lastName],
  );
  return r.rows[0]?.id as string;
}

/** Every professional scale item answered, cycling through its values so that scores differ by area. */
function mixedAnswers() {
  const answers: Record<string, number | boolean | null> = {};
  let n = 0;
  for (const d of instrument.dimensions)
    for (const i of d.items) {
      if (!i.texts.professional) continue;
      if (i.scale) answers[i.key] = n % 7 === 3 ? null : i.scale.options[n % i.scale.options.length].value;
      else answers[i.key] = n % 2 === 0;
      n++;
    }
  return answers;
}

const count = async () =>
  (await t.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM assessments')).rows[0]?.n;

beforeAll(async () => {
  t = await startTestApp();
  guide = t.client();
  await guide.login(DEMO.caseworker);
  admin = t.client();
  await admin.login(DEMO.admin);
  instrument = (await guide.get('/api/instruments')).body.items[0];
  clientA = await insertClient(DEMO.caseworker, 'Quelle');
  clientB = await insertClient(DEMO.caseworker, 'Ziel');
  foreignClient = await insertClient(DEMO.caseworkerMk, 'Fremd');
});
afterAll(() => t.close());

async function professionalAssessment(clientId: string) {
  const res = await guide.post(`/api/clients/${clientId}/assessments`, {
    instrumentId: instrument.id,
    occasion: 'follow_up',
    perspective: 'professional',
    mode: 'together',
    date: '2026-02-10',
    answers: mixedAnswers(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('QuestionnaireResponse export', () => {
  it('[trust #17] carries the professional item texts for a professional assessment', async () => {
    const a = await professionalAssessment(clientA);
    const qr = await guide.get(`/api/assessments/${a.id}/fhir`);
    expect(qr.status).toBe(200);
    const items = new Map<string, any>(
      instrument.dimensions.flatMap((d: any) => d.items.map((i: any) => [i.key, i])),
    );
    const answered = qr.body.item.flatMap((g: any) => g.item);
    expect(answered.length).toBe(Object.keys(a.answers).length);
    let differs = 0;
    for (const x of answered) {
      const item = items.get(x.linkId);
      expect(x.text).toBe(item.texts.professional.de);
      if (item.texts.self && item.texts.self.de !== item.texts.professional.de) differs++;
    }
    expect(differs).toBeGreaterThan(0);
    expect(qr.body.extension).toEqual(
      expect.arrayContaining([
        { url: 'urn:lotse:fhir:extension:perspective', valueCode: 'professional' },
        { url: 'urn:lotse:fhir:extension:occasion', valueCode: 'follow_up' },
      ]),
    );
  });
});

describe('POST /api/clients/:id/assessments/import/fhir', () => {
  it('[trust #17] round trip: an exported QuestionnaireResponse imported for another client gives the same answers and scores (201, audited)', async () => {
    const a = await professionalAssessment(clientA);
    const qr = (await guide.get(`/api/assessments/${a.id}/fhir`)).body;
    const res = await guide.request('POST', `/api/clients/${clientB}/assessments/import/fhir`, qr, {
      'content-type': 'application/fhir+json',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      clientId: clientB,
      instrumentId: instrument.id,
      perspective: 'professional',
      occasion: 'follow_up',
      date: '2026-02-10',
      mode: 'paper',
      status: 'completed',
    });
    expect(res.body.answers).toEqual(a.answers);
    expect(res.body.scores).toEqual(a.scores);
    expect(res.body.totalScore).toBe(a.totalScore);
    const audit = await t.ctx.db.query<{ client_id: string; details: Record<string, unknown> }>(
      `SELECT client_id, details FROM audit_log WHERE action = 'assessments.import.fhir' AND resource_id = $1`,
      [res.body.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.client_id).toBe(clientB);
    expect(JSON.stringify(audit.rows[0]?.details)).not.toMatch(/valueCoding|Patient/);
  });

  it('[trust #17] body parameters win over the response: occasion, date and mode', async () => {
    const a = await professionalAssessment(clientA);
    const qr = (await guide.get(`/api/assessments/${a.id}/fhir`)).body;
    const res = await guide.post(`/api/clients/${clientB}/assessments/import/fhir`, {
      resource: qr,
      occasion: 'exit',
      date: '2026-02-20',
      mode: 'together',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ occasion: 'exit', date: '2026-02-20', mode: 'together' });
    expect(res.body.scores).toEqual(a.scores);
  });

  it('[trust #17] reads a foreign SDC response by its canonical url|version, coded answers mapped to the weights', async () => {
    const imported = await admin.post('/api/instruments/import/fhir', sdcMoodQuestionnaire);
    expect(imported.status).toBe(201);
    const draft = imported.body.instrument;
    // The flagged item (external ValueSet) is removed before publishing.
    const dimensions = draft.dimensions.map((d: any) => ({
      ...d,
      items: d.items.filter((i: any) => !i.importIssue),
    }));
    expect((await admin.patch(`/api/instruments/${draft.id}`, { dimensions })).status).toBe(200);

    const codes = [
      'never',
      'some-days',
      'half-days',
      'nearly-daily',
      'never',
      'never',
      'some-days',
      'never',
      'half-days',
    ];
    const qr = sdcMoodResponse(codes, 'strongly');
    const early = await guide.post(`/api/clients/${clientA}/assessments/import/fhir`, {
      resource: qr,
      occasion: 'intake',
      perspective: 'self',
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/Unbekannter Fragebogen: http:\/\/example\.org/);

    expect((await admin.post(`/api/instruments/${draft.id}/publish`, {})).status).toBe(200);
    const res = await guide.post(`/api/clients/${clientA}/assessments/import/fhir`, {
      resource: qr,
      occasion: 'intake',
      perspective: 'self',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ instrumentId: draft.id, date: '2026-01-20', perspective: 'self' });
    expect(res.body.answers).toEqual({
      mood_1: 0,
      mood_2: 1,
      mood_3: 2,
      mood_4: 3,
      mood_5: 0,
      mood_6: 0,
      mood_7: 1,
      mood_8: 0,
      mood_9: 2,
      daily_burden: 2,
    });
    expect(res.body.scores.find((s: any) => s.dimension === 'mood').answered).toBe(9);
  });

  it('[trust #17] answers 400 naming the unknown questionnaire, item or answer and the missing header, storing nothing', async () => {
    const a = await professionalAssessment(clientA);
    const qr = (await guide.get(`/api/assessments/${a.id}/fhir`)).body;
    const before = await count();
    const post = (body: unknown) => guide.post(`/api/clients/${clientB}/assessments/import/fhir`, body);

    const unknownQ = await post({ ...qr, questionnaire: 'urn:lotse:instrument:teilhabe_bogen|99' });
    expect(unknownQ.status).toBe(400);
    expect(unknownQ.body.error.message).toContain('teilhabe_bogen|99');
    expect((await post({ ...qr, questionnaire: undefined })).body.error.issues[0].path).toBe('questionnaire');

    const withItem = structuredClone(qr);
    withItem.item[0].item.push({ linkId: 'no_such_item', answer: [{ valueBoolean: true }] });
    const unknownItem = await post(withItem);
    expect(unknownItem.status).toBe(400);
    expect(JSON.stringify(unknownItem.body.error.issues)).toContain('no_such_item');

    const offScale = structuredClone(qr);
    const scaleAnswer = offScale.item[0].item.find((x: any) => x.answer[0].valueCoding?.code?.match(/^\d+$/));
    scaleAnswer.answer = [{ valueCoding: { system: 'urn:x', code: '99' } }];
    const bad = await post(offScale);
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].message).toContain(`„${scaleAnswer.linkId}“`);

    const noHeader = await post({
      ...qr,
      extension: [],
      authored: undefined,
    });
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.error.issues.map((i: any) => i.path).sort()).toEqual([
      'date',
      'occasion',
      'perspective',
    ]);
    expect((await post({ ...qr, status: 'entered-in-error' })).status).toBe(400);
    expect((await post({ resourceType: 'Patient' })).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('[trust #17] is for caseworkers and leads on visible clients only (403 for coordinators, 404 for another agency’s client)', async () => {
    const a = await professionalAssessment(clientA);
    const qr = (await guide.get(`/api/assessments/${a.id}/fhir`)).body;
    const coordinator = t.client();
    await coordinator.login(DEMO.coordinator);
    expect((await coordinator.post(`/api/clients/${clientB}/assessments/import/fhir`, qr)).status).toBe(403);
    expect((await guide.post(`/api/clients/${foreignClient}/assessments/import/fhir`, qr)).status).toBe(404);
    const lead = t.client();
    await lead.login(DEMO.lead);
    expect((await lead.post(`/api/clients/${clientB}/assessments/import/fhir`, qr)).status).toBe(201);
  });

  it('[trust #17] is described in the OpenAPI document with its request body and 201 response', async () => {
    const doc = (await guide.get('/api/openapi.json')).body;
    const op = doc.paths['/api/clients/{id}/assessments/import/fhir']?.post;
    expect(op?.requestBody?.content?.['application/json']?.schema).toBeDefined();
    expect(Object.keys(op?.responses ?? {})).toContain('201');
  });
});
