import type { Queryable } from '../../platform/db.ts';
import { publishedDimensionKeys } from './instruments.repo.ts';

/**
 * Dimension keys of the published instruments the caller can see (system instruments and the actor's
 * agency's own, by row-level security inside `withActor`). Goals are linked to a dimension by key and
 * validated against this set; keys stay stable across instrument versions.
 */
export async function knownDimensionKeys(tx: Queryable): Promise<Set<string>> {
  return new Set(await publishedDimensionKeys(tx));
}
