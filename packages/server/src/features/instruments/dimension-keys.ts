import type { Queryable } from '../../platform/db.ts';

/**
 * Dimension keys of the published instruments the caller can see (system instruments and the actor's
 * agency's own, by row-level security inside `withActor`). Goals are linked to a dimension by key and
 * validated against this set; keys stay stable across instrument versions.
 */
export async function knownDimensionKeys(tx: Queryable): Promise<Set<string>> {
  const result = await tx.query<{ key: string }>(
    `SELECT DISTINCT d->>'key' AS key
       FROM instruments i, jsonb_array_elements(i.definition->'dimensions') AS d
      WHERE i.status = 'published'`,
  );
  return new Set(result.rows.map((r) => r.key));
}
