import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  burdenOptions,
  frequencyOptions,
  moodStatements,
  SDC_URL,
  sdcMoodQuestionnaire,
} from '../../testing/fhir-fixtures.ts';
import { DEMO, startTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = t.client();
  await admin.login(DEMO.admin);
});
afterAll(() => t.close());

const itemOf = (instrument: any, key: string) =>
  instrument.dimensions.flatMap((d: any) => d.items).find((i: any) => i.key === key);

/** A small foreign Questionnaire with one inline choice item and the given header fields. */
const small = (header: Record<string, string>) => ({
  resourceType: 'Questionnaire',
  status: 'active',
  ...header,
  item: [
    {
      linkId: 'g',
      type: 'group',
      text: 'Gruppe',
      item: [
        {
          linkId: 'q1',
          type: 'choice',
          text: 'Wie geht es Ihnen?',
          answerOption: [
            { valueCoding: { code: 'a', display: 'gut' } },
            { valueCoding: { code: 'b', display: 'schlecht' } },
          ],
        },
      ],
    },
  ],
});

describe('FHIR Questionnaire import of SDC forms', () => {
  it('[trust #17] resolves contained ValueSets (expansion with ordinalValue, compose with itemWeight) into scales with codes and displays (201)', async () => {
    const res = await admin.post('/api/instruments/import/fhir', sdcMoodQuestionnaire);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const instrument = res.body.instrument;
    expect(instrument).toMatchObject({ key: 'mood_short_form', version: 1, status: 'draft' });
    expect(instrument.title.de).toBe('Stimmungs-Kurzbogen (Testbogen)');
    const mood = instrument.dimensions.find((d: { key: string }) => d.key === 'mood');
    expect(mood.items).toHaveLength(moodStatements.length);
    moodStatements.forEach((text, i) => {
      const item = mood.items[i];
      expect(item.key).toBe(`mood_${i + 1}`);
      expect(item.texts.self.de).toBe(text);
      expect(item.importIssue).toBeUndefined();
      expect(item.scale.options).toEqual(
        frequencyOptions.map((o) => ({ value: o.weight, label: { de: o.display }, code: o.code })),
      );
    });
    expect(itemOf(instrument, 'daily_burden').scale.options).toEqual(
      burdenOptions.map((o) => ({ value: o.weight, label: { de: o.display }, code: o.code })),
    );
    // The calculated total is not an answer: listed as unmapped, not imported.
    expect(itemOf(instrument, 'mood_total')).toBeUndefined();
    expect(res.body.unmapped.join('\n')).toMatch(/mood\.total: Typ „integer“/);
  });

  it('[trust #17] keeps an item without usable options in the draft, flagged for editing and listed as unmapped; publishing waits until it is edited', async () => {
    const res = await admin.post('/api/instruments/import/fhir', sdcMoodQuestionnaire);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.instrument.id;
    expect(res.body.instrument.version).toBe(2);
    const flagged = itemOf(res.body.instrument, 'daily_support');
    expect(flagged).toMatchObject({ type: 'scale', scale: null, scored: false });
    expect(flagged.importIssue).toMatch(/support-level.*außerhalb des Fragebogens/);
    expect(res.body.itemsToEdit).toEqual([
      { key: 'daily_support', linkId: 'daily.support', reason: flagged.importIssue },
    ]);
    expect(res.body.unmapped.join('\n')).toMatch(/Frage daily\.support: Keine verwendbare Antwortskala/);

    const refused = await admin.post(`/api/instruments/${id}/publish`, {});
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: 'daily_support', message: flagged.importIssue }]);
    expect((await admin.get(`/api/instruments/${id}`)).body.status).toBe('draft');

    // The editor sets a scale and removes the note; then the version can be published.
    const dimensions = res.body.instrument.dimensions.map((d: { items: { key: string }[] }) => ({
      ...d,
      items: d.items.map((i) => {
        if (i.key !== 'daily_support') return i;
        const { importIssue: _done, ...rest } = flagged;
        return {
          ...rest,
          scored: true,
          scale: {
            options: [1, 2, 3].map((value) => ({ value, label: { de: `Stufe ${value}` } })),
            nullLabel: { de: 'keine Angabe' },
          },
        };
      }),
    }));
    const edited = await admin.patch(`/api/instruments/${id}`, { dimensions });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const published = await admin.post(`/api/instruments/${id}/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
  });

  it('[trust #17] derives the key from name, else the last segment of url, else title; nameless imports never become versions of one instrument', async () => {
    const keyOf = async (header: Record<string, string>) => {
      const r = await admin.post('/api/instruments/import/fhir', small(header));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return [r.body.instrument.key, r.body.instrument.version];
    };
    expect(await keyOf({ name: 'WorkReadiness', title: 'Egal' })).toEqual(['work_readiness', 1]);
    expect(await keyOf({ name: 'WorkReadiness' })).toEqual(['work_readiness', 2]);
    expect(await keyOf({ url: 'http://example.org/fhir/Questionnaire/well-being-check|3' })).toEqual([
      'well_being_check',
      1,
    ]);
    expect(await keyOf({ title: 'Kurzer Überblick: Alltag & Wohnen' })).toEqual([
      'kurzer_ueberblick_alltag_wohnen',
      1,
    ]);
    const a = await keyOf({});
    const b = await keyOf({ title: '—' });
    expect(a[0]).toMatch(/^imported_[0-9a-f]{8}$/);
    expect(b[0]).toMatch(/^imported_[0-9a-f]{8}$/);
    expect(a[0]).not.toBe(b[0]);
    expect([a[1], b[1]]).toEqual([1, 1]);
  });

  it('[trust #17] remembers the source canonical of a foreign Questionnaire, not of a Lotse export', async () => {
    const rows = await t.ctx.db.query<{ key: string; fhir_url: string | null; fhir_version: string | null }>(
      `SELECT key, fhir_url, fhir_version FROM instruments WHERE key = 'mood_short_form' ORDER BY version`,
    );
    expect(rows.rows.map((r) => [r.fhir_url, r.fhir_version])).toEqual([
      [SDC_URL, '2.1.0'],
      [SDC_URL, '2.1.0'],
    ]);
  });
});
