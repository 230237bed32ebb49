import type { Queryable } from '../../platform/db.ts';

/**
 * (client_id, dimension, assessed_on) of the dimensions flagged with need in each client's latest
 * completed assessment (either perspective). Row-level security limits it to visible clients.
 */
const ASSESSED_NEEDS_SQL = `
  SELECT la.client_id, s->>'dimension' AS dimension, la.assessed_on
    FROM (SELECT DISTINCT ON (a.client_id) a.client_id, a.scores, a.assessed_on
            FROM assessments a
           WHERE a.status = 'completed'
           ORDER BY a.client_id, a.assessed_on DESC, a.completed_at DESC) la,
         jsonb_array_elements(la.scores) AS s
   WHERE s->>'need' = 'true'`;

export interface InstrumentDimensions {
  definition: { dimensions?: { key: string; kind?: string; title?: { de?: string } }[] };
}

/** Definitions of the published instruments, shared ones first, newest version first per key. */
export async function publishedDefinitions(tx: Queryable): Promise<InstrumentDimensions[]> {
  return (
    await tx.query<InstrumentDimensions>(
      `SELECT definition FROM instruments WHERE status = 'published' ORDER BY agency_id NULLS FIRST, key, version DESC`,
    )
  ).rows;
}

/** Clients of the agency with an open case and need in a dimension, per district and dimension. */
export async function needCounts(
  tx: Queryable,
  agencyId: string,
): Promise<{ district: string | null; dimension: string; n: number }[]> {
  return (
    await tx.query<{ district: string | null; dimension: string; n: number }>(
      `WITH needs AS (${ASSESSED_NEEDS_SQL})
       SELECT c.district, n.dimension, count(DISTINCT c.id)::int AS n
         FROM clients c JOIN needs n ON n.client_id = c.id
        WHERE c.agency_id = $1 AND c.anonymised_at IS NULL
          AND EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id AND k.status = 'open')
        GROUP BY c.district, n.dimension`,
      [agencyId],
    )
  ).rows;
}

export interface SupplyRow {
  district: string;
  dimension: string;
  offers: number;
  free_places: number;
  unlimited: number;
}

/** Offers valid on `day` per district and dimension, with their free places. */
export async function offerSupply(tx: Queryable, day: string): Promise<SupplyRow[]> {
  return (
    await tx.query<SupplyRow>(
      `SELECT o.district, d.dimension, count(*)::int AS offers,
              coalesce(sum(o.free_places), 0)::int AS free_places,
              count(*) FILTER (WHERE o.free_places IS NULL)::int AS unlimited
         FROM offers o, unnest(o.dimensions) AS d(dimension)
        WHERE (o.valid_from IS NULL OR o.valid_from <= $1::date) AND (o.valid_to IS NULL OR o.valid_to >= $1::date)
        GROUP BY o.district, d.dimension`,
      [day],
    )
  ).rows;
}
