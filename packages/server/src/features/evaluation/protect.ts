import {
  type ProtectedCount,
  type ProtectedNumber,
  type Relation,
  SUPPRESSED_FIGURE,
  suppressionMask,
} from '@lotse/domain';

/**
 * Small-cell protection of report figures: counts in the given relations (total = sum of parts) get
 * primary and secondary suppression (domain `suppressionMask`); a hidden cell is `{"suppressed": true}`.
 */
export function protectCounts(
  values: readonly number[],
  relations: readonly Relation[],
  threshold: number,
): ProtectedCount[] {
  const mask = suppressionMask(values, relations, threshold);
  return values.map((v, i) => (mask[i] ? SUPPRESSED_FIGURE : v));
}

/** A statistic over `n` people: hidden when n is below the threshold (and not zero), null when undefined. */
export function protectStatistic(value: number | null, n: number, threshold: number): ProtectedNumber {
  if (n > 0 && n < threshold) return SUPPRESSED_FIGURE;
  return value === null || !Number.isFinite(value) ? null : value;
}

/** A breakdown (parts adding up to a total) with its total; returns [total, ...parts]. */
export function protectBreakdown(
  total: number,
  parts: readonly number[],
  threshold: number,
): ProtectedCount[] {
  return protectCounts([total, ...parts], [{ total: 0, parts: parts.map((_, i) => i + 1) }], threshold);
}

/** A share of a published count in a published total; hidden when either is hidden. */
export function protectedShare(count: ProtectedCount, total: ProtectedCount): ProtectedNumber {
  if (typeof count !== 'number' || typeof total !== 'number') return SUPPRESSED_FIGURE;
  return total > 0 ? count / total : null;
}
