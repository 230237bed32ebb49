import type { OfferQuery, OfferView, PartnerKind, TargetGroup } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import { filteredPage, textSearch, Where } from '../../platform/sql-where.ts';
import { insertWithIds } from './bulk-insert.ts';

export type OfferRow = Omit<Row<'offers', { target_groups: TargetGroup[] }>, 'search_text' | 'created_by'> & {
  agency_name: string;
  partner_name: string;
  partner_kind: PartnerKind;
  /** The district's name in the offering agency's list (shared offers name their region). */
  district_name: string | null;
};

export const SELECT_OFFER = `
  SELECT o.id, o.agency_id, lotse_agency_name(o.agency_id) AS agency_name, o.partner_id,
         coalesce(p.name, '') AS partner_name, coalesce(p.kind, 'other') AS partner_kind,
         o.title, o.description, o.dimensions, o.target_groups, o.district,
         (SELECT d.name FROM districts d WHERE d.agency_id = o.agency_id AND d.key = o.district) AS district_name,
         o.street, o.postal_code, o.city,
         o.lat, o.lon, o.step_free, o.easy_language, o.languages, o.cost_cents, o.cost_note, o.schedule,
         o.capacity, o.free_places, o.how_to_refer, o.valid_from, o.valid_to, o.shared, o.created_at, o.updated_at
    FROM offers o LEFT JOIN partners p ON p.id = o.partner_id`;

/**
 * Offers valid on `day` that serve one of `needs` or, without known needs, lie in `district` (any
 * district when that is null too): the candidates for a client's suggestions, at most `limit`.
 */
export async function suggestionCandidates(
  tx: Queryable,
  c: { day: string; needs: string[]; district: string | null; limit: number },
): Promise<OfferRow[]> {
  const rows = await tx.query<OfferRow>(
    `${SELECT_OFFER}
      WHERE (o.valid_from IS NULL OR o.valid_from <= $1::date) AND (o.valid_to IS NULL OR o.valid_to >= $1::date)
        AND (CASE WHEN cardinality($2::text[]) > 0 THEN o.dimensions && $2::text[] ELSE o.district = $3 OR $3 IS NULL END)
      ORDER BY o.id LIMIT ${c.limit}`,
    [c.day, c.needs, c.district],
  );
  return rows.rows;
}

/** The WHERE clause of a directory search; `today` limits to offers valid on that day. */
export function offerFilter(q: Partial<OfferQuery>, agencyId: string, today: string) {
  const where = new Where();
  if (q.query) where.add(`(${textSearch('o.search_text')})`, q.query);
  if (q.dimension) where.add('$? = ANY (o.dimensions)', q.dimension);
  if (q.district) where.add('o.district = $?', q.district);
  if (q.targetGroup) where.add('$? = ANY (o.target_groups)', q.targetGroup);
  if (q.language) where.add('$? = ANY (o.languages)', q.language);
  if (q.stepFree !== undefined) where.add('o.step_free = $?', q.stepFree);
  if (q.easyLanguage !== undefined) where.add('o.easy_language = $?', q.easyLanguage);
  if (q.available) where.add('(o.free_places IS NULL OR o.free_places > 0)');
  if (q.partnerId) where.add('o.partner_id = $?', q.partnerId);
  if (q.scope === 'own') where.add('o.agency_id = $?', agencyId);
  if (q.scope === 'shared') where.add('o.agency_id <> $?', agencyId);
  if (!q.includeExpired)
    where.add(
      '(o.valid_from IS NULL OR o.valid_from <= $?::date) AND (o.valid_to IS NULL OR o.valid_to >= $?::date)',
      today,
    );
  return where;
}

export async function listOffers(
  tx: Queryable,
  q: Partial<OfferQuery>,
  agencyId: string,
  today: string,
  limit: number,
  offset: number,
) {
  return filteredPage<OfferRow>(
    tx,
    { select: SELECT_OFFER, from: 'offers o', order: 'o.title, o.id' },
    offerFilter(q, agencyId, today),
    limit,
    offset,
  );
}

export async function findOffer(tx: Queryable, id: string): Promise<OfferRow | undefined> {
  return (await tx.query<OfferRow>(`${SELECT_OFFER} WHERE o.id = $1`, [id])).rows[0];
}

export interface OfferInsert {
  title: string;
  description: string;
  partnerId: string;
  dimensions: string[];
  targetGroups: string[];
  district: string;
  street?: string | null | undefined;
  postalCode?: string | null | undefined;
  city?: string | null | undefined;
  lat?: number | null | undefined;
  lon?: number | null | undefined;
  stepFree: boolean;
  easyLanguage: boolean;
  languages: string[];
  costCents?: number | null | undefined;
  costNote?: string | null | undefined;
  schedule?: string | null | undefined;
  capacity?: number | null | undefined;
  freePlaces?: number | null | undefined;
  howToRefer?: string | null | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
  shared: boolean;
}

/** Column names of the offers table by request field, for inserts and partial updates. */
export const OFFER_COLUMN: Record<keyof OfferInsert, string> = {
  title: 'title',
  description: 'description',
  partnerId: 'partner_id',
  dimensions: 'dimensions',
  targetGroups: 'target_groups',
  district: 'district',
  street: 'street',
  postalCode: 'postal_code',
  city: 'city',
  lat: 'lat',
  lon: 'lon',
  stepFree: 'step_free',
  easyLanguage: 'easy_language',
  languages: 'languages',
  costCents: 'cost_cents',
  costNote: 'cost_note',
  schedule: 'schedule',
  capacity: 'capacity',
  freePlaces: 'free_places',
  howToRefer: 'how_to_refer',
  validFrom: 'valid_from',
  validTo: 'valid_to',
  shared: 'shared',
};
const FIELDS = Object.keys(OFFER_COLUMN) as (keyof OfferInsert)[];

/** Inserts offers with multi-row statements; returns their ids in input order. */
export async function insertOffers(
  tx: Queryable,
  agencyId: string,
  offers: readonly OfferInsert[],
  by: string | null,
  now: Date,
): Promise<string[]> {
  return insertWithIds(
    tx,
    'offers',
    `agency_id, ${FIELDS.map((f) => OFFER_COLUMN[f]).join(', ')}, created_by, created_at, updated_at`,
    offers,
    (o) => [agencyId, ...FIELDS.map((f) => o[f] ?? null), by, now, now],
  );
}

export async function updateOffer(
  tx: Queryable,
  id: string,
  changes: Partial<OfferInsert>,
  now: Date,
): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const f of FIELDS) {
    if (!(f in changes) || changes[f] === undefined) continue;
    params.push(changes[f]);
    sets.push(`${OFFER_COLUMN[f]} = $${params.length}`);
  }
  params.push(now);
  sets.push(`updated_at = $${params.length}`);
  await tx.query(`UPDATE offers SET ${sets.join(', ')} WHERE id = $1`, params);
}

export function presentOffer(row: OfferRow, agencyId: string): OfferView {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    partner: { id: row.partner_id, name: row.partner_name, kind: row.partner_kind },
    dimensions: row.dimensions,
    targetGroups: row.target_groups,
    district: row.district,
    districtName: row.district_name ?? row.district,
    street: row.street,
    postalCode: row.postal_code,
    city: row.city,
    lat: row.lat,
    lon: row.lon,
    stepFree: row.step_free,
    easyLanguage: row.easy_language,
    languages: row.languages,
    costCents: row.cost_cents,
    costNote: row.cost_note,
    schedule: row.schedule,
    capacity: row.capacity,
    freePlaces: row.free_places,
    howToRefer: row.how_to_refer,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    shared: row.shared,
    own: row.agency_id === agencyId,
    agency: { id: row.agency_id, name: row.agency_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
