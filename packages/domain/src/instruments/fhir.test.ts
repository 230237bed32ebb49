import { describe, expect, it } from 'vitest';
import { type QuestionnaireItem, R4_ITEM_TYPES, toQuestionnaire } from './fhir.ts';
import { fromQuestionnaire, instrumentKeyOf } from './fhir-import.ts';
import { optionsOf } from './fhir-options.ts';
import { answersFromResponse, toQuestionnaireResponse } from './fhir-response.ts';
import { type InstrumentDefinition, instrumentDefinition } from './instrument.schema.ts';
import { scoreAssessment } from './scoring.ts';
import { teilhabeBogenV1 } from './teilhabe-bogen.ts';

const def = instrumentDefinition.parse(teilhabeBogenV1);
const exportOf = (d: InstrumentDefinition, status: 'draft' | 'published' = 'published') =>
  toQuestionnaire({
    id: '7e11ab0e-0000-4000-8000-000000000001',
    key: 'teilhabe_bogen',
    version: 1,
    status,
    definition: d,
  });

function walk(items: QuestionnaireItem[] | undefined, f: (i: QuestionnaireItem) => void) {
  for (const i of items ?? []) {
    f(i);
    walk(i.item, f);
  }
}

/** Structural checks of an R4 Questionnaire (the rules a validator would apply to what we emit). */
function validateQuestionnaire(q: Record<string, unknown>): string[] {
  const errors: string[] = [];
  if (q.resourceType !== 'Questionnaire') errors.push('resourceType');
  if (!['draft', 'active', 'retired', 'unknown'].includes(q.status as string)) errors.push('status');
  const linkIds: string[] = [];
  const byId = new Map<string, QuestionnaireItem>();
  walk(q.item as QuestionnaireItem[], (i) => {
    linkIds.push(i.linkId);
    byId.set(i.linkId, i);
    if (!(R4_ITEM_TYPES as readonly string[]).includes(i.type)) errors.push(`type ${i.type}`);
    if (i.type === 'group' && !i.item?.length) errors.push(`empty group ${i.linkId}`);
    if (i.type === 'display' && (i.item?.length || i.required)) errors.push(`display ${i.linkId}`);
    if (i.answerOption && i.type !== 'choice' && i.type !== 'open-choice')
      errors.push(`options on ${i.linkId}`);
    for (const o of i.answerOption ?? [])
      if (!o.valueCoding?.code || !o.valueCoding.system) errors.push(`option coding ${i.linkId}`);
  });
  if (new Set(linkIds).size !== linkIds.length) errors.push('linkIds not unique');
  walk(q.item as QuestionnaireItem[], (i) => {
    for (const e of i.enableWhen ?? []) {
      if (!byId.has(e.question)) errors.push(`enableWhen ${i.linkId} -> ${e.question}`);
      const answers = ['answerBoolean', 'answerCoding', 'answerInteger', 'answerDecimal'].filter(
        (k) => k in e,
      );
      if (answers.length !== 1) errors.push(`enableWhen answer ${i.linkId}`);
    }
  });
  return errors;
}

/** What must survive a round trip: items with types, options with values and labels, conditions. */
const essence = (q: Record<string, unknown>) => {
  const out: unknown[] = [];
  walk(q.item as QuestionnaireItem[], (i) =>
    out.push({
      linkId: i.linkId,
      type: i.type,
      text: i.text,
      required: i.required,
      options: i.answerOption?.map((o) => [o.valueCoding?.code, o.valueCoding?.display]),
      enableWhen: i.enableWhen,
      enableBehavior: i.enableBehavior,
    }),
  );
  return out;
};

describe('FHIR Questionnaire export', () => {
  const q = exportOf(def);

  it('is structurally valid R4: resourceType, unique linkIds, allowed item types, answer codings', () => {
    expect(validateQuestionnaire(q)).toEqual([]);
    expect(q).toMatchObject({
      resourceType: 'Questionnaire',
      status: 'active',
      version: '1',
      title: 'Teilhabe-Bogen',
    });
  });

  it('maps dimensions to groups, scale items to choice with ordinal values, conditions to enableWhen', () => {
    const groups = q.item as QuestionnaireItem[];
    expect(groups).toHaveLength(13);
    expect(groups.every((g) => g.type === 'group')).toBe(true);
    const first = groups[0]?.item?.[0];
    expect(first).toMatchObject({ linkId: 'health_physical', type: 'choice', required: true });
    expect(first?.text).toBe(def.dimensions[0]?.items[0]?.texts.self?.de);
    const option = first?.answerOption?.[4];
    expect(option?.valueCoding?.code).toBe('5');
    expect(option?.extension?.find((e) => e.url.endsWith('ordinalValue'))?.valueDecimal).toBe(5);
    expect(first?.answerOption?.at(-1)?.valueCoding?.code).toBe('not-applicable');
    let balance: QuestionnaireItem | undefined;
    walk(groups, (i) => {
      if (i.linkId === 'family_care_balance') balance = i;
    });
    expect(balance?.enableWhen).toEqual([
      { question: 'family_has_duties', operator: '=', answerBoolean: true },
    ]);
    expect(balance?.item?.[0]).toMatchObject({ linkId: 'family_care_balance.help', type: 'display' });
  });

  it('survives a round trip export -> import -> export with items, options and conditions', () => {
    const imported = fromQuestionnaire(JSON.parse(JSON.stringify(q)));
    expect(imported.key).toBe('teilhabe_bogen');
    expect(imported.unmapped).toEqual([]);
    const again = instrumentDefinition.parse(imported.definition);
    expect(again).toEqual(def);
    expect(essence(exportOf(again))).toEqual(essence(q));
  });
});

describe('FHIR Questionnaire import of a foreign questionnaire', () => {
  const foreign = {
    resourceType: 'Questionnaire',
    status: 'active',
    name: 'PhqShort',
    title: 'Kurzbogen',
    item: [
      {
        linkId: '1',
        type: 'group',
        text: 'Stimmung',
        item: [
          {
            linkId: '1.1',
            type: 'choice',
            text: 'Wenig Interesse',
            required: true,
            answerOption: [
              {
                valueCoding: { code: 'LA6568-5', display: 'Überhaupt nicht' },
                extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 0 }],
              },
              {
                valueCoding: { code: 'LA6569-3', display: 'An einzelnen Tagen' },
                extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 1 }],
              },
            ],
          },
          { linkId: '1.2', type: 'integer', text: 'Wie viele Tage?' },
          {
            linkId: '1.3',
            type: 'choice',
            text: 'Nachfrage',
            answerOption: [
              { valueCoding: { code: '1', display: 'ja' } },
              { valueCoding: { code: '2', display: 'nein' } },
            ],
            enableWhen: [{ question: '1.1', operator: '=', answerCoding: { code: '1' } }],
          },
        ],
      },
      { linkId: 'x', type: 'boolean', text: 'Lose Frage' },
    ],
  };

  it('maps what maps into a valid draft and lists what does not', () => {
    const result = fromQuestionnaire(foreign);
    expect(result.key).toBe('phq_short');
    const d = instrumentDefinition.parse(result.definition);
    expect(d.dimensions.map((x) => x.key)).toEqual(['q_1', 'general']);
    const [a, b] = d.dimensions[0]?.items ?? [];
    expect(a?.key).toBe('q_1_1');
    expect(a?.scale?.options.map((o) => [o.value, o.label.de])).toEqual([
      [0, 'Überhaupt nicht'],
      [1, 'An einzelnen Tagen'],
    ]);
    expect(b?.enableWhen).toEqual([{ item: 'q_1_1', operator: '=', value: 1 }]);
    expect(result.unmapped.join(' ')).toMatch(/1\.2: Typ „integer“/);
    expect(result.unmapped.join(' ')).toMatch(/ohne Gruppe/);
  });

  it('refuses anything that is not a Questionnaire', () => {
    expect(() => fromQuestionnaire({ resourceType: 'Patient' })).toThrow();
  });
});

describe('FHIR QuestionnaireResponse', () => {
  it('carries the answers per dimension group, null as not-applicable, the score as extension', () => {
    const answers = {
      health_physical: 4,
      health_mental_strain: null,
      health_behaviour: 4,
      health_work_on: true,
    };
    const r = toQuestionnaireResponse({
      id: 'a1',
      clientId: 'c1',
      instrumentKey: 'teilhabe_bogen',
      instrumentVersion: 1,
      status: 'completed',
      amended: false,
      date: '2025-01-10',
      perspective: 'self',
      answers,
      scores: scoreAssessment(def, 'self', answers).dimensions,
      definition: def,
    }) as any;
    expect(r).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: 'urn:lotse:instrument:teilhabe_bogen|1',
    });
    const health = r.item[0];
    expect(health.item.map((i: any) => i.linkId)).toEqual([
      'health_physical',
      'health_mental_strain',
      'health_behaviour',
      'health_work_on',
    ]);
    expect(health.item[0].answer[0].valueCoding.code).toBe('4');
    expect(health.item[1].answer[0].valueCoding.code).toBe('not-applicable');
    expect(health.item[3].answer[0].valueBoolean).toBe(true);
    expect(health.extension[0].valueDecimal).toBe(75);
    expect(JSON.stringify(r)).not.toMatch(/name|birth/i);
  });
});

describe('FHIR answer options from contained ValueSets', () => {
  const weight = (url: string, v: number) => [{ url, valueDecimal: v }];
  const contained = [
    {
      resourceType: 'ValueSet',
      id: 'nested',
      expansion: {
        contains: [
          {
            code: 'a',
            display: 'A',
            extension: weight('http://hl7.org/fhir/StructureDefinition/ordinalValue', 0),
            contains: [
              {
                code: 'b',
                display: 'B',
                extension: weight('http://hl7.org/fhir/StructureDefinition/ordinalValue', 1),
              },
            ],
          },
        ],
      },
      compose: { include: [{ system: 'urn:ignored', concept: [{ code: 'x' }] }] },
    },
    {
      resourceType: 'ValueSet',
      id: 'composed',
      compose: {
        include: [
          {
            system: 'urn:s',
            concept: [
              {
                code: 'lo',
                display: 'niedrig',
                extension: weight('http://hl7.org/fhir/StructureDefinition/itemWeight', 2),
              },
              {
                code: 'hi',
                display: 'hoch',
                extension: weight(
                  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemWeight',
                  5,
                ),
              },
            ],
          },
        ],
      },
    },
  ];

  it('[trust #17] reads an expansion (nested entries flattened) before compose, and compose.include.concept with its system', () => {
    expect(optionsOf({ answerValueSet: '#nested' }, contained)).toMatchObject({
      options: [
        { code: 'a', display: 'A', weight: 0 },
        { code: 'b', display: 'B', weight: 1 },
      ],
    });
    expect(optionsOf({ answerValueSet: '#composed' }, contained)).toMatchObject({
      options: [
        { system: 'urn:s', code: 'lo', weight: 2 },
        { system: 'urn:s', code: 'hi', weight: 5 },
      ],
    });
  });

  it('[trust #17] names why there are no options: external ValueSet, missing contained one, none given', () => {
    expect(optionsOf({ answerValueSet: 'http://loinc.org/vs/LL358-3' }, contained)).toEqual({
      reason: expect.stringContaining('außerhalb des Fragebogens'),
    });
    expect(optionsOf({ answerValueSet: '#gone' }, contained)).toEqual({
      reason: expect.stringContaining('#gone fehlt'),
    });
    expect(optionsOf({}, contained)).toEqual({ reason: 'keine Antwortoptionen angegeben' });
  });

  it('[trust #17] imports an item with a single option flagged for editing instead of failing', () => {
    const result = fromQuestionnaire({
      resourceType: 'Questionnaire',
      name: 'one',
      contained: [
        { resourceType: 'ValueSet', id: 'v', compose: { include: [{ concept: [{ code: 'only' }] }] } },
      ],
      item: [
        {
          linkId: 'g',
          type: 'group',
          item: [
            { linkId: 'ok', type: 'choice', answerValueSet: '#composed-missing' },
            { linkId: 'single', type: 'choice', answerValueSet: '#v' },
            { linkId: 'fine', type: 'boolean', text: 'Ja?' },
          ],
        },
      ],
    });
    const d = instrumentDefinition.parse(result.definition);
    expect(d.dimensions[0]?.items.map((i) => [i.key, i.scale, Boolean(i.importIssue)])).toEqual([
      ['ok', null, true],
      ['single', null, true],
      ['fine', null, false],
    ]);
    expect(result.itemsToEdit.map((i) => i.linkId)).toEqual(['ok', 'single']);
    expect(result.itemsToEdit[1]?.reason).toMatch(/nur 1 Antwortoption/);
  });

  it('[trust #17] derives instrument keys from name, url or title, or leaves the choice to the caller', () => {
    expect(instrumentKeyOf({ name: 'PHQ9Like', url: 'http://x/y', title: 't' })).toBe('phq9_like');
    expect(instrumentKeyOf({ url: 'http://example.org/Questionnaire/ab-c|2' })).toBe('ab_c');
    expect(instrumentKeyOf({ url: 'urn:lotse:instrument:teilhabe_bogen' })).toBe('teilhabe_bogen');
    expect(instrumentKeyOf({ title: 'Größe & Maß' })).toBe('groesse_mass');
    expect(instrumentKeyOf({ title: '???' })).toBeUndefined();
    expect(instrumentKeyOf({})).toBeUndefined();
  });
});

describe('FHIR QuestionnaireResponse import', () => {
  it('[trust #17] maps codes, weights, numbers and labels to scale values and names what does not fit', () => {
    const scaleItem = def.dimensions[0]?.items.find((i) => i.scale) as NonNullable<
      (typeof def.dimensions)[number]['items'][number]
    >;
    const boolItem = def.dimensions[0]?.items.find((i) => i.type === 'boolean');
    const [lo, hi] = [scaleItem.scale?.options[0], scaleItem.scale?.options.at(-1)];
    const run = (answer: unknown, linkId = scaleItem.key) =>
      answersFromResponse({ item: [{ linkId: 'x', item: [{ linkId, answer: [answer] }] }] }, def);
    expect(run({ valueCoding: { code: String(hi?.value) } }).answers).toEqual({ [scaleItem.key]: hi?.value });
    expect(run({ valueInteger: lo?.value }).answers).toEqual({ [scaleItem.key]: lo?.value });
    expect(run({ valueString: lo?.label.de }).answers).toEqual({ [scaleItem.key]: lo?.value });
    expect(
      run({
        valueCoding: {
          code: 'foreign',
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: hi?.value },
          ],
        },
      }).answers,
    ).toEqual({ [scaleItem.key]: hi?.value });
    expect(
      run({
        valueCoding: {
          system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
          code: 'asked-unknown',
        },
      }).answers,
    ).toEqual({
      [scaleItem.key]: null,
    });
    expect(run({ valueInteger: 99 }).issues[0]?.message).toContain('99 liegt nicht auf der Skala');
    expect(run({ valueBoolean: true }, 'nope').issues[0]?.message).toContain('Unbekannte Frage „nope“');
    if (boolItem)
      expect(run({ valueBoolean: false }, boolItem.key).answers).toEqual({ [boolItem.key]: false });
  });
});
