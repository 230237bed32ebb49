import { z } from 'zod';

/**
 * The JSON shape of an instrument version: the one source of truth for server (storage, validation),
 * web (editor, entry, preview) and the FHIR mapping. Published versions are immutable; dimension and
 * item keys stay stable across versions so that change can be compared.
 */

export const instrumentLocales = ['de', 'de-LS', 'en'] as const;
export const instrumentLocale = z.enum(instrumentLocales);
export type InstrumentLocale = z.infer<typeof instrumentLocale>;

export const perspectives = ['self', 'professional'] as const;
export const perspective = z.enum(perspectives);
export type Perspective = z.infer<typeof perspective>;

export const occasions = ['intake', 'follow_up', 'exit'] as const;
export const occasion = z.enum(occasions);
export type Occasion = z.infer<typeof occasion>;

export const assessmentModes = ['together', 'self_link', 'paper'] as const;
export const assessmentMode = z.enum(assessmentModes);
export type AssessmentMode = z.infer<typeof assessmentMode>;

export const instrumentStatuses = ['draft', 'published'] as const;
export const instrumentStatus = z.enum(instrumentStatuses);
export type InstrumentStatus = z.infer<typeof instrumentStatus>;

/** Stable English snake_case keys for instruments, dimensions and items. */
export const stableKey = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, { message: 'Schlüssel: Kleinbuchstaben, Ziffern und _ (snake_case)' });

/** A text per locale; German is required, easy language and English are translations. */
export const localizedText = z.strictObject({
  de: z.string().trim().min(1).max(2000),
  'de-LS': z.string().trim().min(1).max(2000).optional(),
  en: z.string().trim().min(1).max(2000).optional(),
});
export type LocalizedText = z.infer<typeof localizedText>;

export const scaleOption = z.strictObject({
  value: z.number().int().min(-100).max(100),
  label: localizedText,
  /** The option's code in the source it was imported from (FHIR), to read answers coded that way. */
  code: z.string().trim().min(1).max(200).optional(),
});
export type ScaleOption = z.infer<typeof scaleOption>;

/** An ordinal answer scale: the allowed values with their labels; `null` always means "no answer". */
export const answerScale = z.strictObject({
  options: z.array(scaleOption).min(2).max(21),
  /** Label of the "does not apply / no answer" choice (answer value null). */
  nullLabel: localizedText,
});
export type AnswerScale = z.infer<typeof answerScale>;

export const itemTypes = ['scale', 'boolean'] as const;
export const itemType = z.enum(itemTypes);
export type ItemType = z.infer<typeof itemType>;

export const conditionOperators = ['=', '!=', '>', '<', '>=', '<=', 'exists'] as const;
export const enableCondition = z.strictObject({
  /** Key of an earlier item of the same instrument. */
  item: stableKey,
  operator: z.enum(conditionOperators),
  /** Compared value; for `exists`, true = answered (not null), false = unanswered. */
  value: z.union([z.number(), z.boolean()]),
});
export type EnableCondition = z.infer<typeof enableCondition>;

export const itemTexts = z.strictObject({
  self: localizedText.optional(),
  professional: localizedText.optional(),
});

export const instrumentItem = z.strictObject({
  key: stableKey,
  type: itemType,
  /** For `scale` items the allowed values and labels; `null` for yes/no items. */
  scale: answerScale.nullable(),
  /** A completed assessment must contain an answer (null = "does not apply" counts as an answer). */
  required: z.boolean(),
  /** Negatively worded: a high value means a worse situation; scoring turns it round. */
  reverse: z.boolean().default(false),
  /** Counts toward the dimension score (yes/no items such as "I want to work on this" never do). */
  scored: z.boolean().default(true),
  /** Marks "I want to work on this" items of a dimension. */
  role: z.enum(['rating', 'work_on']).default('rating'),
  /** Question text per perspective and locale; an item is asked in the perspectives it has text for. */
  texts: itemTexts,
  help: localizedText.optional(),
  enableWhen: z.array(enableCondition).max(5).optional(),
  enableBehavior: z.enum(['all', 'any']).optional(),
  /**
   * Set by an import when the item could not be taken over completely (e.g. no usable answer
   * options): the draft keeps it for editing, publishing is refused until the note is removed.
   */
  importIssue: z.string().trim().min(1).max(500).optional(),
});
export type InstrumentItem = z.infer<typeof instrumentItem>;

export const dimensionKinds = ['area', 'global'] as const;
export const instrumentDimension = z.strictObject({
  key: stableKey,
  /** `area` = a life area (radar axis, need flag); `global` = an overall rating such as life satisfaction. */
  kind: z.enum(dimensionKinds).default('area'),
  title: localizedText,
  help: localizedText.optional(),
  /** Reference values for the Reliable Change Index on the 0-100 score scale. */
  reference: z.strictObject({
    sd: z.number().positive().max(100),
    reliability: z.number().min(0).lt(1),
  }),
  items: z.array(instrumentItem).min(1).max(30),
});
export type InstrumentDimension = z.infer<typeof instrumentDimension>;

export const scoringRules = z.strictObject({
  /** Dimension scores (0-100) below this value flag a need ("Teilhabebedarf"). */
  needThreshold: z.number().min(0).max(100),
  /** Minimum share of a dimension's scored items that must be answered (not null) for a score. */
  minAnsweredShare: z.number().gt(0).max(1),
  /** Minimum share of area dimensions with a score for a total score. */
  minDimensionShare: z.number().gt(0).max(1),
  /** |RCI| above this is a reliable change (1.96 = 95 %). */
  rciCriterion: z.number().positive().max(5),
  /** A follow-up is due this many months after the latest completed assessment. */
  followUpMonths: z.number().int().min(1).max(60),
});
export type ScoringRules = z.infer<typeof scoringRules>;

const definitionShape = {
  title: localizedText,
  description: localizedText.optional(),
  scoring: scoringRules,
  dimensions: z.array(instrumentDimension).min(1).max(40),
};

/** Cross-field rules: unique keys, a scale where needed, conditions pointing to earlier items. */
function checkDefinition(
  def: { dimensions: InstrumentDimension[] },
  ctx: { addIssue: (i: { code: 'custom'; message: string; path: (string | number)[] }) => void },
) {
  const dims = new Set<string>();
  const seen = new Map<string, InstrumentItem>();
  // Dimension and item keys share one namespace (they become FHIR linkIds).
  const dimensionKeys = new Set(def.dimensions.map((d) => d.key));
  def.dimensions.forEach((d, di) => {
    if (dims.has(d.key))
      ctx.addIssue({
        code: 'custom',
        message: `Doppelter Schlüssel ${d.key}`,
        path: ['dimensions', di, 'key'],
      });
    dims.add(d.key);
    d.items.forEach((item, ii) => {
      const path = ['dimensions', di, 'items', ii];
      if (seen.has(item.key) || dimensionKeys.has(item.key))
        ctx.addIssue({ code: 'custom', message: `Doppelter Schlüssel ${item.key}`, path: [...path, 'key'] });
      if (item.type === 'scale' && !item.scale && !item.importIssue)
        ctx.addIssue({ code: 'custom', message: 'Skala fehlt', path: [...path, 'scale'] });
      if (item.type === 'boolean' && item.scale)
        ctx.addIssue({
          code: 'custom',
          message: 'Ja/Nein-Fragen haben keine Skala',
          path: [...path, 'scale'],
        });
      if (item.type === 'boolean' && item.scored)
        ctx.addIssue({
          code: 'custom',
          message: 'Ja/Nein-Fragen zählen nicht zum Wert',
          path: [...path, 'scored'],
        });
      if (item.scale) {
        const values = item.scale.options.map((o) => o.value);
        if (new Set(values).size !== values.length)
          ctx.addIssue({ code: 'custom', message: 'Doppelte Skalenwerte', path: [...path, 'scale'] });
      }
      if (!item.texts.self && !item.texts.professional)
        ctx.addIssue({ code: 'custom', message: 'Fragetext fehlt', path: [...path, 'texts'] });
      for (const [ci, c] of (item.enableWhen ?? []).entries()) {
        if (!seen.has(c.item))
          ctx.addIssue({
            code: 'custom',
            message: `Bedingung verweist auf keine frühere Frage: ${c.item}`,
            path: [...path, 'enableWhen', ci, 'item'],
          });
      }
      seen.set(item.key, item);
    });
  });
}

/** Items an import flagged for editing; a version with any of them cannot be published. */
export function itemsToEdit(def: { dimensions: InstrumentDimension[] }): InstrumentItem[] {
  return def.dimensions.flatMap((d) => d.items.filter((i) => i.importIssue !== undefined));
}

/** The editable content of an instrument version (what PATCH changes and what is stored as JSON). */
export const instrumentDefinition = z.strictObject(definitionShape).superRefine(checkDefinition);
export type InstrumentDefinition = z.infer<typeof instrumentDefinition>;
export type InstrumentDefinitionInput = z.input<typeof instrumentDefinition>;

/** An instrument version as the API returns it. */
export const instrumentView = z
  .object({
    id: z.uuid(),
    key: stableKey,
    version: z.number().int(),
    status: instrumentStatus,
    /** true for the system-wide instruments every agency can use (e.g. the default Teilhabe-Bogen). */
    shared: z.boolean(),
    basedOnId: z.uuid().nullable(),
    createdAt: z.string(),
    publishedAt: z.string().nullable(),
    ...definitionShape,
  })
  .meta({ id: 'Instrument' });
export type InstrumentView = z.infer<typeof instrumentView>;

export const instrumentListView = z.object({ items: z.array(instrumentView) });

export const instrumentListQuery = z.object({
  /** `published` (default) lists usable versions; `all` adds the agency's drafts (admins). */
  status: z.enum(['published', 'all']).default('published'),
});

export const updateInstrumentRequest = z.strictObject({
  title: localizedText.optional(),
  description: localizedText.optional(),
  scoring: scoringRules.optional(),
  dimensions: z.array(instrumentDimension).min(1).max(40).optional(),
});
export type UpdateInstrumentRequest = z.infer<typeof updateInstrumentRequest>;

export const formQuery = z.object({
  locale: instrumentLocale.default('de'),
  perspective: perspective.default('self'),
  /**
   * Prints the client's number (pseudonymous, no name) on the form, so that the paper can be entered
   * for the right person; needs the right to record assessments for that client and is audited.
   */
  clientId: z.uuid().optional(),
});

/** An answer: a scale value, yes/no, or null = "does not apply / no answer". */
export const answerValue = z.union([z.number(), z.boolean(), z.null()]);
export type AnswerValue = z.infer<typeof answerValue>;
export const answers = z.record(z.string().max(64), answerValue);
export type Answers = z.infer<typeof answers>;
