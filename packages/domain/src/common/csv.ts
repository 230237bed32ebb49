/**
 * The one CSV writer of Lotse (RFC 4180 with semicolons, as German spreadsheet programs expect).
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, and tab or
 * carriage return can hide such a start: a partner named `=HYPERLINK(...)` would become a link that
 * runs when a colleague opens the export. Such cells are prefixed with a single quote (OWASP CSV
 * injection rule), which the spreadsheet shows as plain text.
 */
// Leading quotes included: a value that merely looks neutralised gets one more, so restoreCell gives
// back exactly what was written. Full-width variants, because some spreadsheet programs map them.
const NEEDS_QUOTE = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell value as spreadsheet programs will take it as text, never as a formula. */
export const neutraliseCell = (value: string) => (NEEDS_QUOTE.test(value) ? `'${value}` : value);

/** The value a neutralised cell stood for, so an export can be imported again unchanged. */
export const restoreCell = (value: string) =>
  value.startsWith("'") && NEEDS_QUOTE.test(value.slice(1)) ? value.slice(1) : value;

/** One CSV field: neutralised, quoted when it contains the separator, a quote or a line break. */
export function csvField(value: string, separator = ';'): string {
  const safe = neutraliseCell(value);
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A table as CSV text: a header line, then one line per row (CRLF), every cell through csvField. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, string>[], separator = ';') {
  const line = (cells: readonly string[]) => cells.map((c) => csvField(c, separator)).join(separator);
  return `${[line(columns), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\r\n')}\r\n`;
}
