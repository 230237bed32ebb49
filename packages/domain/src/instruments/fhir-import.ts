import { ABSENT, FHIR_EXT, type QuestionnaireItem } from './fhir.ts';
import { type FhirExtension, optionsOf, type SourceOption } from './fhir-options.ts';
import type { AnswerScale, EnableCondition, LocalizedText, ScoringRules } from './instrument.schema.ts';

/**
 * Import of a FHIR R4 Questionnaire (Lotse's own export or a foreign one, e.g. an SDC form) as a
 * candidate instrument definition. What does not map is listed in words for the admin; an item whose
 * answer options cannot be read is kept, flagged for editing (`importIssue`), so one bad item does not
 * sink the whole import.
 */

const DEFAULT_SCORING: ScoringRules = {
  needThreshold: 50,
  minAnsweredShare: 0.5,
  minDimensionShare: 0.75,
  rciCriterion: 1.96,
  followUpMonths: 6,
};
const DEFAULT_REFERENCE = { sd: 20, reliability: 0.8 };
const NULL_LABEL: LocalizedText = { de: 'trifft nicht zu / keine Angabe' };

function extJson<T>(extensions: FhirExtension[] | undefined, url: string): T | undefined {
  const e = extensions?.find((x) => x.url === url);
  if (!e?.valueString) return undefined;
  try {
    return JSON.parse(e.valueString) as T;
  } catch {
    return undefined;
  }
}

/** Letters and digits of a free text as snake_case ASCII (umlauts transliterated); '' if none are left. */
function snake(s: string): string {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/ß/g, 'ss')
    .replace(/[ÄäÖöÜü]/g, (c) => `${c.normalize('NFD')[0]}e`)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 60)
    .replace(/_+$/, '');
}

/** A FHIR linkId as a stable snake_case key. */
export function toKey(linkId: string): string {
  const k = snake(linkId);
  return /^[a-z]/.test(k) ? k : `q_${k || 'item'}`;
}

/**
 * The instrument key of an imported Questionnaire: the key of a Lotse export, else its `name`, the last
 * segment of its canonical `url`, or its `title`, slugified. `undefined` when none of them has a
 * letter or digit: the caller then picks a unique key, so unrelated nameless imports never become
 * versions of one instrument.
 */
export function instrumentKeyOf(q: Record<string, unknown>): string | undefined {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const url = str(q.url).split('|')[0] ?? '';
  const lotse = /^urn:lotse:instrument:(.+)$/.exec(url)?.[1];
  const urlSegment = url.split(/[/:#]/).filter(Boolean).at(-1) ?? '';
  for (const candidate of [lotse, str(q.name), urlSegment, str(q.title)]) {
    if (candidate && snake(candidate)) return toKey(candidate);
  }
  return undefined;
}

const text = (t: string | undefined, fallback: string): LocalizedText => ({ de: t?.trim() || fallback });

export interface QuestionnaireImport {
  /** Derived from the Questionnaire (see `instrumentKeyOf`); undefined = the caller picks one. */
  key: string | undefined;
  /** Canonical url and version of the source, to resolve QuestionnaireResponses that cite it. */
  canonical: { url: string; version: string | null } | null;
  /** Candidate definition; the caller validates it with `instrumentDefinition`. */
  definition: unknown;
  /** What did not map, in words (shown to the admin). */
  unmapped: string[];
  /** Items kept in the draft but flagged for editing before the version can be published. */
  itemsToEdit: { key: string; linkId: string; reason: string }[];
}

/**
 * Scale of a choice item from its source options: the weight (ordinalValue / itemWeight) is the value,
 * else an integer option or a numeric code, else the position. Codes that are not the value itself are
 * kept on the option so answers coded that way can be read later.
 */
function scaleOf(options: SourceOption[]): { scale: AnswerScale | null; problem?: string } {
  let nullLabel = NULL_LABEL;
  const result: AnswerScale['options'] = [];
  const kept = options.filter((o) => {
    if (o.system !== ABSENT) return true;
    nullLabel = extJson<LocalizedText>(o.extension, FHIR_EXT.texts) ?? text(o.display, NULL_LABEL.de);
    return false;
  });
  for (const [index, o] of kept.entries()) {
    const numericCode = o.code !== undefined && /^-?\d+$/.test(o.code.trim()) ? Number(o.code) : undefined;
    const value =
      o.weight !== undefined && Number.isInteger(o.weight)
        ? o.weight
        : (o.integer ?? numericCode ?? index + 1);
    const label = extJson<LocalizedText>(o.extension, FHIR_EXT.texts) ?? text(o.display, String(value));
    result.push({
      value,
      label,
      ...(o.code !== undefined && o.code !== String(value) ? { code: o.code } : {}),
    });
  }
  const values = result.map((o) => o.value);
  if (result.length < 2) return { scale: null, problem: `nur ${result.length} Antwortoption(en) gefunden` };
  if (new Set(values).size !== values.length)
    return { scale: null, problem: `mehrere Antwortoptionen haben denselben Wert (${values.join(', ')})` };
  if (values.some((v) => v < -100 || v > 100))
    return { scale: null, problem: 'Antwortwerte außerhalb von -100 bis 100' };
  if (result.length > 21) return { scale: null, problem: `${result.length} Antwortoptionen (höchstens 21)` };
  return { scale: { options: result, nullLabel } };
}

/** Maps a FHIR R4 Questionnaire to a draft instrument definition, listing what does not map. */
export function fromQuestionnaire(q: Record<string, unknown>): QuestionnaireImport {
  if (q.resourceType !== 'Questionnaire') throw new Error('resourceType must be Questionnaire');
  const unmapped: string[] = [];
  const itemsToEdit: QuestionnaireImport['itemsToEdit'] = [];
  const key = instrumentKeyOf(q);
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
  // Scales of the items mapped so far, to read coded enableWhen answers.
  const scaleByLinkId = new Map<string, AnswerScale>();

  const conditionValue = (e: NonNullable<QuestionnaireItem['enableWhen']>[number]) => {
    if (e.answerBoolean !== undefined) return e.answerBoolean;
    if (e.answerCoding?.code !== undefined) {
      const coded = scaleByLinkId.get(e.question)?.options.find((o) => o.code === e.answerCoding?.code);
      return coded?.value ?? Number(e.answerCoding.code);
    }
    return e.answerInteger ?? e.answerDecimal;
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
    let importIssue: string | undefined;
    const known = meta.scale !== undefined ? scales[meta.scale] : undefined;
    if (qi.type === 'choice' && known) {
      scale = known;
    } else if (qi.type === 'choice') {
      const found = optionsOf(qi, q.contained);
      const mapped = 'options' in found ? scaleOf(found.options) : { scale: null, problem: found.reason };
      scale = mapped.scale;
      if (mapped.problem) {
        importIssue = `Keine verwendbare Antwortskala: ${mapped.problem}. Bitte Skala festlegen oder die Frage entfernen.`;
        unmapped.push(`Frage ${qi.linkId}: ${importIssue}`);
        itemsToEdit.push({ key: itemKey, linkId: qi.linkId, reason: importIssue });
      }
    }
    if (scale) scaleByLinkId.set(qi.linkId, scale);
    if (qi.repeats)
      unmapped.push(`Frage ${qi.linkId}: Mehrfachantworten (repeats) werden als Einzelantwort übernommen.`);
    const enableWhen = (qi.enableWhen ?? []).flatMap((e): EnableCondition[] => {
      const value = conditionValue(e);
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
      // An item without a scale cannot count yet; the editor decides once the scale is fixed.
      scored: meta.scored ?? (qi.type === 'choice' && scale !== null),
      role: meta.role ?? 'rating',
      texts,
      ...(help
        ? { help: extJson<LocalizedText>(help.extension, FHIR_EXT.texts) ?? text(help.text, '') }
        : {}),
      ...(enableWhen.length ? { enableWhen, enableBehavior: qi.enableBehavior ?? 'all' } : {}),
      ...(importIssue ? { importIssue } : {}),
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
    extJson<LocalizedText>(extensions, FHIR_EXT.title) ??
    text(q.title as string | undefined, key ?? 'Importierter Fragebogen');
  const description =
    extJson<LocalizedText>(extensions, FHIR_EXT.description) ??
    (typeof q.description === 'string' && q.description.trim() ? { de: q.description.trim() } : undefined);
  const url = typeof q.url === 'string' && q.url.trim() ? q.url.trim() : undefined;
  return {
    key,
    // Lotse's own URNs resolve by key and version; only foreign canonicals need remembering.
    canonical:
      url && !url.startsWith('urn:lotse:')
        ? { url, version: typeof q.version === 'string' && q.version.trim() ? q.version.trim() : null }
        : null,
    definition: {
      title,
      ...(description ? { description } : {}),
      scoring: scoring ?? DEFAULT_SCORING,
      dimensions,
    },
    unmapped,
    itemsToEdit,
  };
}
