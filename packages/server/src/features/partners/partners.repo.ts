import type { ContactPerson, InclusionProfile, PartnerKind, PartnerView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import { textSearch, Where } from '../../platform/sql-where.ts';
import { insertWithIds } from '../offers/bulk-insert.ts';

export type PartnerRow = Omit<
  Row<
    'partners',
    { kind: PartnerKind; contact_persons: ContactPerson[]; inclusion: InclusionProfile | null }
  >,
  'search_text' | 'created_by'
> & { agency_name: string; offer_count: number };

const SELECT_PARTNER = `
  SELECT p.id, p.agency_id, lotse_agency_name(p.agency_id) AS agency_name, p.name, p.kind, p.contact_persons,
         p.street, p.postal_code, p.city, p.districts, p.website, p.notes, p.inclusion, p.created_at, p.updated_at,
         (SELECT count(*)::int FROM offers o WHERE o.partner_id = p.id) AS offer_count
    FROM partners p`;

export interface PartnerFilter {
  query?: string | undefined;
  kind?: PartnerKind | undefined;
  district?: string | undefined;
}

/** Partners the caller can see (own, and those behind shared offers); row-level security decides. */
export async function listPartners(tx: Queryable, filter: PartnerFilter, limit: number, offset: number) {
  const where = new Where();
  if (filter.query) where.add(`(${textSearch('p.search_text')})`, filter.query);
  if (filter.kind) where.add('p.kind = $?', filter.kind);
  if (filter.district) where.add('$? = ANY (p.districts)', filter.district);
  const n = where.params.length;
  const rows = await tx.query<PartnerRow & { total: number }>(
    `${SELECT_PARTNER.replace('SELECT', 'SELECT count(*) OVER ()::int AS total,')}
      ${where.sql}
      ORDER BY p.name, p.id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...where.params, limit, offset],
  );
  let total = rows.rows[0]?.total ?? 0;
  if (rows.rows.length === 0 && offset > 0) {
    const count = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM partners p ${where.sql}`,
      where.params,
    );
    total = count.rows[0]?.n ?? 0;
  }
  return { rows: rows.rows, total };
}

export async function findPartner(tx: Queryable, id: string): Promise<PartnerRow | undefined> {
  return (await tx.query<PartnerRow>(`${SELECT_PARTNER} WHERE p.id = $1`, [id])).rows[0];
}

export interface PartnerInsert {
  name: string;
  kind: PartnerKind;
  contactPersons: ContactPerson[];
  street?: string | null | undefined;
  postalCode?: string | null | undefined;
  city?: string | null | undefined;
  districts: string[];
  website?: string | null | undefined;
  notes?: string | null | undefined;
  inclusion?: InclusionProfile | null | undefined;
}

const PARTNER_COLUMNS = `agency_id, name, kind, contact_persons, street, postal_code, city, districts, website, notes,
  inclusion, created_by, created_at, updated_at`;

function partnerValues(agencyId: string, p: PartnerInsert, by: string | null, now: Date): unknown[] {
  return [
    agencyId,
    p.name,
    p.kind,
    JSON.stringify(p.contactPersons),
    p.street ?? null,
    p.postalCode ?? null,
    p.city ?? null,
    p.districts,
    p.website ?? null,
    p.notes ?? null,
    p.inclusion ? JSON.stringify(p.inclusion) : null,
    by,
    now,
    now,
  ];
}

const UPDATE_COLUMNS: Record<keyof PartnerInsert, { column: string; json?: boolean }> = {
  name: { column: 'name' },
  kind: { column: 'kind' },
  contactPersons: { column: 'contact_persons', json: true },
  street: { column: 'street' },
  postalCode: { column: 'postal_code' },
  city: { column: 'city' },
  districts: { column: 'districts' },
  website: { column: 'website' },
  notes: { column: 'notes' },
  inclusion: { column: 'inclusion', json: true },
};

/** Changes the given fields of a partner (row-level security keeps it to the own agency). */
export async function updatePartner(tx: Queryable, id: string, input: Partial<PartnerInsert>, now: Date) {
  const sets: string[] = [];
  const params: unknown[] = [id, now];
  for (const [key, value] of Object.entries(input) as [keyof PartnerInsert, unknown][]) {
    const target = UPDATE_COLUMNS[key];
    if (!target || value === undefined) continue;
    params.push(target.json && value !== null ? JSON.stringify(value) : value);
    sets.push(`${target.column} = $${params.length}`);
  }
  await tx.query(`UPDATE partners SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`, params);
}

/** Inserts partners with multi-row statements; returns their ids in input order. */
export async function insertPartners(
  tx: Queryable,
  agencyId: string,
  partners: readonly PartnerInsert[],
  by: string | null,
  now: Date,
): Promise<string[]> {
  return insertWithIds(tx, 'partners', PARTNER_COLUMNS, partners, (p) => partnerValues(agencyId, p, by, now));
}

export function presentPartner(row: PartnerRow, agencyId: string): PartnerView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    contactPersons: row.contact_persons.map((c) => ({
      name: c.name,
      role: c.role ?? null,
      phone: c.phone ?? null,
      email: c.email ?? null,
    })),
    street: row.street,
    postalCode: row.postal_code,
    city: row.city,
    districts: row.districts,
    website: row.website,
    notes: row.agency_id === agencyId ? row.notes : null,
    inclusion: row.inclusion
      ? {
          jobsForPeopleWithDisabilities: !!row.inclusion.jobsForPeopleWithDisabilities,
          accessibleWorkplace: !!row.inclusion.accessibleWorkplace,
          partTimePossible: !!row.inclusion.partTimePossible,
          note: row.inclusion.note ?? null,
        }
      : null,
    agency: { id: row.agency_id, name: row.agency_name },
    own: row.agency_id === agencyId,
    offerCount: row.offer_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Ids and names of the agency's own partners. */
export async function ownPartnerNames(
  tx: Queryable,
  agencyId: string,
): Promise<{ id: string; name: string }[]> {
  return (
    await tx.query<{ id: string; name: string }>('SELECT id, name FROM partners WHERE agency_id = $1', [
      agencyId,
    ])
  ).rows;
}
