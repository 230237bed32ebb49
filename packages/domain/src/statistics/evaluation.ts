import tQuantileOf from '@stdlib/stats-base-dists-t-quantile';

/**
 * Statistics of the evaluation reports: paired change with its t confidence interval, standardised
 * response mean, the difference of two cohorts (Welch), Cronbach's alpha and corrected item-total
 * correlations from a covariance matrix, and the reference values the Reliable Change Index uses.
 *
 * Everything works on sufficient statistics (counts, sums, sums of squares and products), so the
 * database returns aggregates only and the same code serves raw test data and SQL results.
 * Undefined figures are null (n = 0, n = 1, zero variance), never NaN or Infinity.
 */

/** Quantile of Student's t distribution with `df` degrees of freedom (stdlib). */
export function tQuantile(p: number, df: number): number {
  return tQuantileOf(p, df);
}

/** Sums over the pairs (x = score at t0, y = score at t1, d = y - x) of one cohort and dimension. */
export interface PairedSums {
  n: number;
  sumX: number;
  sumY: number;
  sumD: number;
  sumD2: number;
}

export function pairedSums(pairs: readonly (readonly [number, number])[]): PairedSums {
  const s: PairedSums = { n: 0, sumX: 0, sumY: 0, sumD: 0, sumD2: 0 };
  for (const [x, y] of pairs) {
    const d = y - x;
    s.n += 1;
    s.sumX += x;
    s.sumY += y;
    s.sumD += d;
    s.sumD2 += d * d;
  }
  return s;
}

/** Sample variance (n - 1) from a count, sum and sum of squares; null below two values. */
export function sampleVariance(n: number, sum: number, sumSquares: number): number | null {
  if (n < 2) return null;
  // Rounding can push an exact zero slightly below it.
  return Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
}

export interface PairedChange {
  n: number;
  meanT0: number | null;
  meanT1: number | null;
  meanChange: number | null;
  sdChange: number | null;
  /** Paired t interval of the mean change; null below two pairs. */
  ci95: [number, number] | null;
  /** Standardised response mean (mean change / SD of change); null when the SD is 0 or undefined. */
  srm: number | null;
}

/** Mean change with its paired t confidence interval (default 95 %) and the SRM. */
export function pairedChange(s: PairedSums, confidence = 0.95): PairedChange {
  if (s.n === 0)
    return {
      n: 0,
      meanT0: null,
      meanT1: null,
      meanChange: null,
      sdChange: null,
      ci95: null,
      srm: null,
    };
  const meanChange = s.sumD / s.n;
  const variance = sampleVariance(s.n, s.sumD, s.sumD2);
  const sd = variance === null ? null : Math.sqrt(variance);
  let ci95: [number, number] | null = null;
  if (sd !== null) {
    const half = tQuantile(1 - (1 - confidence) / 2, s.n - 1) * (sd / Math.sqrt(s.n));
    ci95 = [meanChange - half, meanChange + half];
  }
  return {
    n: s.n,
    meanT0: s.sumX / s.n,
    meanT1: s.sumY / s.n,
    meanChange,
    sdChange: sd,
    ci95,
    srm: sd !== null && sd > 0 ? meanChange / sd : null,
  };
}

export interface GroupSummary {
  n: number;
  mean: number;
  sd: number;
}

export interface GroupDifference {
  /** mean(a) - mean(b). */
  difference: number;
  /** Welch interval; null when a group has fewer than two values or both SDs are 0. */
  ci95: [number, number] | null;
  df: number | null;
}

/** Difference of two independent group means with the Welch-Satterthwaite t interval. */
export function welchDifference(a: GroupSummary, b: GroupSummary, confidence = 0.95): GroupDifference {
  const difference = a.mean - b.mean;
  if (a.n < 2 || b.n < 2) return { difference, ci95: null, df: null };
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se2 = va + vb;
  if (se2 === 0) return { difference, ci95: null, df: null };
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = tQuantile(1 - (1 - confidence) / 2, df) * Math.sqrt(se2);
  return { difference, ci95: [difference - half, difference + half], df };
}

/**
 * Sums over the complete cases of k items (listwise deletion): n, the sum of each item and the sum
 * of each product of two items (`products[i][j]`, symmetric, squares on the diagonal).
 */
export interface ItemSums {
  n: number;
  sums: number[];
  products: number[][];
}

/** Item sums of rows (persons) x items; a row with any missing item (null) is left out. */
export function itemSums(rows: readonly (readonly (number | null)[])[], k: number): ItemSums {
  const s: ItemSums = {
    n: 0,
    sums: Array(k).fill(0),
    products: Array.from({ length: k }, () => Array(k).fill(0)),
  };
  for (const row of rows) {
    if (row.length !== k || row.some((v) => v === null)) continue;
    const r = row as readonly number[];
    s.n += 1;
    for (let i = 0; i < k; i++) {
      s.sums[i] = (s.sums[i] as number) + (r[i] as number);
      const pi = s.products[i] as number[];
      for (let j = 0; j < k; j++) pi[j] = (pi[j] as number) + (r[i] as number) * (r[j] as number);
    }
  }
  return s;
}

/** Sample covariance matrix (n - 1) of the items; null below two complete cases. */
export function covarianceMatrix(s: ItemSums): number[][] | null {
  if (s.n < 2) return null;
  return s.products.map((row, i) =>
    row.map((p, j) => (p - ((s.sums[i] as number) * (s.sums[j] as number)) / s.n) / (s.n - 1)),
  );
}

/**
 * Covariances of linearly rescaled items (x' = a + f * x): cov'(i, j) = f_i * f_j * cov(i, j). With
 * f = +-1 / (max - min) the items become the 0-1 shares the dimension score averages, reverse-coded
 * items turned round (f < 0); alpha then describes the score as it is computed.
 */
export function scaleCovariance(cov: number[][], factors: readonly number[]): number[][] {
  return cov.map((row, i) => row.map((c, j) => c * (factors[i] as number) * (factors[j] as number)));
}

/**
 * Cronbach's alpha = k/(k-1) * (1 - sum of item variances / variance of the total), from the
 * covariance matrix (the variance of the total is the sum of all its cells). Null for fewer than two
 * items, fewer than two cases, or a total without variance.
 */
export function cronbachAlpha(cov: number[][] | null): number | null {
  if (!cov) return null;
  const k = cov.length;
  if (k < 2) return null;
  let itemVariance = 0;
  let totalVariance = 0;
  for (let i = 0; i < k; i++) {
    itemVariance += cov[i]?.[i] as number;
    for (let j = 0; j < k; j++) totalVariance += cov[i]?.[j] as number;
  }
  if (totalVariance <= 0) return null;
  return (k / (k - 1)) * (1 - itemVariance / totalVariance);
}

/**
 * Corrected item-total correlation of each item: the correlation of the item with the sum of the
 * other items. Null when the item or the rest has no variance, or for fewer than two items.
 */
export function correctedItemTotal(cov: number[][] | null): (number | null)[] {
  if (!cov) return [];
  const k = cov.length;
  let total = 0;
  const rowSums = cov.map((row) => row.reduce((a, b) => a + b, 0));
  for (const r of rowSums) total += r;
  return cov.map((row, i) => {
    if (k < 2) return null;
    const vi = row[i] as number;
    const covRest = (rowSums[i] as number) - vi;
    const varRest = total - 2 * (rowSums[i] as number) + vi;
    if (vi <= 0 || varRest <= 0) return null;
    return covRest / Math.sqrt(vi * varRest);
  });
}

/** Minimum number of intake assessments before estimated reference values replace the defaults. */
export const REFERENCE_MIN_N = 100;

export interface ReferenceValues {
  sd: number;
  reliability: number;
  source: 'estimated' | 'instrument_default';
  /** Intake assessments the estimate rests on (also reported when it was too few). */
  n: number;
  /** n of the complete cases alpha rests on. */
  alphaN: number;
}

/**
 * The RCI reference values of one dimension: the SD of intake scores and Cronbach's alpha of the
 * dimension's items across all agencies using the instrument version, once both rest on at least
 * `minN` assessments and alpha is usable (0 < alpha < 1); otherwise the instrument's defaults.
 * A single-item dimension has no alpha: the default reliability stays, the SD may still be estimated.
 */
export function referenceValues(
  intake: { n: number; sum: number; sumSquares: number },
  alpha: { value: number | null; n: number },
  defaults: { sd: number; reliability: number },
  minN = REFERENCE_MIN_N,
): ReferenceValues {
  const variance = sampleVariance(intake.n, intake.sum, intake.sumSquares);
  const sdOk = intake.n >= minN && variance !== null && variance > 0;
  const alphaOk = alpha.n >= minN && alpha.value !== null && alpha.value > 0 && alpha.value < 1;
  if (!sdOk) return { ...defaults, source: 'instrument_default', n: intake.n, alphaN: alpha.n };
  return {
    sd: Math.sqrt(variance as number),
    reliability: alphaOk ? (alpha.value as number) : defaults.reliability,
    source: 'estimated',
    n: intake.n,
    alphaN: alpha.n,
  };
}

/** The smallest absolute change that counts as reliable: criterion * sqrt(2) * SD * sqrt(1 - r). */
export function reliableChangeThreshold(reference: { sd: number; reliability: number }, criterion: number) {
  return criterion * Math.SQRT2 * reference.sd * Math.sqrt(1 - reference.reliability);
}

/**
 * Reliability of a composite of parts with known reliabilities (stratified alpha, Cronbach,
 * Schoenemann & McKie 1965): 1 - sum(var_i * (1 - r_i)) / var(sum of parts). The total score is the
 * mean of m area scores, so var(sum) = m^2 * var(total). Null when the composite has no variance or
 * the result is not a usable reliability (outside 0..1).
 */
export function stratifiedAlpha(
  parts: readonly { variance: number; reliability: number }[],
  varianceOfMean: number,
): number | null {
  const m = parts.length;
  const varianceOfSum = m * m * varianceOfMean;
  if (m === 0 || varianceOfSum <= 0) return null;
  const error = parts.reduce((s, p) => s + p.variance * (1 - p.reliability), 0);
  const r = 1 - error / varianceOfSum;
  return r > 0 && r < 1 ? r : null;
}
