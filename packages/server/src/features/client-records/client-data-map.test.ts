import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { CLIENT_DATA, DERIVED_CLIENT_DATA, rowsOfClient } from './client-data-map.ts';

// The erasure map and the GDPR export against the real schema: every table that holds data about a
// client must be in the map (with a rule for each text/JSON column and a place in the export), and
// a fully filled record must come out complete in the export and without a trace after anonymisation.

let t: TestApp;
let cw: TestClient;
let lead: TestClient;
let coordinator: TestClient;
let drv: TestClient;
const offerIds: string[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'lotse-gdpr-'));

beforeAll(async () => {
  t = await startTestApp();
  [cw, lead, coordinator, drv] = [t.client(), t.client(), t.client(), t.client()];
  await Promise.all([
    cw.login(DEMO.caseworker),
    lead.login(DEMO.lead),
    coordinator.login(DEMO.coordinator),
    drv.login(DEMO.caseworkerDrv),
  ]);
  const partner = await cw.post('/api/partners', {
    name: 'Treffpunkt',
    kind: 'welfare',
    districts: ['witten'],
  });
  for (const title of ['Frauentreff', 'Sportgruppe']) {
    const offer = await cw.post('/api/offers', {
      title,
      partnerId: partner.body.id,
      dimensions: ['social_contacts'],
      district: 'witten',
    });
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    offerIds.push(offer.body.id);
  }
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

/**
 * Tables holding data about a client, from the catalogue: every table whose foreign key points to
 * clients or to such a table (transitively), and every table with a client_id column (the audit log
 * names the client without a foreign key). Maps each to how it was reached.
 */
async function clientTables(db: Database): Promise<Map<string, string>> {
  const fks = await db.query<{ child: string; parent: string; column: string }>(
    `SELECT c.relname AS child, p.relname AS parent, a.attname AS column
       FROM pg_constraint f
       JOIN pg_class c ON c.oid = f.conrelid
       JOIN pg_class p ON p.oid = f.confrelid
       JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = ANY (f.conkey)
      WHERE f.contype = 'f' AND f.connamespace = 'public'::regnamespace`,
  );
  const reached = new Map<string, string>([['clients', 'the client row']]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const fk of fks.rows)
      if (reached.has(fk.parent) && !reached.has(fk.child)) {
        reached.set(fk.child, `${fk.child}.${fk.column} -> ${fk.parent}`);
        grew = true;
      }
  }
  const named = await db.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.column_name = 'client_id' AND t.table_type = 'BASE TABLE'`,
  );
  for (const r of named.rows)
    if (!reached.has(r.table_name)) reached.set(r.table_name, `${r.table_name}.client_id`);
  return reached;
}

/** Columns that can hold text: text, character, json and jsonb, and arrays of them. */
async function textColumns(db: Database, table: string) {
  return (
    await db.query<{ column_name: string; udt_name: string }>(
      `SELECT column_name, udt_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1
          AND udt_name IN ('text', 'varchar', 'bpchar', 'json', 'jsonb', '_text', '_varchar', '_bpchar', '_json', '_jsonb')
        ORDER BY ordinal_position`,
      [table],
    )
  ).rows;
}

describe('the erasure map covers the schema', () => {
  it('[trust #4] every table that references a client, and each of its text and JSON columns, has an erasure rule', async () => {
    const problems: string[] = [];
    const tables = await clientTables(t.ctx.db);
    for (const [table, how] of tables) {
      const entry = CLIENT_DATA[table] ?? DERIVED_CLIENT_DATA[table];
      if (!entry) {
        problems.push(
          `table ${table} (${how}) holds client data but is missing in CLIENT_DATA (client-data-map.ts)`,
        );
        continue;
      }
      for (const c of await textColumns(t.ctx.db, table))
        if (!entry.columns[c.column_name])
          problems.push(
            `column ${table}.${c.column_name} (${c.udt_name}) has no erasure rule in CLIENT_DATA.${table}.columns`,
          );
    }
    for (const [table, entry] of Object.entries(CLIENT_DATA)) {
      if (!tables.has(table)) problems.push(`CLIENT_DATA.${table}: no such table referencing a client`);
      const columns = await t.ctx.db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
        [table],
      );
      const existing = new Set(columns.rows.map((r) => r.column_name));
      for (const column of Object.keys(entry.columns))
        if (!existing.has(column)) problems.push(`CLIENT_DATA.${table}.columns.${column}: no such column`);
      if (entry.belongs !== 'self' && !existing.has(entry.belongs.column))
        problems.push(`CLIENT_DATA.${table}.belongs: no column ${entry.belongs.column}`);
      for (const [column, r] of Object.entries(entry.columns))
        if (r.rule === 'keep' && r.reason.trim().length < 10)
          problems.push(`CLIENT_DATA.${table}.columns.${column}: say why it is kept`);
    }
    for (const [table, entry] of Object.entries(DERIVED_CLIENT_DATA)) {
      if (!tables.has(table))
        problems.push(`DERIVED_CLIENT_DATA.${table}: no such table referencing a client`);
      if (CLIENT_DATA[table]) problems.push(`${table} is in both CLIENT_DATA and DERIVED_CLIENT_DATA`);
      if (entry.from.length === 0) problems.push(`DERIVED_CLIENT_DATA.${table}: name its source tables`);
      for (const source of entry.from)
        if (!CLIENT_DATA[source])
          problems.push(`DERIVED_CLIENT_DATA.${table}.from: ${source} is not in CLIENT_DATA`);
      for (const [column, r] of Object.entries(entry.columns))
        if (r.reason.trim().length < 10)
          problems.push(`DERIVED_CLIENT_DATA.${table}.columns.${column}: say why`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('[trust #5] every table that references a client has a place in the GDPR export', async () => {
    const missing = [...(await clientTables(t.ctx.db)).entries()]
      .filter(([table]) => !DERIVED_CLIENT_DATA[table] && !CLIENT_DATA[table]?.exportedAt)
      .map(([table, how]) => `table ${table} (${how}) has no exportedAt path in CLIENT_DATA`);
    expect(missing, missing.join('\n')).toEqual([]);
  });
});

const today = () => t.clock.now().toISOString().slice(0, 10);

/** Every scale item of the instrument answered with its lowest value (professional perspective). */
function lowestAnswers(instrument: any, perspective: 'self' | 'professional') {
  const answers: Record<string, number> = {};
  for (const d of instrument.dimensions)
    for (const i of d.items) {
      if (!i.scale || !i.texts[perspective]) continue;
      answers[i.key] = Math.min(...i.scale.options.map((o: { value: number }) => o.value));
    }
  return answers;
}

/**
 * A client of Jobcenter EN with a row in every table that holds client data, written through the API:
 * consents, a sharing with the DRV (which reads the record), goals, contacts, an amended assessment, a
 * self-assessment link with a draft, referrals (one dropped), an over-booked enrolment with an
 * expenditure, and a case closed, re-opened and closed again. Extend it when a table is added.
 */
async function fullRecord(name: string): Promise<string> {
  const ok = (res: { status: number; body: unknown }, what: string) => {
    expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body as any;
  };
  const client = ok(
    await cw.post('/api/clients', {
      firstName: 'Rita',
      lastName: name,
      birthDate: '1971-05-06',
      phone: '02302 1234',
      email: 'rita@example.org',
      address: 'Hauptstraße 1, 58452 Witten',
      preferredLanguage: 'Türkisch',
      district: 'Witten',
      allowDuplicate: true,
    }),
    'client',
  );
  const id = client.id as string;
  const drvId = (await cw.get('/api/partner-agencies')).body.items.find(
    (a: { kind: string }) => a.kind === 'pension_insurance',
  ).id;
  for (const purpose of ['self_assessment', 'research'])
    ok(await cw.post(`/api/clients/${id}/consents`, { purpose, form: 'written', date: today() }), purpose);
  ok(
    await cw.post(`/api/clients/${id}/consents`, {
      purpose: 'sharing',
      form: 'written',
      date: today(),
      partnerAgencyId: drvId,
    }),
    'sharing consent',
  );
  ok(await cw.post(`/api/clients/${id}/share`, { partnerAgencyId: drvId }), 'share');
  ok(await drv.get(`/api/clients/${id}`), 'partner reads');

  const goal = ok(
    await cw.post(`/api/clients/${id}/goals`, {
      title: 'Jeden Dienstag zum Frauentreff',
      dimension: 'health',
      targetDate: '2026-08-01',
      steps: ['Adresse heraussuchen'],
    }),
    'goal',
  );
  ok(await cw.patch(`/api/goals/${goal.id}`, { review: 'Läuft gut mit der Nachbarin' }), 'goal review');
  ok(
    await cw.post(`/api/clients/${id}/contacts`, { type: 'meeting', date: today(), note: 'Notiz' }),
    'contact',
  );

  const instrument = (await cw.get('/api/instruments')).body.items[0];
  const assessment = ok(
    await cw.post(`/api/clients/${id}/assessments`, {
      instrumentId: instrument.id,
      occasion: 'intake',
      perspective: 'professional',
      mode: 'together',
      date: today(),
      answers: lowestAnswers(instrument, 'professional'),
    }),
    'assessment',
  );
  const corrected = { ...lowestAnswers(instrument, 'professional') };
  const firstKey = Object.keys(corrected)[0] as string;
  corrected[firstKey] = (corrected[firstKey] ?? 0) + 1;
  ok(
    await cw.post(`/api/assessments/${assessment.id}/amendments`, {
      answers: corrected,
      reason: 'Übertragungsfehler',
    }),
    'amendment',
  );
  const link = ok(
    await cw.post(`/api/clients/${id}/self-assessment-links`, {
      instrumentId: instrument.id,
      occasion: 'intake',
    }),
    'self-assessment link',
  );
  const selfKey = Object.keys(lowestAnswers(instrument, 'self'))[0] as string;
  ok(
    await t
      .client()
      .request('PUT', `/api/self-assessment/${link.token}/draft`, { answers: { [selfKey]: 1 } }),
    'draft',
  );

  ok(
    await cw.post(`/api/clients/${id}/referrals`, {
      offerId: offerIds[0],
      note: 'Notiz',
      overrideCapacity: true,
    }),
    'referral',
  );
  const dropped = ok(
    await cw.post(`/api/clients/${id}/referrals`, { offerId: offerIds[1], overrideCapacity: true }),
    'second referral',
  );
  ok(await cw.post(`/api/referrals/${dropped.id}/feedback-links`, {}), 'referral feedback link');
  ok(
    await cw.patch(`/api/referrals/${dropped.id}`, {
      status: 'dropped',
      reason: 'Kein Interesse',
      feedback: 'Nie da',
    }),
    'referral dropped',
  );

  const programme = async (agencies: unknown[]) =>
    ok(
      await coordinator.post('/api/programmes', {
        name: `Programm ${randomUUID().slice(0, 8)}`,
        fundingSource: 'esf',
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        agencies,
      }),
      'programme',
    ).programme as { id: string };
  // The partner agency enrols the shared client too: that row belongs to the DRV, not the owner.
  const drvProgramme = await programme([
    { agencyId: drvId, role: 'participant', places: [{ year: 2026, places: 5 }] },
  ]);
  ok(
    await drv.post(`/api/programmes/${drvProgramme.id}/enrolments`, {
      clientId: id,
      entryDate: today(),
      employer: 'Reha-Werkstatt',
    }),
    'partner enrolment',
  );
  const ownProgramme = await programme([]);
  const enrolment = ok(
    await lead.post(`/api/programmes/${ownProgramme.id}/enrolments`, {
      clientId: id,
      entryDate: today(),
      employer: 'Bäckerei',
      project: 'Projekt',
      overbookingReason: 'Dringender Fall',
    }),
    'enrolment',
  ).enrolment;
  ok(
    await coordinator.post(`/api/programmes/${ownProgramme.id}/expenditures`, {
      fundingLine: 'participant_costs',
      amount: '12.50',
      date: today(),
      reference: 'B-17',
      enrolmentId: enrolment.id,
    }),
    'expenditure',
  );

  ok(
    await cw.post(`/api/clients/${id}/close`, { outcome: 'employment', date: today(), reason: 'Arbeit' }),
    'close',
  );
  ok(await cw.post(`/api/clients/${id}/reopen`, { date: today(), reason: 'Arbeit verloren' }), 'reopen');
  ok(
    await cw.post(`/api/clients/${id}/close`, { outcome: 'employment', date: today(), reason: 'Arbeit' }),
    'close',
  );
  return id;
}

/** Writes the marker into every column the map clears or replaces, in every row of the client. */
async function fillWithMarker(clientId: string, marker: string) {
  const problems: string[] = [];
  for (const [table, entry] of Object.entries(CLIENT_DATA)) {
    const rows = rowsOfClient(table);
    const count = await t.ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${table} WHERE ${rows}`,
      [clientId],
    );
    if (!count.rows[0]?.n) problems.push(`fullRecord() writes no ${table} row for the client; extend it`);
    const types = new Map((await textColumns(t.ctx.db, table)).map((c) => [c.column_name, c.udt_name]));
    for (const [column, r] of Object.entries(entry.columns)) {
      const type = types.get(column);
      if (r.rule === 'keep' || !type) continue;
      const value =
        type === 'jsonb' || type === 'json'
          ? `CASE jsonb_typeof(${column}::jsonb) WHEN 'array' THEN jsonb_build_array($2::text)
                  ELSE jsonb_build_object('m', $2::text) END::${type}`
          : type.startsWith('_')
            ? `ARRAY[$2::text]::${type}`
            : '$2::text';
      // A replaced column keeps NULL (a CHECK may forbid a value there); a cleared one may take any.
      const where = r.rule === 'replace' ? ` AND ${column} IS NOT NULL` : '';
      // Triggers off (superuser): the amendment guard lets only anonymisation change a reason.
      const filled = await t.ctx.db.transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        return tx.query(`UPDATE ${table} SET ${column} = ${value} WHERE ${rows}${where}`, [clientId, marker]);
      });
      if (!filled.rowCount) problems.push(`fullRecord() leaves ${table}.${column} empty; give it a value`);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
}

/** Every row anywhere in the tables holding client data that still contains the marker. */
async function traces(marker: string) {
  const found: string[] = [];
  for (const table of (await clientTables(t.ctx.db)).keys()) {
    const rows = await t.ctx.db.query<{ row: string }>(
      `SELECT x::text AS row FROM ${table} x WHERE strpos(x::text, $1) > 0`,
      [marker],
    );
    for (const r of rows.rows) found.push(`${table}: ${r.row}`);
  }
  return found;
}

describe('anonymisation and erasure leave nothing personal', () => {
  it('[trust #4] anonymisation clears or overwrites every mapped column in every table, also amendment reasons, self-assessment drafts and a partner agency’s enrolment', async () => {
    const marker = `MARK${randomUUID().slice(0, 8)}`;
    const clientId = await fullRecord(`Anon-${marker}`);
    await fillWithMarker(clientId, marker);
    expect((await traces(marker)).length).toBeGreaterThan(10);

    const res = await lead.post(`/api/clients/${clientId}/erase`, {
      mode: 'anonymise',
      reason: 'data_subject_request',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const left = await traces(marker);
    expect(left, left.join('\n')).toEqual([]);

    // What statistics need stays: outcome, scores, the amendment itself, the enrolment and its costs.
    const kept = await t.ctx.db.query<{ outcome: string; scored: number; amended: number; spent: number }>(
      `SELECT (SELECT outcome FROM cases WHERE client_id = $1 ORDER BY created_at DESC LIMIT 1) AS outcome,
              (SELECT count(*)::int FROM assessments WHERE client_id = $1 AND jsonb_array_length(scores) > 0) AS scored,
              (SELECT count(*)::int FROM assessment_amendments WHERE client_id = $1 AND reason = 'Anonymisiert') AS amended,
              (SELECT count(*)::int FROM expenditures e JOIN enrolments n ON n.id = e.enrolment_id
                WHERE n.client_id = $1) AS spent`,
      [clientId],
    );
    expect(kept.rows[0]).toEqual({ outcome: 'employment', scored: 1, amended: 1, spent: 1 });
    const referrals = await lead.get(`/api/clients/${clientId}/referrals`);
    expect(referrals.body.items.map((r: { note: string | null }) => r.note)).toEqual([null, null]);
  });

  it('[trust #4] erasure removes the record and leaves no marker in the rows that outlive it', async () => {
    const marker = `MARK${randomUUID().slice(0, 8)}`;
    const clientId = await fullRecord(`Erase-${marker}`);
    await fillWithMarker(clientId, marker);
    const res = await lead.post(`/api/clients/${clientId}/erase`, {
      mode: 'erase',
      reason: 'data_subject_request',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    const left = await traces(marker);
    expect(left, left.join('\n')).toEqual([]);
    expect((await t.ctx.db.query('SELECT 1 FROM clients WHERE id = $1', [clientId])).rowCount).toBe(0);
  });

  it('refuses the anonymisation function for a client that is not anonymised or not the agency’s own, and keeps amendments a record', async () => {
    const created = await cw.post('/api/clients', {
      firstName: 'Gerd',
      lastName: 'Wache',
      birthDate: '1960-01-01',
    });
    const clientId = created.body.id as string;
    await cw.post(`/api/clients/${clientId}/contacts`, { type: 'phone', date: today(), note: 'Notiz' });
    const instrument = (await cw.get('/api/instruments')).body.items[0];
    const answers = lowestAnswers(instrument, 'professional');
    const assessment = await cw.post(`/api/clients/${clientId}/assessments`, {
      instrumentId: instrument.id,
      occasion: 'intake',
      perspective: 'professional',
      mode: 'together',
      date: today(),
      answers,
    });
    const key = Object.keys(answers)[0] as string;
    const amended = await cw.post(`/api/assessments/${assessment.body.id}/amendments`, {
      answers: { ...answers, [key]: (answers[key] ?? 0) + 1 },
      reason: 'Tippfehler',
    });
    expect(amended.status).toBe(201);
    const asApp = (agencyEmail: string, sql: string) =>
      t.ctx.db.transaction(async (tx) => {
        await tx.query(
          `SELECT set_config('lotse.agency_id', (SELECT agency_id::text FROM users WHERE email = $1), true),
                  set_config('role', 'lotse_app', true)`,
          [agencyEmail],
        );
        return tx.query(sql, [clientId]);
      });
    const anonymiseNotes = `SELECT lotse_anonymise_client_rows($1, '{contacts,clients}', '{client_id}', '{"note":null}')`;
    await expect(asApp(DEMO.caseworker, anonymiseNotes)).rejects.toThrow(/not an anonymised client/);
    // An amendment is a record: the app role cannot change it while the client is not anonymised.
    await expect(
      asApp(DEMO.caseworker, `UPDATE assessment_amendments SET reason = 'anders' WHERE client_id = $1`),
    ).rejects.toThrow(/only anonymisation/);
    await t.ctx.db.query('UPDATE clients SET anonymised_at = now() WHERE id = $1', [clientId]);
    await expect(asApp(DEMO.caseworkerMk, anonymiseNotes)).rejects.toThrow(/not an anonymised client/);
    const left = await t.ctx.db.query<{ note: string; reason: string }>(
      `SELECT (SELECT note FROM contacts WHERE client_id = $1) AS note,
              (SELECT reason FROM assessment_amendments WHERE client_id = $1) AS reason`,
      [clientId],
    );
    expect(left.rows[0]).toEqual({ note: 'Notiz', reason: 'Tippfehler' });
  });
});

/** The values at a dotted path of the export, flattening arrays on the way ("client.cases.events"). */
function at(value: unknown, dotted: string): unknown[] {
  let current: unknown[] = [value];
  for (const key of dotted.split('.'))
    current = current
      .flatMap((v) => (Array.isArray(v) ? v : [v]))
      .map((v) => (v as Record<string, unknown> | undefined)?.[key])
      .filter((v) => v !== undefined);
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

describe('the GDPR access export is complete', () => {
  it('[trust #5] the JSON export holds every row of every table about the client at its declared place, with recipients and the access log', async () => {
    const clientId = await fullRecord(`Export-${randomUUID().slice(0, 8)}`);
    // Every row the exporting agency holds about the client (what row-level security lets it see).
    // Derived tables only repeat their sources' rows, which are checked here (DERIVED_CLIENT_DATA).
    const tables = [...(await clientTables(t.ctx.db)).keys()].filter((table) => !DERIVED_CLIENT_DATA[table]);
    const expected = await t.ctx.db.transaction(async (tx) => {
      await tx.query(
        `SELECT set_config('lotse.agency_id', (SELECT agency_id::text FROM users WHERE email = $1), true),
                set_config('role', 'lotse_app', true)`,
        [DEMO.caseworker],
      );
      const ids = new Map<string, string[]>();
      for (const table of tables) {
        const rows = await tx.query<{ id: string }>(
          `SELECT id::text AS id FROM ${table} WHERE ${rowsOfClient(table)}`,
          [clientId],
        );
        ids.set(
          table,
          rows.rows.map((r) => r.id),
        );
      }
      return ids;
    });
    expect(expected.get('enrolments')).toHaveLength(1);
    const res = await cw.get(`/api/clients/${clientId}/export`);
    expect(res.status).toBe(200);
    const problems: string[] = [];
    for (const [table, ids] of expected) {
      const place = CLIENT_DATA[table]?.exportedAt ?? '(none)';
      const exported = new Set(at(res.body, place).map((v) => String((v as { id?: unknown })?.id)));
      for (const id of ids) if (!exported.has(id)) problems.push(`${table} row ${id} is missing at ${place}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);

    const drvName = 'DRV Westfalen (Demo)';
    expect(res.body.shares[0]).toMatchObject({ recipient: { name: drvName }, endedAt: null });
    expect(res.body.assessments[0].answers).toBeTypeOf('object');
    expect(res.body.assessments[0].amendments[0]).toMatchObject({ reason: 'Übertragungsfehler' });
    expect(res.body.referrals.map((r: { note: string | null }) => r.note)).toContain('Notiz');
    expect(res.body.enrolments).toHaveLength(1);
    expect(res.body.enrolments[0]).toMatchObject({
      employer: 'Bäckerei',
      overbookingReason: 'Dringender Fall',
      expenditures: [{ reference: 'B-17', amount: '12.50' }],
    });
    expect(res.body.selfAssessmentLinks[0].draftAnswers).not.toEqual({});
    // Who read the record when: the partner agency's read is there, with name, role and agency.
    expect(res.body.accessLog).toContainEqual(
      expect.objectContaining({
        action: 'clients.read',
        agency: expect.objectContaining({ name: drvName }),
        actor: expect.objectContaining({ displayName: 'Thomas Reha-Lotse', roles: ['caseworker'] }),
      }),
    );
  });

  it('[trust #5] the PDF export carries the same sections', async () => {
    const clientId = await fullRecord(`Pdf-${randomUUID().slice(0, 8)}`);
    const res = await fetch(`${t.baseUrl}/api/clients/${clientId}/export?format=pdf`, {
      headers: { cookie: [...cw.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.status).toBe(200);
    const file = path.join(dir, `${clientId}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of [
      'Verlauf der Fälle',
      'Arbeit verloren',
      'DRV Westfalen (Demo)',
      'Übertragungsfehler',
      'Kein Interesse',
      'Bäckerei',
      'Dringender Fall',
      'B-17',
      'Thomas Reha-Lotse',
      'Links zur Selbsteinschätzung',
      'clients.read',
    ])
      expect(text).toContain(expected);
  });
});
