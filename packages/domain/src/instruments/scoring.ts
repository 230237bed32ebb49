import type {
  Answers,
  AnswerValue,
  EnableCondition,
  InstrumentDefinition,
  InstrumentDimension,
  InstrumentItem,
  Perspective,
} from './instrument.schema.ts';

/** Score of one dimension in one assessment (0-100, higher = better participation). */
export interface DimensionScore {
  dimension: string;
  kind: 'area' | 'global';
  /** null when fewer items were answered than the minimum. */
  score: number | null;
  /** Scored items answered with a value (not null). */
  answered: number;
  /** Scored items asked in this perspective whose condition holds. */
  items: number;
  /** Score below the need threshold ("Teilhabebedarf"); null without a score or for global ratings. */
  need: boolean | null;
  /** "I want to work on this" (self-assessment); null when not asked or not answered. */
  workOn: boolean | null;
}

export interface ScoreResult {
  dimensions: DimensionScore[];
  /** Mean of the area scores; null when too few areas have a score. */
  total: number | null;
}

export interface AnswerIssue {
  path: string;
  message: string;
}

/** Scores keep one decimal: stored, compared and shown alike. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/** Whether an item is asked in a perspective (it has a question text for it). */
export const askedIn = (item: InstrumentItem, perspective: Perspective) =>
  item.texts[perspective] !== undefined;

function conditionHolds(c: EnableCondition, answer: AnswerValue | undefined): boolean {
  if (c.operator === 'exists') return (answer !== undefined && answer !== null) === c.value;
  if (answer === undefined || answer === null) return false;
  switch (c.operator) {
    case '=':
      return answer === c.value;
    case '!=':
      return answer !== c.value;
    case '>':
      return typeof answer === 'number' && typeof c.value === 'number' && answer > c.value;
    case '<':
      return typeof answer === 'number' && typeof c.value === 'number' && answer < c.value;
    case '>=':
      return typeof answer === 'number' && typeof c.value === 'number' && answer >= c.value;
    case '<=':
      return typeof answer === 'number' && typeof c.value === 'number' && answer <= c.value;
  }
}

/** Show/hide conditions: an item without conditions is always enabled. */
export function isEnabled(item: InstrumentItem, answers: Answers): boolean {
  const conditions = item.enableWhen ?? [];
  if (conditions.length === 0) return true;
  const results = conditions.map((c) => conditionHolds(c, answers[c.item]));
  return item.enableBehavior === 'any' ? results.some(Boolean) : results.every(Boolean);
}

/** An answer on the item's scale as 0..1, turned round for reverse-coded items. */
export function normalisedAnswer(item: InstrumentItem, value: number): number {
  const values = (item.scale?.options ?? []).map((o) => o.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const share = (value - min) / (max - min);
  return item.reverse ? 1 - share : share;
}

export function scoredItems(dimension: InstrumentDimension, perspective: Perspective, answers: Answers) {
  return dimension.items.filter(
    (i) => i.type === 'scale' && i.scored && askedIn(i, perspective) && isEnabled(i, answers),
  );
}

/**
 * Dimension score = mean of the answered scored items on 0..1 (reverse-coded items turned round),
 * times 100, one decimal. "Does not apply / no answer" (null), unanswered and disabled items do not
 * count; with fewer answered items than `minAnsweredShare` of the dimension's items there is no score.
 * Total = mean of the area scores when at least `minDimensionShare` of the areas have one.
 */
export function scoreAssessment(
  def: InstrumentDefinition,
  perspective: Perspective,
  answers: Answers,
): ScoreResult {
  const { needThreshold, minAnsweredShare, minDimensionShare } = def.scoring;
  const dimensions = def.dimensions.map((d): DimensionScore => {
    const items = scoredItems(d, perspective, answers);
    const values = items.flatMap((i) => {
      const v = answers[i.key];
      return typeof v === 'number' ? [normalisedAnswer(i, v)] : [];
    });
    const needed = Math.max(1, Math.ceil(minAnsweredShare * items.length - 1e-9));
    const score =
      items.length > 0 && values.length >= needed
        ? round1((values.reduce((a, b) => a + b, 0) / values.length) * 100)
        : null;
    const workOnItem = d.items.find((i) => i.role === 'work_on' && askedIn(i, perspective));
    const workOnAnswer = workOnItem ? answers[workOnItem.key] : undefined;
    return {
      dimension: d.key,
      kind: d.kind,
      score,
      answered: values.length,
      items: items.length,
      need: score === null || d.kind !== 'area' ? null : score < needThreshold,
      workOn: typeof workOnAnswer === 'boolean' ? workOnAnswer : null,
    };
  });
  const areas = dimensions.filter((d) => d.kind === 'area');
  const scored = areas.flatMap((d) => (d.score === null ? [] : [d.score]));
  const neededAreas = Math.max(1, Math.ceil(minDimensionShare * areas.length - 1e-9));
  const total =
    scored.length >= neededAreas ? round1(scored.reduce((a, b) => a + b, 0) / scored.length) : null;
  return { dimensions, total };
}

/**
 * Checks answers against the instrument: every key must be an item asked in this perspective, scale
 * answers must be one of the scale's values, yes/no answers booleans, and null always means "does not
 * apply / no answer". A completed assessment must contain every required item whose condition holds.
 * Returns issues naming the item (path `answers.<itemKey>`); empty = valid.
 */
export function validateAnswers(
  def: InstrumentDefinition,
  perspective: Perspective,
  answers: Answers,
  options: { complete: boolean },
): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const items = new Map(def.dimensions.flatMap((d) => d.items.map((i) => [i.key, i] as const)));
  for (const [key, value] of Object.entries(answers)) {
    const item = items.get(key);
    const path = `answers.${key}`;
    if (!item || !askedIn(item, perspective)) {
      issues.push({ path, message: `Unbekannte Frage „${key}“ in dieser Perspektive.` });
      continue;
    }
    if (value === null) continue;
    if (item.type === 'boolean') {
      if (typeof value !== 'boolean') issues.push({ path, message: `Frage „${key}“: nur Ja oder Nein.` });
      continue;
    }
    const allowed = (item.scale?.options ?? []).map((o) => o.value);
    if (typeof value !== 'number' || !allowed.includes(value)) {
      issues.push({
        path,
        message: `Frage „${key}“: ${JSON.stringify(value)} liegt nicht auf der Skala (${allowed.join(', ')} oder null).`,
      });
    }
  }
  if (options.complete) {
    for (const item of items.values()) {
      if (!item.required || !askedIn(item, perspective) || !isEnabled(item, answers)) continue;
      if (!(item.key in answers))
        issues.push({ path: `answers.${item.key}`, message: `Pflichtfrage „${item.key}“ fehlt.` });
    }
  }
  return issues;
}
