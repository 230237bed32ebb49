import type { Column } from './TableRegion.tsx';

/**
 * The columns of a table whose heads are the texts of one key prefix, in order:
 * `textColumns(t, 'audit', ['at', 'action'])` heads them with `audit.at` and `audit.action`. `flags`
 * apply to each of them (`{ numeric: true }` for a run of figures).
 */
export function textColumns(
  t: (key: string) => string,
  prefix: string,
  names: readonly string[],
  flags: Omit<Column, 'label'> = {},
): Column[] {
  return names.map((name) => ({ label: t(`${prefix}.${name}`), ...flags }));
}
