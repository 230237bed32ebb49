/**
 * A realistic SDC Questionnaire as other systems publish it: answer options in contained ValueSets
 * (one with an expansion carrying R4 ordinalValue weights, one defined by compose.include.concept with
 * SDC itemWeight weights), an external ValueSet no one can resolve offline, a calculated total and a
 * display text. The structure follows common screening forms; the wording is neutral and made up.
 */
const FREQUENCY = 'http://example.org/fhir/CodeSystem/frequency';
const BURDEN = 'http://example.org/fhir/CodeSystem/burden';
const ORDINAL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
const ITEM_WEIGHT = 'http://hl7.org/fhir/StructureDefinition/itemWeight';

export const frequencyOptions = [
  { code: 'never', display: 'Überhaupt nicht', weight: 0 },
  { code: 'some-days', display: 'An einzelnen Tagen', weight: 1 },
  { code: 'half-days', display: 'An mehr als der Hälfte der Tage', weight: 2 },
  { code: 'nearly-daily', display: 'Beinahe jeden Tag', weight: 3 },
];
export const burdenOptions = [
  { code: 'none', display: 'Gar nicht belastend', weight: 0 },
  { code: 'somewhat', display: 'Etwas belastend', weight: 1 },
  { code: 'strongly', display: 'Stark belastend', weight: 2 },
  { code: 'extremely', display: 'Sehr stark belastend', weight: 3 },
];

export const moodStatements = [
  'Ich fühlte mich tagsüber müde.',
  'Mir fiel es schwer, mich auf eine Sache zu konzentrieren.',
  'Ich hatte wenig Lust, etwas zu unternehmen.',
  'Ich schlief schlechter als sonst.',
  'Ich aß unregelmäßiger als sonst.',
  'Ich fühlte mich angespannt.',
  'Ich zog mich von anderen zurück.',
  'Alltägliche Aufgaben kosteten mich viel Kraft.',
  'Ich machte mir viele Gedanken über die Zukunft.',
];

export const SDC_URL = 'http://example.org/fhir/Questionnaire/mood-short';
export const SDC_VERSION = '2.1.0';

export const sdcMoodQuestionnaire = {
  resourceType: 'Questionnaire',
  id: 'mood-short',
  meta: { profile: ['http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire|3.0.0'] },
  url: SDC_URL,
  version: SDC_VERSION,
  name: 'MoodShortForm',
  title: 'Stimmungs-Kurzbogen (Testbogen)',
  status: 'active',
  language: 'de',
  contained: [
    {
      resourceType: 'ValueSet',
      id: 'frequency',
      status: 'active',
      compose: {
        include: [
          { system: FREQUENCY, concept: frequencyOptions.map(({ code, display }) => ({ code, display })) },
        ],
      },
      expansion: {
        identifier: 'urn:uuid:5c3b0c56-0d1e-4a44-9c6e-3d9e8b1f2a10',
        timestamp: '2026-01-15T10:00:00+01:00',
        contains: frequencyOptions.map((o) => ({
          system: FREQUENCY,
          code: o.code,
          display: o.display,
          extension: [{ url: ORDINAL, valueDecimal: o.weight }],
        })),
      },
    },
    {
      resourceType: 'ValueSet',
      id: 'burden',
      status: 'active',
      compose: {
        include: [
          {
            system: BURDEN,
            concept: burdenOptions.map((o) => ({
              code: o.code,
              display: o.display,
              extension: [{ url: ITEM_WEIGHT, valueDecimal: o.weight }],
            })),
          },
        ],
      },
    },
  ],
  item: [
    {
      linkId: 'mood',
      type: 'group',
      text: 'Wie oft traf in den letzten zwei Wochen Folgendes auf Sie zu?',
      item: [
        ...moodStatements.map((text, i) => ({
          linkId: `mood.${i + 1}`,
          type: 'choice',
          text,
          required: true,
          answerValueSet: '#frequency',
        })),
        {
          linkId: 'mood.total',
          type: 'integer',
          text: 'Summenwert',
          readOnly: true,
          extension: [
            {
              url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression',
              valueExpression: {
                language: 'text/fhirpath',
                expression: '%resource.item.answer.value.weight().sum()',
              },
            },
          ],
        },
      ],
    },
    {
      linkId: 'daily',
      type: 'group',
      text: 'Alltag',
      item: [
        {
          linkId: 'daily.burden',
          type: 'choice',
          text: 'Wie sehr belasten Sie diese Beschwerden im Alltag?',
          answerValueSet: '#burden',
        },
        {
          linkId: 'daily.support',
          type: 'choice',
          text: 'Wie gut fühlen Sie sich unterstützt?',
          answerValueSet: 'http://example.org/fhir/ValueSet/support-level',
        },
      ],
    },
  ],
};

/** A response to the SDC questionnaire as the other system sends it (codes, no Lotse extensions). */
export function sdcMoodResponse(codes: string[], burden: string) {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: `${SDC_URL}|${SDC_VERSION}`,
    status: 'completed',
    subject: { reference: 'Patient/other-system-4711' },
    authored: '2026-01-20T09:30:00+01:00',
    item: [
      {
        linkId: 'mood',
        item: codes.map((code, i) => {
          const o = frequencyOptions.find((x) => x.code === code);
          return {
            linkId: `mood.${i + 1}`,
            answer: [{ valueCoding: { system: FREQUENCY, code, display: o?.display } }],
          };
        }),
      },
      {
        linkId: 'daily',
        item: [{ linkId: 'daily.burden', answer: [{ valueCoding: { system: BURDEN, code: burden } }] }],
      },
    ],
  };
}
