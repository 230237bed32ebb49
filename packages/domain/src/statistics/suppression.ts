/**
 * Small-cell suppression for counts that leave an agency (funder reports, cross-agency views).
 *
 * Primary suppression: a count n with 0 < n < threshold is replaced by a hidden cell (`SUPPRESSED`).
 * Zero stays visible (it discloses nothing about a person).
 *
 * Secondary suppression: a table is a list of cells plus linear relations "total = sum of parts"
 * (a breakdown and its total, the rows and columns of a cross table and their margins). For every
 * relation whose total is visible, the suppressed parts must be at least two and together at least
 * the threshold, otherwise the reader could compute them back from the total; when the total itself
 * is suppressed, at least one part must be suppressed too, otherwise the parts add up to it. Missing
 * protection is added by suppressing the smallest visible part (non-zero first, then by position),
 * and, when no part is left, the total. Marks only grow, so the loop ends.
 */

import { type PublishedCount, SUPPRESSED } from './published-count.ts';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

export interface Relation {
  /** Index of the cell that holds the total. */
  total: number;
  /** Indices of the cells that add up to the total. */
  parts: readonly number[];
}

export function assertThreshold(threshold: number): void {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100)
    throw new RangeError(`suppression threshold must be an integer from 1 to 100, not ${threshold}`);
}

export function isPrimarySuppressed(count: number, threshold: number): boolean {
  return count > 0 && count < threshold;
}

/** Primary suppression of a single count that stands alone (no total it adds up to). */
export function publishCount(count: number, threshold: number): PublishedCount {
  assertThreshold(threshold);
  return isPrimarySuppressed(count, threshold) ? SUPPRESSED : count;
}

/**
 * The suppression mask for `values` under the given relations: true = suppressed.
 * `known` marks cells one reader knows anyway (e.g. the own agency's figures in a table of all
 * agencies). The mask protects both readers: a stranger who knows nothing (known cells are suppressed
 * like any other) and the agency that knows its cells (they never count as protection for the others).
 */
export function suppressionMask(
  values: readonly number[],
  relations: readonly Relation[],
  threshold: number,
  known: readonly boolean[] = [],
): boolean[] {
  assertThreshold(threshold);
  for (const v of values)
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`counts must be non-negative integers: ${v}`);
  const mask = values.map((v) => isPrimarySuppressed(v, threshold));
  const pickPart = (parts: readonly number[]): number | undefined => {
    let best: number | undefined;
    for (const p of parts) {
      if (mask[p] || known[p]) continue;
      const v = values[p] as number;
      if (best === undefined) {
        best = p;
        continue;
      }
      const b = values[best] as number;
      // Non-zero parts protect better (they add to the hidden sum); then the smallest; then position.
      const better = (v > 0 && b === 0) || (v > 0 === b > 0 && v < b);
      if (better) best = p;
    }
    return best;
  };
  const unprotected = (hidden: readonly number[]) =>
    hidden.length > 0 &&
    (hidden.length === 1 || hidden.reduce((s, p) => s + (values[p] as number), 0) < threshold);
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      const hidden = r.parts.filter((p) => mask[p]);
      const needsMore = mask[r.total]
        ? hidden.length === 0 && r.parts.length > 0
        : unprotected(hidden) || unprotected(hidden.filter((p) => !known[p]));
      if (!needsMore) continue;
      const next = pickPart(r.parts);
      if (next !== undefined) mask[next] = true;
      else if (!mask[r.total]) mask[r.total] = true;
      else continue;
      changed = true;
    }
  }
  return mask;
}

export function applyMask(values: readonly number[], mask: readonly boolean[]) {
  return values.map((v, i): PublishedCount => (mask[i] ? SUPPRESSED : v));
}

/**
 * One figure per agency plus their total (e.g. occupied places in a month), for a table that one of
 * the agencies (`ownIndex`) reads: others are protected even against that agency's exact knowledge of
 * its own figure. With `showOwn` the own figure is printed exactly (views inside the own agency);
 * without, it is suppressed like the others (documents that leave the agency).
 */
export function suppressAcrossAgencies(
  values: readonly number[],
  ownIndex: number | undefined,
  threshold: number,
  showOwn = true,
): { values: PublishedCount[]; total: PublishedCount } {
  const total = values.reduce((s, v) => s + v, 0);
  const all = [...values, total];
  const known = all.map((_, i) => i === ownIndex);
  const mask = suppressionMask(
    all,
    [{ total: values.length, parts: values.map((_, i) => i) }],
    threshold,
    known,
  );
  if (showOwn && ownIndex !== undefined) mask[ownIndex] = false;
  const published = applyMask(all, mask);
  return { values: published.slice(0, values.length), total: published[values.length] as PublishedCount };
}

/** A breakdown (e.g. by gender) with its total, suppressed together. */
export function suppressBreakdown<K extends string>(
  parts: Readonly<Record<K, number>>,
  total: number,
  threshold: number,
): { parts: Record<K, PublishedCount>; total: PublishedCount } {
  const keys = Object.keys(parts) as K[];
  const values = [...keys.map((k) => parts[k]), total];
  const mask = suppressionMask(values, [{ total: keys.length, parts: keys.map((_, i) => i) }], threshold);
  const published = applyMask(values, mask);
  const out = {} as Record<K, PublishedCount>;
  keys.forEach((k, i) => {
    out[k] = published[i] as PublishedCount;
  });
  return { parts: out, total: published[keys.length] as PublishedCount };
}

/**
 * Several breakdowns of the same total (by gender, by age group, by disability status ...): every
 * breakdown is a relation on the one shared total cell, so a suppressed total hides in all of them.
 */
export function suppressBreakdowns<B extends string>(
  breakdowns: Readonly<Record<B, Readonly<Record<string, number>>>>,
  total: number,
  threshold: number,
): { breakdowns: Record<B, Record<string, PublishedCount>>; total: PublishedCount } {
  const values: number[] = [total];
  const relations: Relation[] = [];
  const layout: [B, string, number][] = [];
  for (const b of Object.keys(breakdowns) as B[]) {
    const parts: number[] = [];
    for (const [k, v] of Object.entries(breakdowns[b])) {
      layout.push([b, k, values.length]);
      parts.push(values.length);
      values.push(v);
    }
    relations.push({ total: 0, parts });
  }
  const published = applyMask(values, suppressionMask(values, relations, threshold));
  const out = {} as Record<B, Record<string, PublishedCount>>;
  for (const b of Object.keys(breakdowns) as B[]) out[b] = {};
  for (const [b, k, i] of layout) {
    const target: Record<string, PublishedCount> = out[b];
    target[k] = published[i] as PublishedCount;
  }
  return { breakdowns: out, total: published[0] as PublishedCount };
}

/**
 * A cross table (rows x columns) with row totals, column totals and the grand total. The input has
 * only the inner cells; the margins are computed.
 */
export function suppressCrossTable(
  cells: readonly (readonly number[])[],
  threshold: number,
): {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
} {
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  for (const r of cells) if (r.length !== cols) throw new RangeError('cross table rows differ in length');
  const at = (r: number, c: number) => r * cols + c;
  const rowTotalAt = (r: number) => rows * cols + r;
  const colTotalAt = (c: number) => rows * cols + rows + c;
  const grandAt = rows * cols + rows + cols;
  const values: number[] = [];
  for (const r of cells) values.push(...r);
  const rowTotals = cells.map((r) => r.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: cols }, (_, c) => cells.reduce((s, r) => s + (r[c] as number), 0));
  values.push(
    ...rowTotals,
    ...colTotals,
    rowTotals.reduce((s, v) => s + v, 0),
  );
  const relations: Relation[] = [];
  for (let r = 0; r < rows; r++)
    relations.push({ total: rowTotalAt(r), parts: Array.from({ length: cols }, (_, c) => at(r, c)) });
  for (let c = 0; c < cols; c++)
    relations.push({ total: colTotalAt(c), parts: Array.from({ length: rows }, (_, r) => at(r, c)) });
  relations.push({ total: grandAt, parts: Array.from({ length: rows }, (_, r) => rowTotalAt(r)) });
  relations.push({ total: grandAt, parts: Array.from({ length: cols }, (_, c) => colTotalAt(c)) });
  const published = applyMask(values, suppressionMask(values, relations, threshold));
  return {
    cells: Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => published[at(r, c)] as PublishedCount),
    ),
    rowTotals: Array.from({ length: rows }, (_, r) => published[rowTotalAt(r)] as PublishedCount),
    columnTotals: Array.from({ length: cols }, (_, c) => published[colTotalAt(c)] as PublishedCount),
    total: published[grandAt] as PublishedCount,
  };
}

/**
 * One total split several ways at once (by agency, by gender, by age group ...): every split is a
 * relation on the same total cell, so suppression stays consistent across all of them. `known`
 * names one cell (e.g. the own agency in the agency split) that the reading agency knows exactly;
 * it is suppressed for strangers like any other, and the other cells are protected against it.
 */
export function suppressSplits<G extends string>(
  total: number,
  splits: Readonly<Record<G, readonly number[]>>,
  threshold: number,
  known?: { split: NoInfer<G>; index: number },
): { total: PublishedCount; splits: Record<G, PublishedCount[]> } {
  const values: number[] = [total];
  const knownMask: boolean[] = [false];
  const relations: Relation[] = [];
  const at = {} as Record<G, number[]>;
  for (const g of Object.keys(splits) as G[]) {
    const idx: number[] = [];
    splits[g].forEach((v, i) => {
      idx.push(values.length);
      knownMask.push(known?.split === g && known.index === i);
      values.push(v);
    });
    at[g] = idx;
    relations.push({ total: 0, parts: idx });
  }
  const published = applyMask(values, suppressionMask(values, relations, threshold, knownMask));
  const out = {} as Record<G, PublishedCount[]>;
  for (const g of Object.keys(splits) as G[]) out[g] = at[g].map((i) => published[i] as PublishedCount);
  return { total: published[0] as PublishedCount, splits: out };
}
