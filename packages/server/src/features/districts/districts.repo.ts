import type { District, GeoBoundary, GeoPoint } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

type DistrictRow = Pick<
  Row<'districts', { centre: GeoPoint | null; boundary: GeoBoundary | null }>,
  'key' | 'name' | 'ags' | 'centre' | 'boundary'
>;

/** Optional fields are left out when empty, so a listed district is valid input for PUT again. */
function present(r: DistrictRow): District {
  return {
    key: r.key,
    name: r.name,
    ...(r.ags ? { ags: r.ags } : {}),
    ...(r.centre ? { centre: r.centre } : {}),
    ...(r.boundary ? { boundary: r.boundary } : {}),
  };
}

/** The agency's districts in the order the admin gave them. */
export async function listDistricts(tx: Queryable, agencyId: string): Promise<District[]> {
  const rows = await tx.query<DistrictRow>(
    'SELECT key, name, ags, centre, boundary FROM districts WHERE agency_id = $1 ORDER BY position, key',
    [agencyId],
  );
  return rows.rows.map(present);
}

export async function insertDistricts(
  tx: Queryable,
  agencyId: string,
  items: readonly District[],
  now: Date,
): Promise<void> {
  for (const [position, d] of items.entries())
    await tx.query(
      `INSERT INTO districts (agency_id, key, name, ags, centre, boundary, position, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        agencyId,
        d.key,
        d.name,
        d.ags ?? null,
        d.centre ? JSON.stringify(d.centre) : null,
        d.boundary ? JSON.stringify(d.boundary) : null,
        position,
        now,
      ],
    );
}

/** Replaces the whole list (callers check first that no removed key is still in use). */
export async function replaceDistricts(
  tx: Queryable,
  agencyId: string,
  items: readonly District[],
  now: Date,
): Promise<void> {
  await tx.query('DELETE FROM districts WHERE agency_id = $1', [agencyId]);
  await insertDistricts(tx, agencyId, items, now);
}

/** How many of the agency's offers and partners use each district key. */
export async function districtUse(tx: Queryable, agencyId: string): Promise<Map<string, number>> {
  const rows = await tx.query<{ key: string; n: number }>(
    `SELECT key, count(*)::int AS n FROM (
       SELECT district AS key FROM offers WHERE agency_id = $1
       UNION ALL
       SELECT unnest(districts) AS key FROM partners WHERE agency_id = $1
     ) used GROUP BY key`,
    [agencyId],
  );
  return new Map(rows.rows.map((r) => [r.key, r.n]));
}
