import { reliableChange, teilhabeBogenV1 } from '@lotse/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { hashPassword } from '../auth/password-hash.ts';

/** The system instrument "Teilhabe-Bogen" v1 (migration 003). */
const TEILHABE_BOGEN = '7e11ab0e-0000-4000-8000-000000000001';

let t: TestApp;
let lead: TestClient;
let coordinator: TestClient;
const agency: Record<'en' | 'mk', string> = { en: '', mk: '' };

const agencyId = async (name: string) =>
  (await t.ctx.db.query<{ id: string }>('SELECT id FROM agencies WHERE name = $1', [name])).rows[0]
    ?.id as string;

/** A further demo-style user of the EN agency (each requester has its own release memory). */
async function newUser(roles: string[]): Promise<TestClient> {
  seq += 1;
  const email = `eval${seq}@jc-en.example`;
  await t.ctx.db.query(
    `INSERT INTO users (agency_id, email, display_name, roles, status, password_hash, password_changed_at, is_demo,
                        created_at, updated_at)
     VALUES ($1, $2, 'Eval', $3, 'active', $4, now(), true, now(), now())`,
    [agency.en, email, roles, await hashPassword('Lotse-Demo-2026')],
  );
  const c = t.client();
  await c.login(email);
  return c;
}

const mkClients: string[] = [];

let seq = 0;
async function newClient(
  agencyKey: 'en' | 'mk',
  attrs: { gender?: string; district?: string; severe?: boolean | null } = {},
): Promise<string> {
  seq += 1;
  const r = await t.ctx.db.query<{ id: string }>(
    `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, gender, district,
                          severe_disability, created_at, updated_at)
     VALUES ($1, $2, 'Eva', $3, '1980-05-01', $4, $5, $6, now(), now()) RETURNING id`,
    [
      agency[agencyKey],
      `EV-${seq}`,
      `Kohorte${seq}`,
      attrs.gender ?? 'female',
      attrs.district ?? 'Witten',
      attrs.severe ?? null,
    ],
  );
  return r.rows[0]?.id as string;
}

async function assessment(
  agencyKey: 'en' | 'mk',
  clientId: string,
  occasion: 'intake' | 'follow_up' | 'exit',
  date: string,
  health: number | null,
  total: number | null,
  perspective: 'self' | 'professional' = 'professional',
) {
  const scores = [
    { dimension: 'health', kind: 'area', score: health, answered: 4, items: 4, need: null, workOn: null },
  ];
  await t.ctx.db.query(
    `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on, status,
                              scores, total_score, created_at, updated_at, completed_at)
     VALUES ($1, $2, $3, $4, $5, 'together', $6, 'completed', $7, $8, now(), now(), now())`,
    [agency[agencyKey], clientId, TEILHABE_BOGEN, occasion, perspective, date, JSON.stringify(scores), total],
  );
}

// The paired data set of the domain tests; expected figures from SciPy (see evaluation.test.ts there).
const T0 = [40, 30, 50, 20, 60, 35, 45];
const T1 = [55, 38, 49, 45, 70, 35, 60];
const healthRef = teilhabeBogenV1.dimensions.find((d) => d.key === 'health')?.reference as {
  sd: number;
  reliability: number;
};

beforeAll(async () => {
  t = await startTestApp();
  agency.en = await agencyId('Jobcenter EN (Demo)');
  agency.mk = await agencyId('Jobcenter Maerkischer Kreis (Demo)');
  lead = t.client();
  await lead.login(DEMO.lead);
  coordinator = t.client();
  await coordinator.login(DEMO.coordinator);
  for (let i = 0; i < T0.length; i++) {
    // One man among seven; the last two live in Hattingen.
    const c = await newClient('en', {
      gender: i === 3 ? 'male' : 'female',
      district: i >= 5 ? 'Hattingen' : 'Witten',
      severe: i < 2,
    });
    await assessment('en', c, 'intake', '2026-01-10', T0[i] as number, T0[i] as number);
    await assessment('en', c, 'follow_up', '2026-02-10', 99, 99);
    await assessment('en', c, 'follow_up', '2026-02-20', T1[i] as number, T1[i] as number);
    // Another perspective never pairs with the professional view.
    await assessment('en', c, 'follow_up', '2026-02-21', 0, 0, 'self');
  }
  // Attrition: two intakes without any later assessment (intake totals 20 and 30).
  for (const total of [20, 30]) {
    const c = await newClient('en');
    await assessment('en', c, 'intake', '2026-01-12', total, total);
  }
  // Another agency's clients never enter the own agency's cohort - only a programme's, as aggregates.
  for (let i = 0; i < 6; i++) {
    const c = await newClient('mk');
    mkClients.push(c);
    await assessment('mk', c, 'intake', '2026-01-10', 10, 10);
    await assessment('mk', c, 'follow_up', '2026-02-10', 90, 90);
  }
});
afterAll(() => t.close());

describe('GET /api/reports/cohort', () => {
  it('computes n, means, the paired t interval, SRM and RCI classes of the own agency only', async () => {
    const res = await lead.get('/api/reports/cohort');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.dimensions.length).toBeGreaterThanOrEqual(12);
    const health = res.body.dimensions.find((d: { key: string }) => d.key === 'health');
    expect(health.n).toBe(7);
    expect(health.meanT0).toBeCloseTo(40, 9);
    expect(health.meanT1).toBeCloseTo(50.285714285714285, 9);
    expect(health.meanChange).toBeCloseTo(10.285714285714286, 9);
    expect(health.ci95[0]).toBeCloseTo(1.847892059057095, 6);
    expect(health.ci95[1]).toBeCloseTo(18.723536512371478, 6);
    expect(health.srm).toBeCloseTo(1.1273879527236346, 6);
    const classes = T0.map((x, i) => reliableChange(x, T1[i] as number, healthRef, 1.96).class);
    expect(health.improved).toBe(classes.filter((c) => c === 'improved').length);
    expect(health.worsened).toBe(classes.filter((c) => c === 'worsened').length);
    expect(health.improved + health.unchanged + health.worsened).toBe(7);
    // Fewer than 100 intake assessments: the instrument's defaults, and the report says so.
    const ref = res.body.reference.dimensions.find((d: { key: string }) => d.key === 'health');
    expect(ref).toMatchObject({
      source: 'instrument_default',
      sd: healthRef.sd,
      reliability: healthRef.reliability,
    });
    expect(res.body.reference.source).toBe('instrument_default');
    // Dimensions without data: n = 0, no figures.
    const housing = res.body.dimensions.find((d: { key: string }) => d.key === 'housing');
    expect(housing).toMatchObject({ n: 0, meanChange: null, ci95: null });
  });

  it('reports attrition with the intake means of those who stayed and those who did not', async () => {
    const res = await lead.get('/api/reports/cohort');
    // The two who dropped are fewer than 5; with the intake count public, hiding them alone would be
    // recomputable (9 - 7), so secondary suppression hides the stayed count too.
    expect(res.body.attrition).toMatchObject({
      intake: 9,
      stayed: { suppressed: true },
      dropped: { suppressed: true },
      intakeMeanDropped: { suppressed: true },
    });
  });

  it('hides every figure of a cohort below the threshold with one neutral mark', async () => {
    const res = await lead.get('/api/reports/cohort?district=Hattingen');
    expect(res.status).toBe(200);
    for (const d of [...res.body.dimensions, res.body.total]) {
      if (d.n === 0) continue;
      expect(d.suppressed).toBe(true);
      for (const k of [
        'n',
        'meanT0',
        'meanT1',
        'meanChange',
        'ci95',
        'srm',
        'improved',
        'unchanged',
        'worsened',
      ])
        expect(d[k], `${d.key}.${k}`).toEqual({ suppressed: true });
    }
    expect(JSON.stringify(res.body.dimensions)).not.toMatch(/"n":[1-4],/);
  });

  it('refuses a cohort that differs from a recently released one by fewer than the threshold (differencing)', async () => {
    const all = await coordinator.get('/api/reports/cohort');
    expect(all.status).toBe(200);
    // "All but the one man" would reveal his change by subtraction.
    const women = await coordinator.get('/api/reports/cohort?gender=female');
    expect(women.status).toBe(409);
    expect(JSON.stringify(women.body)).not.toMatch(/meanChange/);
    const denied = await t.ctx.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'reports.cohort' AND outcome = 'denied'`,
    );
    expect(denied.rowCount).toBeGreaterThan(0);
    // The same cohort again is fine.
    expect((await coordinator.get('/api/reports/cohort')).status).toBe(200);
  });

  it('rejects unknown filters and bad values with 400', async () => {
    expect((await lead.get('/api/reports/cohort?gender=robot')).status).toBe(400);
    expect((await lead.get('/api/reports/cohort?from=2026-05-01&to=2026-01-01')).status).toBe(400);
    expect((await lead.get('/api/reports/cohort?name=Kohorte1')).status).toBe(400);
  });

  it('is refused to caseworkers and researchers', async () => {
    for (const email of [DEMO.caseworker, DEMO.researcher]) {
      const c = t.client();
      await c.login(email);
      expect((await c.get('/api/reports/cohort')).status).toBe(403);
    }
  });

  it('serves the report as PDF and XLSX and audits each', async () => {
    const c = t.client();
    await c.login(DEMO.lead);
    const pdf = await c.get('/api/reports/cohort.pdf');
    expect(pdf.status).toBe(200);
    expect(String(pdf.body).slice(0, 5)).toBe('%PDF-');
    const xlsx = await fetch(`${t.baseUrl}/api/reports/cohort.xlsx`, {
      headers: { cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const audited = await t.ctx.db.query<{ details: { format: string } }>(
      `SELECT details FROM audit_log WHERE action = 'reports.cohort' AND outcome = 'success'`,
    );
    const formats = audited.rows.map((r) => r.details.format);
    expect(formats).toContain('pdf');
    expect(formats).toContain('xlsx');
  });
});

describe('programme-wide cohorts', () => {
  it('cover every participating agency for the managing agency, through aggregates only', async () => {
    const programme = (
      await t.ctx.db.query<{ id: string }>(
        `INSERT INTO programmes (owner_agency_id, name, funding_source, starts_on, ends_on, created_at, updated_at)
         VALUES ($1, 'Kohorten-Programm', 'state', '2025-01-01', '2027-12-31', now(), now()) RETURNING id`,
        [agency.en],
      )
    ).rows[0]?.id as string;
    await t.ctx.db.query(
      `INSERT INTO programme_agencies (programme_id, agency_id, role) VALUES ($1, $2, 'owner'), ($1, $3, 'participant')`,
      [programme, agency.en, agency.mk],
    );
    for (const c of mkClients)
      await t.ctx.db.query(
        `INSERT INTO enrolments (agency_id, programme_id, client_id, status, registered_on, entry_date, created_at, updated_at)
         VALUES ($1, $2, $3, 'active', '2026-01-01', '2026-01-05', now(), now())`,
        [agency.mk, programme, c],
      );
    const c = await newUser(['coordinator']);
    const res = await c.get(`/api/reports/cohort?programmeId=${programme}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const health = res.body.dimensions.find((d: { key: string }) => d.key === 'health');
    expect(health).toMatchObject({ n: 6, meanT0: 10, meanT1: 90, meanChange: 80 });
    // Narrowed to the own agency: nobody of the programme is there.
    const own = await c.get(`/api/reports/cohort?programmeId=${programme}&agencyId=${agency.en}`);
    expect(own.body.dimensions.find((d: { key: string }) => d.key === 'health').n).toBe(0);
  });

  it('never hand the member list to the application role', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await tx.query(
          `SELECT set_config('lotse.agency_id', $1, true), set_config('role', 'lotse_app', true)`,
          [agency.en],
        );
        await tx.query(`SELECT * FROM lotse_cohort_pairs('teilhabe_bogen', '{}'::jsonb)`);
      }),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('GET /api/reports/cohort/compare', () => {
  it('says plainly when a group is too small to compare', async () => {
    const c = await newUser(['coordinator']);
    const res = await c.get('/api/reports/cohort/compare?by=disability');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const health = res.body.dimensions.find((d: { key: string }) => d.key === 'health');
    expect(health.tooSmall).toBe(true);
    expect(health.difference).toEqual({ suppressed: true });
  });
});

describe('GET /api/reports/outcomes and /funnel', () => {
  it('answer with suppressed cells for a small agency and count the own cases only', async () => {
    const clientId = await newClient('en');
    await t.ctx.db.query(
      `INSERT INTO cases (agency_id, client_id, status, opened_on, closed_on, outcome, created_at)
       VALUES ($1, $2, 'closed', '2026-01-05', '2026-02-15', 'employment', now())`,
      [agency.en, clientId],
    );
    const outcomes = await lead.get('/api/reports/outcomes?from=2026-01-01&to=2026-02-28');
    expect(outcomes.status, JSON.stringify(outcomes.body)).toBe(200);
    expect(outcomes.body.closures).toEqual({ suppressed: true });
    expect(outcomes.body.daysToOutcome.median).toEqual({ suppressed: true });
    const funnel = await lead.get('/api/reports/funnel?from=2026-01-01&to=2026-02-28');
    expect(funnel.status).toBe(200);
    expect(funnel.body.steps[0]).toMatchObject({ key: 'intake', count: { suppressed: true } });
  });
});

describe('the score table behind the cohort report (assessment_facts)', () => {
  it('follows completion, amendment and deletion of an assessment in the same transaction', async () => {
    const guide = t.client();
    await guide.login(DEMO.caseworker);
    const instrument = (await guide.get('/api/instruments')).body.items.find(
      (i: { id: string }) => i.id === TEILHABE_BOGEN,
    );
    const answersAt = (end: 'lo' | 'hi') => {
      const answers: Record<string, number> = {};
      for (const d of instrument.dimensions)
        for (const i of d.items) {
          if (!i.scale || !i.texts.professional) continue;
          const values = i.scale.options.map((o: { value: number }) => o.value);
          answers[i.key] = end === 'lo' ? Math.min(...values) : Math.max(...values);
        }
      return answers;
    };
    const record = async (clientId: string, occasion: string, date: string, end: 'lo' | 'hi', extra = {}) => {
      const res = await guide.post(`/api/clients/${clientId}/assessments`, {
        instrumentId: TEILHABE_BOGEN,
        occasion,
        perspective: 'professional',
        mode: 'together',
        date,
        answers: answersAt(end),
        ...extra,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; scores: { dimension: string; score: number | null }[] };
    };
    const scoreOf = (a: { scores: { dimension: string; score: number | null }[] }, key: string) =>
      a.scores.find((s) => s.dimension === key)?.score as number;
    // Six people of a district nobody else lives in: intake and follow-up at the lowest answers,
    // the sixth one's follow-up still a draft.
    const followUps: { id: string }[] = [];
    const people: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await newClient('en', { district: 'Breckerfeld' });
      people.push(c);
      await record(c, 'intake', '2025-03-01', 'lo');
      followUps.push(await record(c, 'follow_up', '2025-09-01', 'lo', i === 5 ? { status: 'draft' } : {}));
    }
    const low = scoreOf(await record(people[0] as string, 'follow_up', '2025-08-01', 'lo'), 'health');
    const report = async () => {
      const res = await (await newUser(['lead'])).get('/api/reports/cohort?district=Breckerfeld');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    let r = await report();
    expect(r.attrition.intake).toBe(6);
    expect(r.dimensions.find((d: { key: string }) => d.key === 'health')).toMatchObject({
      n: 5,
      meanT0: low,
      meanChange: 0,
    });

    // Completing the draft adds the sixth pair at once.
    expect((await guide.post(`/api/assessments/${followUps[5]?.id}/complete`)).status).toBe(200);
    r = await report();
    expect(r.dimensions.find((d: { key: string }) => d.key === 'health').n).toBe(6);

    // An amendment (highest answers instead of the lowest) changes the figures in the same request.
    const amended = await guide.post(`/api/assessments/${followUps[0]?.id}/amendments`, {
      answers: answersAt('hi'),
      reason: 'Übertragungsfehler vom Papierbogen',
    });
    expect(amended.status, JSON.stringify(amended.body)).toBe(201);
    const high = scoreOf(amended.body, 'health');
    expect(high).not.toBe(low);
    r = await report();
    const health = r.dimensions.find((d: { key: string }) => d.key === 'health');
    expect(health.n).toBe(6);
    expect(health.meanT1).toBeCloseTo((5 * low + high) / 6, 9);
    expect(health.meanChange).toBeCloseTo((high - low) / 6, 9);

    // Deleting an assessment takes its row along; the table always equals the stored assessments.
    await t.ctx.db.query('DELETE FROM assessments WHERE id = $1', [followUps[1]?.id]);
    const mismatch = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n
         FROM (SELECT id, agency_id, client_id, instrument_id, perspective, occasion, assessed_on, total_score, scores
                 FROM assessments WHERE status = 'completed') a
         JOIN instruments i ON i.id = a.instrument_id
         FULL JOIN assessment_facts f ON f.assessment_id = a.id
        WHERE a.id IS NULL OR f.assessment_id IS NULL
           OR (f.agency_id, f.client_id, f.instrument_id, f.perspective, f.occasion, f.assessed_on)
              IS DISTINCT FROM (a.agency_id, a.client_id, a.instrument_id, a.perspective, a.occasion, a.assessed_on)
           OR f.total IS DISTINCT FROM a.total_score
           OR f.scores IS DISTINCT FROM lotse_score_vector(lotse_dimension_keys(i.definition), a.scores)`,
    );
    expect(mismatch.rows[0]?.n).toBe(0);
    const rows = await t.ctx.db.query('SELECT 1 FROM assessment_facts WHERE assessment_id = $1', [
      followUps[1]?.id,
    ]);
    expect(rows.rowCount).toBe(0);
  });

  it('is not readable by the application role', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await tx.query(
          `SELECT set_config('lotse.agency_id', $1, true), set_config('role', 'lotse_app', true)`,
          [agency.en],
        );
        await tx.query('SELECT * FROM assessment_facts');
      }),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('the process funnel', () => {
  it("counts a follow-up as on time within the instrument version's own interval", async () => {
    // A version of the own agency with a 2-month follow-up interval (on time: within 3 months).
    const short = (
      await t.ctx.db.query<{ id: string }>(
        `INSERT INTO instruments (agency_id, key, version, status, definition, created_at, updated_at, published_at)
         SELECT $1, 'kurzintervall', 1, 'published', jsonb_set(definition, '{scoring,followUpMonths}', '2'),
                now(), now(), now()
           FROM instruments WHERE id = $2 RETURNING id`,
        [agency.en, TEILHABE_BOGEN],
      )
    ).rows[0]?.id as string;
    const scores = JSON.stringify([{ dimension: 'health', kind: 'area', score: 50 }]);
    for (let i = 0; i < 10; i++) {
      const c = await newClient('en');
      await t.ctx.db.query(
        `INSERT INTO cases (agency_id, client_id, status, opened_on, created_at) VALUES ($1, $2, 'open', '2019-03-04', now())`,
        [agency.en, c],
      );
      // Five follow-ups after 2.5 months (on time), five after 4 months (late for this version,
      // on time for the fixed 6 months counted before).
      for (const [occasion, date] of [
        ['intake', '2019-03-05'],
        ['follow_up', i < 5 ? '2019-05-20' : '2019-07-05'],
      ])
        await t.ctx.db.query(
          `INSERT INTO assessments (agency_id, client_id, instrument_id, occasion, perspective, mode, assessed_on,
                                    status, scores, total_score, created_at, updated_at, completed_at)
           VALUES ($1, $2, $3, $4, 'professional', 'together', $5, 'completed', $6, 50, now(), now(), now())`,
          [agency.en, c, short, occasion, date, scores],
        );
    }
    const funnel = await lead.get('/api/reports/funnel?from=2019-03-01&to=2019-03-31');
    expect(funnel.status, JSON.stringify(funnel.body)).toBe(200);
    const step = (key: string) => funnel.body.steps.find((s: { key: string }) => s.key === key);
    expect(step('intake').count).toBe(10);
    expect(step('follow_up_on_time').count).toBe(5);
  });
});
