import type { DimensionScore } from './scoring.ts';

export const changeClasses = ['improved', 'unchanged', 'worsened'] as const;
export type ChangeClass = (typeof changeClasses)[number];

export interface ReliableChange {
  /** x2 - x1 on the score scale. */
  difference: number;
  /** Standard error of measurement: SD_ref * sqrt(1 - reliability). */
  se: number;
  /** Standard error of the difference: sqrt(2) * SE. */
  sDiff: number;
  /** (x2 - x1) / S_diff. */
  rci: number;
  class: ChangeClass;
}

/**
 * Reliable Change Index (Jacobson & Truax 1991). Scores are "higher = better", so a reliable
 * increase is `improved`. |RCI| must exceed the criterion (1.96 = 95 %).
 */
export function reliableChange(
  x1: number,
  x2: number,
  reference: { sd: number; reliability: number },
  criterion = 1.96,
): ReliableChange {
  const se = reference.sd * Math.sqrt(1 - reference.reliability);
  const sDiff = Math.SQRT2 * se;
  const difference = x2 - x1;
  const rci = difference / sDiff;
  return {
    difference: Math.round(difference * 10) / 10,
    se: Math.round(se * 1000) / 1000,
    sDiff: Math.round(sDiff * 1000) / 1000,
    rci: Math.round(rci * 100) / 100,
    class: Math.abs(rci) > criterion ? (rci > 0 ? 'improved' : 'worsened') : 'unchanged',
  };
}

/** One completed assessment as progress needs it. */
export interface ProgressInput {
  id: string;
  date: string;
  /** When it was entered (ISO time): orders assessments of the same day. */
  recordedAt: string;
  occasion: string;
  perspective: 'self' | 'professional';
  instrumentKey: string;
  instrumentVersion: number;
  scores: DimensionScore[];
  total: number | null;
}

export interface DimensionMeta {
  key: string;
  kind: 'area' | 'global';
  title: Record<string, string | undefined> & { de: string };
  reference: { sd: number; reliability: number };
}

export interface ProgressPoint {
  assessmentId: string;
  date: string;
  occasion: string;
  score: number | null;
  need: boolean | null;
}

export interface DimensionProgress {
  key: string;
  kind: 'area' | 'global';
  title: DimensionMeta['title'];
  points: ProgressPoint[];
  /** Change from the first to the latest assessment (or the two chosen), when both have a score. */
  change:
    | (ReliableChange & { fromAssessmentId: string; toAssessmentId: string; from: number; to: number })
    | null;
}

export interface ProgressSeries {
  perspective: 'self' | 'professional';
  instrumentKey: string;
  assessments: {
    id: string;
    date: string;
    occasion: string;
    instrumentVersion: number;
    total: number | null;
    recordedAt: string;
    sequence: number;
    sameDay: number;
  }[];
  /** The two assessments compared, or null with fewer than one. */
  compared: { fromId: string; toId: string } | null;
  dimensions: DimensionProgress[];
}

/**
 * The default comparison of a series sorted oldest first: the latest follow-up (or exit) against the
 * intake it follows (the latest intake before it, so a re-admission compares within its own episode).
 * Without an intake or a later assessment: the first against the latest.
 */
export function defaultComparison<T extends { occasion: string }>(sorted: T[]): { from?: T; to?: T } {
  const toIndex = sorted.findLastIndex((a) => a.occasion !== 'intake');
  const fromIndex = toIndex > 0 ? sorted.slice(0, toIndex).findLastIndex((a) => a.occasion === 'intake') : -1;
  if (toIndex > 0 && fromIndex >= 0) return { from: sorted[fromIndex], to: sorted[toIndex] };
  return { from: sorted[0], to: sorted[sorted.length - 1] };
}

/** Entries of one instrument and perspective as the occasion rules need them, oldest first. */
export interface OccasionEntry {
  occasion: string;
  date: string;
  status: 'draft' | 'completed';
}

/**
 * The intake of the client's current episode: the first intake (draft or completed) after the last
 * completed exit assessment. A further intake in the same episode is a second intake.
 */
export function currentIntake<T extends OccasionEntry>(entries: T[]): T | undefined {
  let intake: T | undefined;
  for (const e of entries) {
    if (e.occasion === 'exit' && e.status === 'completed') intake = undefined;
    else if (e.occasion === 'intake' && !intake) intake = e;
  }
  return intake;
}

/** The occasion a new assessment most likely has: a follow-up once the episode has its intake. */
export function dueOccasion(entries: OccasionEntry[]): 'intake' | 'follow_up' {
  return currentIntake(entries) ? 'follow_up' : 'intake';
}

/**
 * Builds the series of one perspective (assessments sorted by date): points over time per dimension
 * and the reliable change between `fromId` and `toId` (default: first and latest).
 */
export function buildSeries(
  perspective: 'self' | 'professional',
  instrumentKey: string,
  assessments: ProgressInput[],
  dimensions: DimensionMeta[],
  criterion: number,
  choose: { fromId?: string | undefined; toId?: string | undefined } = {},
): ProgressSeries {
  const sorted = [...assessments].sort(
    (a, b) =>
      a.date.localeCompare(b.date) || a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id),
  );
  const fallback = defaultComparison(sorted);
  const from = sorted.find((a) => a.id === choose.fromId) ?? fallback.from;
  const to = sorted.find((a) => a.id === choose.toId) ?? fallback.to;
  const sameDay = (date: string) => sorted.filter((a) => a.date === date);
  return {
    perspective,
    instrumentKey,
    assessments: sorted.map((a) => ({
      id: a.id,
      date: a.date,
      occasion: a.occasion,
      instrumentVersion: a.instrumentVersion,
      total: a.total,
      recordedAt: a.recordedAt,
      sequence: sameDay(a.date).indexOf(a) + 1,
      sameDay: sameDay(a.date).length,
    })),
    compared: from && to ? { fromId: from.id, toId: to.id } : null,
    dimensions: dimensions.map((d) => {
      const scoreOf = (a: ProgressInput | undefined) => a?.scores.find((s) => s.dimension === d.key);
      const points = sorted.map((a) => {
        const s = scoreOf(a);
        return {
          assessmentId: a.id,
          date: a.date,
          occasion: a.occasion,
          score: s?.score ?? null,
          need: s?.need ?? null,
        };
      });
      const x1 = scoreOf(from)?.score;
      const x2 = scoreOf(to)?.score;
      const change =
        from && to && from.id !== to.id && typeof x1 === 'number' && typeof x2 === 'number'
          ? {
              ...reliableChange(x1, x2, d.reference, criterion),
              fromAssessmentId: from.id,
              toAssessmentId: to.id,
              from: x1,
              to: x2,
            }
          : null;
      return { key: d.key, kind: d.kind, title: d.title, points, change };
    }),
  };
}

export interface PerspectiveComparison {
  dimension: string;
  self: number | null;
  professional: number | null;
  /** professional - self; null unless both have a score. */
  difference: number | null;
  /** The two views differ by more than the threshold: worth talking about. */
  highlighted: boolean;
}

/** Latest self vs. latest professional view side by side; differences of `threshold` or more are highlighted. */
export function comparePerspectives(
  self: DimensionScore[] | undefined,
  professional: DimensionScore[] | undefined,
  dimensionKeys: string[],
  threshold = 20,
): PerspectiveComparison[] {
  return dimensionKeys.map((key) => {
    const s = self?.find((x) => x.dimension === key)?.score ?? null;
    const p = professional?.find((x) => x.dimension === key)?.score ?? null;
    const difference = s !== null && p !== null ? Math.round((p - s) * 10) / 10 : null;
    return {
      dimension: key,
      self: s,
      professional: p,
      difference,
      highlighted: difference !== null && Math.abs(difference) >= threshold,
    };
  });
}

/** The date a follow-up is due: `months` after the given ISO date (end of month clamped). */
export function followUpDue(lastDate: string, months: number): string {
  const [y, m, d] = lastDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
