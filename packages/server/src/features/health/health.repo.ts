import type { Queryable } from '../../platform/db.ts';

/** Rejects when the database cannot answer. */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}
