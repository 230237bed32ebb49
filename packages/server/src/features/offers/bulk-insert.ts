import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db.ts';

/** PostgreSQL allows 65535 parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;

/**
 * Inserts rows with multi-row VALUES statements (fast for imports and demo data). Every row has the
 * same number of values, in the order of `columns`; parameters are typed by the target columns.
 */
export async function insertRows(
  tx: Queryable,
  table: string,
  columns: string,
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const width = rows[0]?.length ?? 0;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / width));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const params: unknown[] = [];
    const tuples = chunk.map((row) => {
      if (row.length !== width) throw new Error(`insertRows(${table}): rows differ in length`);
      const first = params.length;
      params.push(...row);
      return `(${row.map((_, c) => `$${first + c + 1}`).join(', ')})`;
    });
    await tx.query(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(', ')}`, params);
  }
}

/**
 * Inserts `items` as rows with new ids (the first column, `id`) before the values `values` gives
 * for each; returns the ids in input order.
 */
export async function insertWithIds<T>(
  tx: Queryable,
  table: string,
  columns: string,
  items: readonly T[],
  values: (item: T) => unknown[],
): Promise<string[]> {
  const ids = items.map(() => randomUUID());
  await insertRows(
    tx,
    table,
    `id, ${columns}`,
    items.map((item, i) => [ids[i], ...values(item)]),
  );
  return ids;
}
