import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InstrumentDefinition, type InstrumentItem, instrumentDefinition } from './instrument.schema.ts';
import { isEnabled, scoreAssessment, validateAnswers } from './scoring.ts';
import { teilhabeBogenV1 } from './teilhabe-bogen.ts';

const five = {
  options: [1, 2, 3, 4, 5].map((value) => ({ value, label: { de: String(value) } })),
  nullLabel: { de: 'keine Angabe' },
};
const eleven = {
  options: Array.from({ length: 11 }, (_, value) => ({ value, label: { de: String(value) } })),
  nullLabel: { de: 'keine Angabe' },
};
const rated = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  type: 'scale' as const,
  scale: five,
  required: true,
  texts: { self: { de: `Ich ${key}` }, professional: { de: `Die Person ${key}` } },
  ...extra,
});

/** A small instrument for hand-worked examples: areas a (3 items, a2 reverse) and b (2 items), global g. */
const def: InstrumentDefinition = instrumentDefinition.parse({
  title: { de: 'Test' },
  scoring: {
    needThreshold: 50,
    minAnsweredShare: 0.5,
    minDimensionShare: 0.75,
    rciCriterion: 1.96,
    followUpMonths: 6,
  },
  dimensions: [
    {
      key: 'a',
      title: { de: 'A' },
      reference: { sd: 20, reliability: 0.8 },
      items: [
        rated('a1'),
        rated('a2', { reverse: true }),
        rated('a3'),
        {
          key: 'a_work_on',
          type: 'boolean',
          scale: null,
          required: false,
          scored: false,
          role: 'work_on',
          texts: { self: { de: 'Daran möchte ich arbeiten.' } },
        },
      ],
    },
    {
      key: 'b',
      title: { de: 'B' },
      reference: { sd: 20, reliability: 0.8 },
      items: [
        {
          key: 'b_has',
          type: 'boolean',
          scale: null,
          required: false,
          scored: false,
          texts: { self: { de: 'Ich habe' }, professional: { de: 'Die Person hat' } },
        },
        rated('b1'),
        rated('b2', { required: false, enableWhen: [{ item: 'b_has', operator: '=', value: true }] }),
      ],
    },
    {
      key: 'g',
      kind: 'global',
      title: { de: 'G' },
      reference: { sd: 20, reliability: 0.7 },
      items: [rated('g1', { scale: eleven })],
    },
  ],
});

const dim = (
  answers: Record<string, number | boolean | null>,
  key: string,
  perspective: 'self' | 'professional' = 'self',
) => scoreAssessment(def, perspective, answers).dimensions.find((d) => d.dimension === key);

describe('scoreAssessment (hand-worked)', () => {
  it('turns reverse-coded items round: a1=5, a2=4 (reverse), a3=2 -> (1 + 0.25 + 0.25)/3 = 50, no need', () => {
    // a1: (5-1)/4 = 1; a2 reverse: 1 - (4-1)/4 = 0.25; a3: (2-1)/4 = 0.25 -> mean 0.5 -> 50
    const a = dim({ a1: 5, a2: 4, a3: 2 }, 'a');
    expect(a).toMatchObject({ score: 50, answered: 3, items: 3, need: false });
  });

  it('leaves out "no answer" (null) and missing items: a1=3, a2=5 (reverse), a3=null -> 25, need', () => {
    // a1: 0.5; a2 reverse: 1 - 1 = 0 -> mean 0.25 -> 25 < 50
    expect(dim({ a1: 3, a2: 5, a3: null }, 'a')).toMatchObject({ score: 25, answered: 2, need: true });
    expect(dim({ a1: 3, a2: 5 }, 'a')).toMatchObject({ score: 25, answered: 2, need: true });
  });

  it('gives no score when fewer than half of the items are answered (1 of 3 -> minimum 2)', () => {
    expect(dim({ a1: 5, a2: null, a3: null }, 'a')).toMatchObject({ score: null, answered: 1, need: null });
  });

  it('rounds to one decimal: a1=4, a2=2 (reverse), a3=1 -> (0.75 + 0.75 + 0)/3 = 50.0; a1=2,a2=1,a3=5 -> 83.3', () => {
    expect(dim({ a1: 4, a2: 2, a3: 1 }, 'a')?.score).toBe(50);
    // a1: 0.25; a2 reverse: 1; a3: 1 -> 2.25/3 = 0.75 -> 75
    expect(dim({ a1: 2, a2: 1, a3: 5 }, 'a')?.score).toBe(75);
    // a1: 0.5; a2 reverse: 0.75; a3: 1 -> 2.25/3... with a1=4: 0.75+0.75+1 = 2.5/3 = 0.8333 -> 83.3
    expect(dim({ a1: 4, a2: 2, a3: 5 }, 'a')?.score).toBe(83.3);
  });

  it('scores conditional items only when their condition holds', () => {
    // b2 disabled: only b1 counts (4 -> 0.75); enabled: mean of b1 0.75 and b2 0 -> 37.5
    expect(dim({ b1: 4, b2: 1 }, 'b')).toMatchObject({ score: 75, items: 1, answered: 1 });
    expect(dim({ b_has: true, b1: 4, b2: 1 }, 'b')).toMatchObject({ score: 37.5, items: 2, need: true });
  });

  it('scales the global 0-10 rating to 0-100 without a need flag', () => {
    expect(dim({ g1: 7 }, 'g')).toMatchObject({ score: 70, kind: 'global', need: null });
  });

  it('records "I want to work on this" in the self-assessment only', () => {
    expect(dim({ a1: 1, a2: 1, a3: 1, a_work_on: true }, 'a')?.workOn).toBe(true);
    expect(dim({ a1: 1, a2: 1, a3: 1 }, 'a')?.workOn).toBeNull();
    expect(dim({ a1: 1, a2: 1, a3: 1 }, 'a', 'professional')?.workOn).toBeNull();
  });

  it('totals the area scores (not the global rating) when at least 75 % of the areas have a score', () => {
    // a = 50 (see above), b = b1 5 -> 100; total (50 + 100)/2 = 75
    expect(scoreAssessment(def, 'self', { a1: 5, a2: 4, a3: 2, b1: 5, g1: 0 }).total).toBe(75);
    // only one of two areas scored: 1 < ceil(0.75 * 2) = 2 -> no total
    expect(scoreAssessment(def, 'self', { a1: 5, a2: 4, a3: 2, g1: 10 }).total).toBeNull();
  });
});

describe('scoreAssessment (properties)', () => {
  const answer = fc.constantFrom(1, 2, 3, 4, 5, null);
  const arbAnswers = fc.record({ a1: answer, a2: answer, a3: answer, b1: answer });

  it('keeps every score within 0..100', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        for (const d of scoreAssessment(def, 'self', answers).dimensions) {
          if (d.score !== null) expect(d.score).toBeGreaterThanOrEqual(0);
          if (d.score !== null) expect(d.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('mirrors: answering every item on the opposite end turns a score s into 100 - s', () => {
    fc.assert(
      fc.property(arbAnswers, (answers) => {
        const mirrored = Object.fromEntries(
          Object.entries(answers).map(([k, v]) => [k, v === null ? null : 6 - v]),
        );
        const before = scoreAssessment(def, 'self', answers).dimensions;
        const after = scoreAssessment(def, 'self', mirrored).dimensions;
        before.forEach((d, i) => {
          if (d.score === null) expect(after[i]?.score).toBeNull();
          else expect(after[i]?.score).toBeCloseTo(100 - d.score, 1);
        });
      }),
    );
  });
});

describe('validateAnswers', () => {
  it('accepts null as "does not apply / no answer"', () => {
    expect(
      validateAnswers(def, 'self', { a1: null, a2: null, a3: null, b1: null, g1: null }, { complete: true }),
    ).toEqual([]);
  });

  it('names the item of an answer outside its scale', () => {
    const issues = validateAnswers(def, 'self', { a1: 6, g1: 11, b1: 2.5 }, { complete: false });
    expect(issues.map((i) => i.path)).toEqual(['answers.a1', 'answers.g1', 'answers.b1']);
    expect(issues[0]?.message).toContain('a1');
  });

  it('rejects unknown keys and items not asked in the perspective', () => {
    expect(validateAnswers(def, 'self', { nope: 1 }, { complete: false })[0]?.path).toBe('answers.nope');
    expect(validateAnswers(def, 'professional', { a_work_on: true }, { complete: false })[0]?.path).toBe(
      'answers.a_work_on',
    );
  });

  it('rejects wrong types: a number for a yes/no item, a boolean for a scale item', () => {
    const issues = validateAnswers(def, 'self', { b_has: 1, a1: true }, { complete: false });
    expect(issues.map((i) => i.path).sort()).toEqual(['answers.a1', 'answers.b_has']);
  });

  it('requires every required item in a completed assessment, but not in a draft', () => {
    expect(validateAnswers(def, 'self', { a1: 1 }, { complete: false })).toEqual([]);
    const missing = validateAnswers(def, 'self', { a1: 1 }, { complete: true }).map((i) => i.path);
    expect(missing).toEqual(['answers.a2', 'answers.a3', 'answers.b1', 'answers.g1']);
  });

  it('evaluates conditions with any/all and exists', () => {
    const item = {
      ...(def.dimensions[1]?.items[2] as InstrumentItem),
      enableWhen: [{ item: 'b_has', operator: 'exists' as const, value: true }],
    };
    expect(isEnabled(item, {})).toBe(false);
    expect(isEnabled(item, { b_has: false })).toBe(true);
    const any = {
      ...item,
      enableBehavior: 'any' as const,
      enableWhen: [
        { item: 'a1', operator: '>=' as const, value: 4 },
        { item: 'a2', operator: '<' as const, value: 2 },
      ],
    };
    expect(isEnabled(any, { a1: 3, a2: 3 })).toBe(false);
    expect(isEnabled(any, { a1: 3, a2: 1 })).toBe(true);
    expect(isEnabled({ ...any, enableBehavior: 'all' }, { a1: 4, a2: 1 })).toBe(true);
    expect(isEnabled({ ...any, enableBehavior: 'all' }, { a1: 4, a2: 3 })).toBe(false);
  });
});

describe('instrument model', () => {
  it('rejects duplicate item keys, scale items without a scale and conditions on later items', () => {
    const bad = structuredClone(teilhabeBogenV1) as any;
    bad.dimensions[0].items[1].key = bad.dimensions[0].items[0].key;
    bad.dimensions[1].items[0].scale = null;
    bad.dimensions[2].items[0].enableWhen = [{ item: 'support_stress', operator: '=', value: 1 }];
    const result = instrumentDefinition.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message).join(' | ');
    expect(messages).toMatch(/Doppelter Schlüssel/);
    expect(messages).toMatch(/Skala fehlt/);
    expect(messages).toMatch(/keine frühere Frage/);
  });
});
