import type {
  AnswerScale,
  Answers,
  EnableCondition,
  InstrumentDefinition,
  InstrumentItem,
  LocalizedText,
  ScoringRules,
} from './instrument.schema.ts';
import type { DimensionScore } from './scoring.ts';

/**
 * HL7 FHIR R4 mapping of instruments (Questionnaire) and assessments (QuestionnaireResponse).
 * Dimensions become `group` items, scale items `choice` items whose answerOptions carry the value as
 * code and as ordinalValue, yes/no items `boolean`, help texts `display` children with itemControl
 * "help", conditions `enableWhen`. What FHIR has no place for (other perspective, translations,
 * scoring rules, reference values) travels in Lotse extensions, so a round trip keeps it.
 */

export type FhirResource = Record<string, unknown> & { resourceType: string };
interface FhirExtension {
  url: string;
  valueString?: string;
  valueDecimal?: number;
  valueCode?: string;
  valueCodeableConcept?: unknown;
  extension?: FhirExtension[];
}
export interface QuestionnaireItem {
  linkId: string;
  type: string;
  text?: string;
  required?: boolean;
  repeats?: boolean;
  item?: QuestionnaireItem[];
  answerOption?: {
    valueCoding?: { system?: string; code?: string; display?: string };
    valueInteger?: number;
    valueString?: string;
    extension?: FhirExtension[];
  }[];
  enableWhen?: {
    question: string;
    operator: string;
    answerBoolean?: boolean;
    answerCoding?: { system?: string; code?: string };
    answerInteger?: number;
    answerDecimal?: number;
  }[];
  enableBehavior?: 'all' | 'any';
  extension?: FhirExtension[];
  _text?: { extension: FhirExtension[] };
}

const EXT = 'urn:lotse:fhir:extension';
export const FHIR_EXT = {
  texts: `${EXT}:texts`,
  item: `${EXT}:item`,
  dimension: `${EXT}:dimension`,
  scoring: `${EXT}:scoring`,
  title: `${EXT}:title`,
  description: `${EXT}:description`,
  score: `${EXT}:dimension-score`,
  scales: `${EXT}:scales`,
} as const;
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
const ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

/** Item types allowed in R4 Questionnaire.item.type. */
export const R4_ITEM_TYPES = [
  'group',
  'display',
  'boolean',
  'decimal',
  'integer',
  'date',
  'dateTime',
  'time',
  'string',
  'text',
  'url',
  'choice',
  'open-choice',
  'attachment',
  'reference',
  'quantity',
] as const;

const json = (url: string, value: unknown): FhirExtension => ({ url, valueString: JSON.stringify(value) });
const translations = (t: LocalizedText) => ({
  extension: (['de-LS', 'en'] as const).flatMap((lang) =>
    t[lang]
      ? [
          {
            url: TRANSLATION,
            extension: [
              { url: 'lang', valueCode: lang },
              { url: 'content', valueString: t[lang] },
            ],
          },
        ]
      : [],
  ),
});

const scaleSystem = (key: string) => `urn:lotse:instrument:${key}:scale`;

function answerOptions(key: string, scale: AnswerScale): QuestionnaireItem['answerOption'] {
  return [
    ...scale.options.map((o) => ({
      valueCoding: { system: scaleSystem(key), code: String(o.value), display: o.label.de },
      extension: [{ url: ORDINAL, valueDecimal: o.value }],
    })),
    {
      valueCoding: { system: ABSENT, code: 'not-applicable', display: scale.nullLabel.de },
    },
  ];
}

function enableWhen(c: EnableCondition, target: InstrumentItem | undefined, key: string) {
  if (c.operator === 'exists')
    return { question: c.item, operator: 'exists', answerBoolean: Boolean(c.value) };
  if (target?.type === 'boolean' || typeof c.value === 'boolean')
    return { question: c.item, operator: c.operator, answerBoolean: Boolean(c.value) };
  return {
    question: c.item,
    operator: c.operator,
    answerCoding: { system: scaleSystem(key), code: String(c.value) },
  };
}

export function toQuestionnaire(instrument: {
  id: string;
  key: string;
  version: number;
  status: 'draft' | 'published';
  definition: InstrumentDefinition;
}): FhirResource {
  const { key, definition: def } = instrument;
  const all = new Map(def.dimensions.flatMap((d) => d.items.map((i) => [i.key, i] as const)));
  // Answer scales with all their translations once per Questionnaire; items point to them by index.
  const scales: AnswerScale[] = [];
  const scaleIndex = (scale: AnswerScale) => {
    const k = JSON.stringify(scale);
    const found = scales.findIndex((x) => JSON.stringify(x) === k);
    if (found >= 0) return found;
    scales.push(scale);
    return scales.length - 1;
  };
  const questionnaire = {
    resourceType: 'Questionnaire',
    id: instrument.id,
    url: `urn:lotse:instrument:${key}`,
    version: String(instrument.version),
    name: key,
    title: def.title.de,
    _title: translations(def.title),
    status: instrument.status === 'published' ? 'active' : 'draft',
    language: 'de',
    ...(def.description ? { description: def.description.de } : {}),
    extension: [
      json(FHIR_EXT.scoring, def.scoring),
      json(FHIR_EXT.title, def.title),
      ...(def.description ? [json(FHIR_EXT.description, def.description)] : []),
    ],
    item: def.dimensions.map(
      (d): QuestionnaireItem => ({
        linkId: d.key,
        type: 'group',
        text: d.title.de,
        _text: translations(d.title),
        extension: [
          json(FHIR_EXT.dimension, { kind: d.kind, reference: d.reference, title: d.title, help: d.help }),
        ],
        item: d.items.map((i): QuestionnaireItem => {
          const main = i.texts.self ?? i.texts.professional;
          return {
            linkId: i.key,
            type: i.type === 'scale' ? 'choice' : 'boolean',
            text: main?.de ?? i.key,
            required: i.required,
            ...(i.scale ? { answerOption: answerOptions(key, i.scale) } : {}),
            ...(i.enableWhen?.length
              ? {
                  enableWhen: i.enableWhen.map((c) => enableWhen(c, all.get(c.item), key)),
                  enableBehavior: i.enableBehavior ?? 'all',
                }
              : {}),
            extension: [
              json(FHIR_EXT.texts, i.texts),
              json(FHIR_EXT.item, {
                reverse: i.reverse,
                scored: i.scored,
                role: i.role,
                ...(i.scale ? { scale: scaleIndex(i.scale) } : {}),
              }),
            ],
            ...(i.help
              ? {
                  item: [
                    {
                      linkId: `${i.key}.help`,
                      type: 'display',
                      text: i.help.de,
                      extension: [
                        {
                          url: ITEM_CONTROL,
                          valueCodeableConcept: {
                            coding: [
                              { system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'help' },
                            ],
                          },
                        },
                        json(FHIR_EXT.texts, i.help),
                      ],
                    },
                  ],
                }
              : {}),
          };
        }),
      }),
    ),
  };
  // Items are mapped first, so the scales they refer to are complete here.
  questionnaire.extension.push(json(FHIR_EXT.scales, scales));
  return questionnaire;
}

// ---------------------------------------------------------------------------------------------------
// Import

const DEFAULT_SCORING: ScoringRules = {
  needThreshold: 50,
  minAnsweredShare: 0.5,
  minDimensionShare: 0.75,
  rciCriterion: 1.96,
  followUpMonths: 6,
};
const DEFAULT_REFERENCE = { sd: 20, reliability: 0.8 };

function extJson<T>(extensions: FhirExtension[] | undefined, url: string): T | undefined {
  const e = extensions?.find((x) => x.url === url);
  if (!e?.valueString) return undefined;
  try {
    return JSON.parse(e.valueString) as T;
  } catch {
    return undefined;
  }
}

/** A FHIR linkId as a stable snake_case key. */
export function toKey(linkId: string): string {
  const k = linkId
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60);
  return /^[a-z]/.test(k) ? k : `q_${k || 'item'}`;
}

const text = (t: string | undefined, fallback: string): LocalizedText => ({ de: t?.trim() || fallback });

function optionValue(
  o: NonNullable<QuestionnaireItem['answerOption']>[number],
  index: number,
): number | undefined {
  const ordinal = o.extension?.find((e) => e.url === ORDINAL || e.url.endsWith('itemWeight'))?.valueDecimal;
  if (typeof ordinal === 'number' && Number.isInteger(ordinal)) return ordinal;
  if (typeof o.valueInteger === 'number') return o.valueInteger;
  const code = Number(o.valueCoding?.code);
  if (o.valueCoding?.code !== undefined && Number.isInteger(code)) return code;
  return o.valueCoding || o.valueString !== undefined ? index + 1 : undefined;
}

export interface QuestionnaireImport {
  key: string;
  /** Candidate definition; the caller validates it with `instrumentDefinition`. */
  definition: unknown;
  /** What did not map, in words (shown to the admin). */
  unmapped: string[];
}

/** Maps a FHIR R4 Questionnaire to a draft instrument definition, listing what does not map. */
export function fromQuestionnaire(q: Record<string, unknown>): QuestionnaireImport {
  if (q.resourceType !== 'Questionnaire') throw new Error('resourceType must be Questionnaire');
  const unmapped: string[] = [];
  const url = typeof q.url === 'string' ? q.url : '';
  const key = toKey(
    /^urn:lotse:instrument:(.+)$/.exec(url)?.[1] ?? (typeof q.name === 'string' ? q.name : 'imported'),
  );
  const extensions = q.extension as FhirExtension[] | undefined;
  const scales = extJson<AnswerScale[]>(extensions, FHIR_EXT.scales) ?? [];
  const keys = new Map<string, string>();
  const keyOf = (linkId: string) => {
    const existing = keys.get(linkId);
    if (existing) return existing;
    let k = toKey(linkId);
    while ([...keys.values()].includes(k)) k = `${k}_x`;
    keys.set(linkId, k);
    return k;
  };

  const mapItem = (qi: QuestionnaireItem): Record<string, unknown> | undefined => {
    const itemKey = keyOf(qi.linkId);
    if (qi.type !== 'choice' && qi.type !== 'boolean') {
      unmapped.push(`Frage ${qi.linkId}: Typ „${qi.type}“ wird nicht unterstützt (nur choice und boolean).`);
      return undefined;
    }
    const texts = extJson<Record<string, LocalizedText>>(qi.extension, FHIR_EXT.texts) ?? {
      self: text(qi.text, qi.linkId),
    };
    const meta =
      extJson<{ reverse?: boolean; scored?: boolean; role?: string; scale?: number }>(
        qi.extension,
        FHIR_EXT.item,
      ) ?? {};
    const help = (qi.item ?? []).find((c) => c.type === 'display');
    for (const c of qi.item ?? [])
      if (c.type !== 'display') unmapped.push(`Unterfrage ${c.linkId} von ${qi.linkId} wurde ausgelassen.`);
    let scale: AnswerScale | null = null;
    const known = meta.scale !== undefined ? scales[meta.scale] : undefined;
    if (qi.type === 'choice' && known) {
      scale = known;
    } else if (qi.type === 'choice') {
      const options: AnswerScale['options'] = [];
      let nullLabel: LocalizedText = { de: 'trifft nicht zu / keine Angabe' };
      (qi.answerOption ?? []).forEach((o, index) => {
        const label = extJson<LocalizedText>(o.extension, FHIR_EXT.texts);
        if (o.valueCoding?.system === ABSENT) {
          nullLabel = label ?? text(o.valueCoding.display, nullLabel.de);
          return;
        }
        const value = optionValue(o, index);
        if (value === undefined) {
          unmapped.push(`Frage ${qi.linkId}: Antwortoption ohne Wert ausgelassen.`);
          return;
        }
        options.push({ value, label: label ?? text(o.valueCoding?.display ?? o.valueString, String(value)) });
      });
      if (!qi.answerOption?.length)
        unmapped.push(`Frage ${qi.linkId}: keine Antwortoptionen (answerValueSet wird nicht aufgelöst).`);
      scale = { options, nullLabel };
    }
    if (qi.repeats)
      unmapped.push(`Frage ${qi.linkId}: Mehrfachantworten (repeats) werden als Einzelantwort übernommen.`);
    const enableWhen = (qi.enableWhen ?? []).flatMap((e): EnableCondition[] => {
      const value =
        e.answerBoolean ??
        (e.answerCoding?.code !== undefined ? Number(e.answerCoding.code) : undefined) ??
        e.answerInteger ??
        e.answerDecimal;
      if (value === undefined || (typeof value === 'number' && Number.isNaN(value))) {
        unmapped.push(`Frage ${qi.linkId}: Bedingung auf ${e.question} ohne auswertbaren Wert ausgelassen.`);
        return [];
      }
      return [{ item: keyOf(e.question), operator: e.operator as EnableCondition['operator'], value }];
    });
    return {
      key: itemKey,
      type: qi.type === 'choice' ? 'scale' : 'boolean',
      scale,
      required: qi.required ?? false,
      reverse: meta.reverse ?? false,
      scored: meta.scored ?? qi.type === 'choice',
      role: meta.role ?? 'rating',
      texts,
      ...(help
        ? { help: extJson<LocalizedText>(help.extension, FHIR_EXT.texts) ?? text(help.text, '') }
        : {}),
      ...(enableWhen.length ? { enableWhen, enableBehavior: qi.enableBehavior ?? 'all' } : {}),
    };
  };

  const topItems = (q.item as QuestionnaireItem[] | undefined) ?? [];
  const loose = topItems.filter((i) => i.type !== 'group');
  const dimensions = topItems
    .filter((i) => i.type === 'group')
    .map((g) => {
      const meta = extJson<{
        kind?: string;
        reference?: unknown;
        title?: LocalizedText;
        help?: LocalizedText;
      }>(g.extension, FHIR_EXT.dimension);
      if (!meta?.reference)
        unmapped.push(`Bereich ${g.linkId}: Referenzwerte für den RCI fehlen, vorläufig SD 20 / r .80.`);
      const flat = (g.item ?? []).flatMap((i) => {
        if (i.type !== 'group') return [i];
        unmapped.push(`Gruppe ${i.linkId} in ${g.linkId} wurde aufgelöst.`);
        return i.item ?? [];
      });
      return {
        key: keyOf(g.linkId),
        kind: meta?.kind ?? 'area',
        title: meta?.title ?? text(g.text, g.linkId),
        ...(meta?.help ? { help: meta.help } : {}),
        reference: meta?.reference ?? DEFAULT_REFERENCE,
        items: flat.flatMap((i) => mapItem(i) ?? []),
      };
    });
  if (loose.length) {
    unmapped.push(`${loose.length} Frage(n) ohne Gruppe wurden dem Bereich „Allgemein“ zugeordnet.`);
    dimensions.push({
      key: keyOf('general'),
      kind: 'area',
      title: { de: 'Allgemein' },
      reference: DEFAULT_REFERENCE,
      items: loose.flatMap((i) => mapItem(i) ?? []),
    });
  }
  const scoring = extJson<ScoringRules>(extensions, FHIR_EXT.scoring);
  if (!scoring) unmapped.push('Bewertungsregeln fehlen; Standardwerte übernommen.');
  const title =
    extJson<LocalizedText>(extensions, FHIR_EXT.title) ?? text(q.title as string | undefined, key);
  const description =
    extJson<LocalizedText>(extensions, FHIR_EXT.description) ??
    (typeof q.description === 'string' && q.description.trim() ? { de: q.description.trim() } : undefined);
  return {
    key,
    definition: {
      title,
      ...(description ? { description } : {}),
      scoring: scoring ?? DEFAULT_SCORING,
      dimensions,
    },
    unmapped,
  };
}

// ---------------------------------------------------------------------------------------------------
// QuestionnaireResponse

export function toQuestionnaireResponse(a: {
  id: string;
  clientId: string;
  instrumentKey: string;
  instrumentVersion: number;
  status: 'draft' | 'completed';
  amended: boolean;
  date: string;
  perspective: string;
  answers: Answers;
  scores: DimensionScore[];
  definition: InstrumentDefinition;
}): FhirResource {
  return {
    resourceType: 'QuestionnaireResponse',
    id: a.id,
    questionnaire: `urn:lotse:instrument:${a.instrumentKey}|${a.instrumentVersion}`,
    status: a.status === 'draft' ? 'in-progress' : a.amended ? 'amended' : 'completed',
    subject: { reference: `Patient/${a.clientId}` },
    authored: a.date,
    extension: [{ url: `${EXT}:perspective`, valueCode: a.perspective }],
    item: a.definition.dimensions.map((d) => {
      const score = a.scores.find((s) => s.dimension === d.key)?.score;
      return {
        linkId: d.key,
        text: d.title.de,
        ...(typeof score === 'number' ? { extension: [{ url: FHIR_EXT.score, valueDecimal: score }] } : {}),
        item: d.items
          .filter((i) => i.key in a.answers)
          .map((i) => {
            const v = a.answers[i.key];
            const answer =
              v === null
                ? { valueCoding: { system: ABSENT, code: 'not-applicable' } }
                : typeof v === 'boolean'
                  ? { valueBoolean: v }
                  : {
                      valueCoding: {
                        system: scaleSystem(a.instrumentKey),
                        code: String(v),
                        display: i.scale?.options.find((o) => o.value === v)?.label.de,
                      },
                    };
            return { linkId: i.key, text: (i.texts.self ?? i.texts.professional)?.de, answer: [answer] };
          }),
      };
    }),
  };
}
