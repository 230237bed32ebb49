import type { Column } from './TableRegion.tsx';

/**
 * The columns of a table whose heads are the texts of one key prefix, in order:
 * `textColumns(t, 'audit', ['at', 'action'])` heads them with `audit.at` and `audit.action`.
 */
export function textColumns(t: (key: string) => string, prefix: string, names: readonly string[]): Column[] {
  return names.map((name) => ({ label: t(`${prefix}.${name}`) }));
}
