import { type FhirAnswerOption, type FhirExtension, ORDINAL_VALUE } from './fhir-options.ts';
import type {
  AnswerScale,
  EnableCondition,
  InstrumentDefinition,
  InstrumentItem,
  LocalizedText,
} from './instrument.schema.ts';

/**
 * HL7 FHIR R4 mapping of instruments (Questionnaire) and assessments (QuestionnaireResponse).
 * Dimensions become `group` items, scale items `choice` items whose answerOptions carry the value as
 * code and as ordinalValue, yes/no items `boolean`, help texts `display` children with itemControl
 * "help", conditions `enableWhen`. What FHIR has no place for (other perspective, translations,
 * scoring rules, reference values) travels in Lotse extensions, so a round trip keeps it.
 */

export type FhirResource = Record<string, unknown> & { resourceType: string };
export interface QuestionnaireItem {
  linkId: string;
  type: string;
  text?: string;
  required?: boolean;
  repeats?: boolean;
  item?: QuestionnaireItem[];
  answerOption?: FhirAnswerOption[];
  answerValueSet?: string;
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

export const EXT = 'urn:lotse:fhir:extension';
export const FHIR_EXT = {
  texts: `${EXT}:texts`,
  item: `${EXT}:item`,
  dimension: `${EXT}:dimension`,
  scoring: `${EXT}:scoring`,
  title: `${EXT}:title`,
  description: `${EXT}:description`,
  score: `${EXT}:dimension-score`,
  scales: `${EXT}:scales`,
  perspective: `${EXT}:perspective`,
  occasion: `${EXT}:occasion`,
} as const;
const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
export const ABSENT = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

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

export const json = (url: string, value: unknown): FhirExtension => ({
  url,
  valueString: JSON.stringify(value),
});
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

export const scaleSystem = (key: string) => `urn:lotse:instrument:${key}:scale`;

function answerOptions(key: string, scale: AnswerScale): QuestionnaireItem['answerOption'] {
  return [
    ...scale.options.map((o) => ({
      valueCoding: { system: scaleSystem(key), code: String(o.value), display: o.label.de },
      extension: [{ url: ORDINAL_VALUE, valueDecimal: o.value }],
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
