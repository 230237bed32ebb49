import { describe, expect, it } from 'vitest';
import {
  fromQuestionnaire,
  type QuestionnaireItem,
  R4_ITEM_TYPES,
  toQuestionnaire,
  toQuestionnaireResponse,
} from './fhir.ts';
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
