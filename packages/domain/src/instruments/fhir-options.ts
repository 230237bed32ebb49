/**
 * The answer options of a FHIR Questionnaire item, wherever they are declared: inline `answerOption`
 * or an `answerValueSet` pointing to a ValueSet contained in the Questionnaire (`"#id"`), read from its
 * expansion (`expansion.contains`, nested entries flattened) or else its definition
 * (`compose.include[].concept`). Score weights come from the R4 `ordinalValue` or the SDC `itemWeight`
 * extension. External ValueSets would need a terminology server, so they are reported, not fetched.
 */

export interface FhirExtension {
  url: string;
  valueString?: string;
  valueDecimal?: number;
  valueInteger?: number;
  valueCode?: string;
  valueCodeableConcept?: unknown;
  extension?: FhirExtension[];
}

export interface FhirCoding {
  system?: string;
  code?: string;
  display?: string;
  extension?: FhirExtension[];
}

export interface FhirAnswerOption {
  valueCoding?: FhirCoding;
  valueInteger?: number;
  valueString?: string;
  extension?: FhirExtension[];
}

/** One option as found in the source, before it becomes a scale value. */
export interface SourceOption {
  system?: string | undefined;
  code?: string | undefined;
  display?: string | undefined;
  integer?: number | undefined;
  weight?: number | undefined;
  extension?: FhirExtension[] | undefined;
}

export const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
/** SDC item weight: the R5 core URL (used by SDC 3) and the one of earlier SDC releases. */
export const ITEM_WEIGHT = [
  'http://hl7.org/fhir/StructureDefinition/itemWeight',
  'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-itemWeight',
];
const isWeight = (url: string) =>
  url === ORDINAL_VALUE || ITEM_WEIGHT.includes(url) || /(ordinalValue|itemWeight)$/.test(url);

/** The ordinalValue / itemWeight of a coding or option, if any of the given extension lists has one. */
export function weightOf(...lists: (FhirExtension[] | undefined)[]): number | undefined {
  for (const list of lists)
    for (const e of list ?? []) {
      if (!isWeight(e.url)) continue;
      const v = e.valueDecimal ?? e.valueInteger;
      if (typeof v === 'number' && Number.isFinite(v)) return v;
    }
  return undefined;
}

interface ValueSetConcept {
  system?: string;
  code?: string;
  display?: string;
  extension?: FhirExtension[];
  contains?: ValueSetConcept[];
}
interface ContainedValueSet {
  resourceType?: string;
  id?: string;
  expansion?: { contains?: ValueSetConcept[] };
  compose?: { include?: { system?: string; concept?: ValueSetConcept[] }[] };
}

const flatten = (list: ValueSetConcept[] | undefined): ValueSetConcept[] =>
  (list ?? []).flatMap((c) => [...(c.code !== undefined ? [c] : []), ...flatten(c.contains)]);

function fromValueSet(vs: ContainedValueSet): SourceOption[] {
  const expansion = flatten(vs.expansion?.contains);
  const concepts = expansion.length
    ? expansion
    : (vs.compose?.include ?? []).flatMap((inc) =>
        (inc.concept ?? []).map((c) => ({ ...c, system: c.system ?? inc.system })),
      );
  return concepts.map((c) => ({
    system: c.system,
    code: c.code,
    display: c.display,
    weight: weightOf(c.extension),
    extension: c.extension,
  }));
}

/**
 * Options of an item, or a reason (in German, shown to the admin) why there are none. Contained
 * ValueSets are looked up by id in the Questionnaire's `contained` list.
 */
export function optionsOf(
  item: { answerOption?: FhirAnswerOption[]; answerValueSet?: string },
  contained: unknown,
): { options: SourceOption[] } | { reason: string } {
  if (item.answerOption?.length)
    return {
      options: item.answerOption.map((o) => ({
        system: o.valueCoding?.system,
        code: o.valueCoding?.code,
        display: o.valueCoding?.display ?? o.valueString,
        integer: o.valueInteger,
        weight: weightOf(o.extension, o.valueCoding?.extension),
        extension: o.extension,
      })),
    };
  const ref = item.answerValueSet;
  if (!ref) return { reason: 'keine Antwortoptionen angegeben' };
  if (!ref.startsWith('#'))
    return { reason: `das ValueSet ${ref} liegt außerhalb des Fragebogens und wird nicht abgerufen` };
  const vs = (Array.isArray(contained) ? (contained as ContainedValueSet[]) : []).find(
    (r) => r?.resourceType === 'ValueSet' && r.id === ref.slice(1),
  );
  if (!vs) return { reason: `das enthaltene ValueSet ${ref} fehlt im Fragebogen` };
  const options = fromValueSet(vs);
  return options.length ? { options } : { reason: `das ValueSet ${ref} enthält keine Codes` };
}
