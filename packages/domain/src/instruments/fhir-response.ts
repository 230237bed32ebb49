import { ABSENT, FHIR_EXT, type FhirResource, scaleSystem } from './fhir.ts';
import { toKey } from './fhir-import.ts';
import { type FhirCoding, type FhirExtension, weightOf } from './fhir-options.ts';
import {
  type Answers,
  type AnswerValue,
  type InstrumentDefinition,
  type InstrumentItem,
  type Occasion,
  occasion as occasionSchema,
  type Perspective,
  perspective as perspectiveSchema,
} from './instrument.schema.ts';
import type { DimensionScore } from './scoring.ts';

/**
 * HL7 FHIR R4 QuestionnaireResponse: an assessment as response (export) and answers from another
 * system or a scanned paper form read back into an assessment (import).
 */

const LOTSE_URN = 'urn:lotse:instrument:';

/** The Questionnaire canonical of an instrument version, as `questionnaire` of a response cites it. */
export const questionnaireCanonical = (key: string, version: number) => `${LOTSE_URN}${key}|${version}`;

export function toQuestionnaireResponse(a: {
  id: string;
  clientId: string;
  instrumentKey: string;
  instrumentVersion: number;
  status: 'draft' | 'completed';
  amended: boolean;
  date: string;
  perspective: Perspective;
  occasion?: Occasion;
  answers: Answers;
  scores: DimensionScore[];
  definition: InstrumentDefinition;
}): FhirResource {
  // The wording the person answered: a professional assessment carries the professional texts.
  const textOf = (i: InstrumentItem) => (i.texts[a.perspective] ?? i.texts.self ?? i.texts.professional)?.de;
  return {
    resourceType: 'QuestionnaireResponse',
    id: a.id,
    questionnaire: questionnaireCanonical(a.instrumentKey, a.instrumentVersion),
    status: a.status === 'draft' ? 'in-progress' : a.amended ? 'amended' : 'completed',
    subject: { reference: `Patient/${a.clientId}` },
    authored: a.date,
    extension: [
      { url: FHIR_EXT.perspective, valueCode: a.perspective },
      ...(a.occasion ? [{ url: FHIR_EXT.occasion, valueCode: a.occasion }] : []),
    ],
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
            return { linkId: i.key, text: textOf(i), answer: [answer] };
          }),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------
// Import

interface ResponseAnswer {
  valueCoding?: FhirCoding;
  valueInteger?: number;
  valueDecimal?: number;
  valueBoolean?: boolean;
  valueString?: string;
  extension?: FhirExtension[];
  item?: ResponseItem[];
  [k: string]: unknown;
}
interface ResponseItem {
  linkId?: string;
  answer?: ResponseAnswer[];
  item?: ResponseItem[];
}

export interface ResponseIssue {
  path: string;
  message: string;
}

/** A `questionnaire` canonical split into url and version; Lotse instruments also give key and version. */
export function parseCanonical(canonical: string) {
  const [url = '', version] = canonical.trim().split('|');
  const lotse = url.startsWith(LOTSE_URN) ? url.slice(LOTSE_URN.length) : undefined;
  const lotseVersion = version !== undefined && /^\d+$/.test(version) ? Number(version) : undefined;
  return {
    url,
    version: version?.trim() || null,
    lotse: lotse ? { key: lotse, version: lotseVersion ?? null } : null,
  };
}

/** What the response itself says about the assessment; the caller lets body parameters win. */
export function responseHeader(qr: Record<string, unknown>) {
  const ext = (qr.extension as FhirExtension[] | undefined) ?? [];
  const code = (url: string) => ext.find((e) => e.url === url)?.valueCode;
  const perspective = perspectiveSchema.safeParse(code(FHIR_EXT.perspective));
  const occasion = occasionSchema.safeParse(code(FHIR_EXT.occasion));
  const authored = typeof qr.authored === 'string' ? qr.authored.slice(0, 10) : undefined;
  const statuses: Record<string, 'draft' | 'completed'> = {
    'in-progress': 'draft',
    completed: 'completed',
    amended: 'completed',
  };
  return {
    questionnaire: typeof qr.questionnaire === 'string' ? qr.questionnaire : undefined,
    perspective: perspective.success ? perspective.data : undefined,
    occasion: occasion.success ? occasion.data : undefined,
    date: authored && /^\d{4}-\d{2}-\d{2}$/.test(authored) ? authored : undefined,
    /** undefined when the response is neither in progress nor completed (stopped, entered-in-error). */
    status: statuses[typeof qr.status === 'string' ? qr.status : 'completed'],
  };
}

const sameText = (a: string | undefined, b: string | undefined) =>
  a !== undefined && b !== undefined && a.trim().toLowerCase() === b.trim().toLowerCase();

/** One FHIR answer as a Lotse answer value, or a message why it does not fit the item. */
function answerValue(item: InstrumentItem, a: ResponseAnswer): AnswerValue | { problem: string } {
  const coding = a.valueCoding;
  if (coding?.system === ABSENT) return null;
  if (item.type === 'boolean') {
    if (typeof a.valueBoolean === 'boolean') return a.valueBoolean;
    if (coding?.code === 'Y' || coding?.code === 'N') return coding.code === 'Y';
    return { problem: 'erwartet valueBoolean (Ja/Nein)' };
  }
  const options = item.scale?.options ?? [];
  const byValue = (v: number | undefined) => options.find((o) => o.value === v)?.value;
  if (coding) {
    const found =
      options.find((o) => o.code !== undefined && o.code === coding.code)?.value ??
      byValue(weightOf(coding.extension, a.extension)) ??
      (coding.code !== undefined && /^-?\d+$/.test(coding.code) ? byValue(Number(coding.code)) : undefined) ??
      options.find((o) => Object.values(o.label).some((l) => sameText(l, coding.display)))?.value;
    return found ?? { problem: `Code „${coding.code ?? coding.display ?? ''}“ gehört nicht zur Skala` };
  }
  const number = a.valueInteger ?? a.valueDecimal;
  if (typeof number === 'number')
    return byValue(number) ?? { problem: `${number} liegt nicht auf der Skala` };
  if (typeof a.valueString === 'string') {
    const s = a.valueString;
    const found =
      (/^-?\d+$/.test(s.trim()) ? byValue(Number(s)) : undefined) ??
      options.find((o) => Object.values(o.label).some((l) => sameText(l, s)))?.value;
    return found ?? { problem: `„${s}“ gehört nicht zur Skala` };
  }
  return { problem: 'keine lesbare Antwort (valueCoding, valueInteger, valueDecimal oder valueString)' };
}

/**
 * Reads the answers of a QuestionnaireResponse against an instrument definition. Items are found by
 * linkId: the item key itself (Lotse's export) or the key an import derived from a foreign linkId.
 * Groups are walked through; every answer that does not fit is an issue naming its linkId.
 */
export function answersFromResponse(
  qr: Record<string, unknown>,
  def: InstrumentDefinition,
): { answers: Answers; issues: ResponseIssue[] } {
  const items = new Map(def.dimensions.flatMap((d) => d.items.map((i) => [i.key, i] as const)));
  const answers: Answers = {};
  const issues: ResponseIssue[] = [];
  const walk = (list: unknown, path: string) => {
    if (!Array.isArray(list)) return;
    (list as ResponseItem[]).forEach((ri, index) => {
      const at = `${path}[${index}]`;
      const linkId = typeof ri?.linkId === 'string' ? ri.linkId : '';
      const item = items.get(linkId) ?? items.get(toKey(linkId));
      const given = Array.isArray(ri?.answer) ? ri.answer : [];
      if (!item) {
        if (given.length)
          issues.push({ path: at, message: `Unbekannte Frage „${linkId}“ in diesem Erhebungsbogen.` });
        walk(ri?.item, `${at}.item`);
        return;
      }
      if (given.length === 0) return;
      if (given.length > 1) {
        issues.push({ path: at, message: `Frage „${linkId}“: nur eine Antwort erlaubt.` });
        return;
      }
      if (item.key in answers) {
        issues.push({ path: at, message: `Frage „${linkId}“ ist mehrfach beantwortet.` });
        return;
      }
      const value = answerValue(item, given[0] as ResponseAnswer);
      if (value !== null && typeof value === 'object') {
        issues.push({ path: `${at}.answer[0]`, message: `Frage „${linkId}“: ${value.problem}.` });
        return;
      }
      answers[item.key] = value;
      walk((given[0] as ResponseAnswer).item, `${at}.answer[0].item`);
    });
  };
  walk(qr.item, 'item');
  return { answers, issues };
}
