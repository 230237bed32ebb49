import { z } from 'zod';

/**
 * A count as it leaves the agency: the number, or a cell hidden by small-cell suppression.
 *
 * A hidden cell carries no value and no range. Secondary suppression hides cells that may be far
 * above the threshold, so a label such as "<5" would be wrong; official statistics mark every hidden
 * cell with one neutral symbol and explain it in a legend (the Federal Employment Agency prints "*":
 * "anonymised: a small value or a value from which one could be computed").
 */
export const suppressedCell = z.strictObject({ suppressed: z.literal(true) }).meta({ id: 'SuppressedCell' });
export type SuppressedCell = z.infer<typeof suppressedCell>;

export const publishedCount = z.union([z.number().int().nonnegative(), suppressedCell]);
export type PublishedCount = z.infer<typeof publishedCount>;

/** The one hidden cell value (frozen: it is shared by every table). */
export const SUPPRESSED: SuppressedCell = Object.freeze({ suppressed: true as const });

/** The symbol printed for a hidden cell in PDF, XLSX and the web app; explained by a legend. */
export const SUPPRESSION_SYMBOL = '*';

export function isSuppressed(value: PublishedCount): value is SuppressedCell {
  return typeof value === 'object' && value !== null && value.suppressed === true;
}

/** The number, or null for a hidden cell (charts leave it out; nothing is guessed). */
export function countOrNull(value: PublishedCount): number | null {
  return isSuppressed(value) ? null : value;
}

/** The count as text: `format` for a number, the neutral symbol for a hidden cell. */
export function formatPublishedCount(
  value: PublishedCount,
  format: (n: number) => string = (n) => String(n),
): string {
  return isSuppressed(value) ? SUPPRESSION_SYMBOL : format(value);
}
