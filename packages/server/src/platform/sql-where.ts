import type { Queryable } from './db.ts';

/**
 * A WHERE clause of the conditions a list filter sets, joined by AND. In a condition `$?` stands for
 * its value's parameter (as often as the condition needs the value).
 */
export class Where {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  add(condition: string, value?: unknown): void {
    if (condition.includes('$?')) {
      this.params.push(value);
      condition = condition.replaceAll('$?', `$${this.params.length}`);
    }
    this.conditions.push(condition);
  }

  get sql(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** The search on a folded `search_text` column: the query as a part of it, or a similar word. */
export const textSearch = (column: string) =>
  `${column} LIKE '%' || lotse_fold($?) || '%' OR word_similarity(lotse_fold($?), ${column}) >= 0.5`;

/**
 * One page of a filtered list and how many rows match in all: `select` and `from` are the statements'
 * heads (`from` for the count, with the same alias), `order` the sort of the page.
 */
export async function filteredPage<R>(
  tx: Queryable,
  list: { select: string; from: string; order: string },
  where: Where,
  limit: number,
  offset: number,
): Promise<{ rows: R[]; total: number }> {
  const n = where.params.length;
  const rows = await tx.query<R>(
    `${list.select} ${where.sql} ORDER BY ${list.order} LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, limit, offset],
  );
  const count = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${list.from} ${where.sql}`,
    where.params,
  );
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}
