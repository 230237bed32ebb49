import type { FundingSource, ProgrammeRole, ProgrammeView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import type { InstrumentRow } from '../instruments/instruments.service.ts';

export type ProgrammeRow = Omit<Row<'programmes', { funding_source: FundingSource }>, 'created_by'> & {
  /** The role of the actor's agency. */
  my_role: ProgrammeRole;
};

export type ProgrammeAgencyRow = Pick<
  Row<'programme_agencies', { role: ProgrammeRole }>,
  'programme_id' | 'agency_id' | 'role'
> & { name: string; kind: string };

export type PlacesRow = Pick<Row<'programme_places'>, 'programme_id' | 'agency_id' | 'year' | 'places'>;

const SELECT_PROGRAMME = `
  SELECT p.id, p.owner_agency_id, p.name, p.funding_source, p.legal_basis, p.funder, p.starts_on, p.ends_on,
         p.description, p.target_group, p.created_at, p.updated_at, pa.role AS my_role
    FROM programmes p JOIN programme_agencies pa ON pa.programme_id = p.id AND pa.agency_id = $1`;

/** Programmes the agency takes part in (row-level security hides the others as well). */
export async function listProgrammes(tx: Queryable, agencyId: string, limit: number, offset: number) {
  const rows = await tx.query<ProgrammeRow & { total: number }>(
    `${SELECT_PROGRAMME.replace('SELECT', 'SELECT count(*) OVER ()::int AS total,')}
      ORDER BY p.starts_on, p.name, p.id LIMIT $2 OFFSET $3`,
    [agencyId, limit, offset],
  );
  return { rows: rows.rows, total: rows.rows[0]?.total ?? 0 };
}

export async function findProgramme(tx: Queryable, agencyId: string, id: string) {
  return (await tx.query<ProgrammeRow>(`${SELECT_PROGRAMME} WHERE p.id = $2`, [agencyId, id])).rows[0];
}

export async function programmeAgencies(tx: Queryable, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  const r = await tx.query<ProgrammeAgencyRow>(
    `SELECT pa.programme_id, pa.agency_id, pa.role, n.name, n.kind
       FROM programme_agencies pa
       CROSS JOIN LATERAL lotse_programme_agency_names(pa.programme_id) n
      WHERE n.id = pa.agency_id AND pa.programme_id = ANY($1::uuid[])
      ORDER BY CASE pa.role WHEN 'owner' THEN 0 WHEN 'partner' THEN 1 ELSE 2 END, n.name`,
    [programmeIds],
  );
  return r.rows;
}

export async function programmePlaces(tx: Queryable, programmeIds: string[]) {
  if (programmeIds.length === 0) return [];
  const r = await tx.query<PlacesRow>(
    `SELECT programme_id, agency_id, year, places FROM programme_places
      WHERE programme_id = ANY($1::uuid[]) ORDER BY year`,
    [programmeIds],
  );
  return r.rows;
}

export async function agencyDirectory(tx: Queryable) {
  return (
    await tx.query<{ id: string; name: string; kind: string }>('SELECT * FROM lotse_agency_directory()')
  ).rows;
}

/** Active staff of the agency who can coach participants (every staff role except admin-only accounts). */
export async function coachesOf(tx: Queryable, agencyId: string) {
  return (
    await tx.query<{ id: string; displayName: string }>(
      `SELECT id, display_name AS "displayName" FROM users
        WHERE agency_id = $1 AND status = 'active'
          AND roles && ARRAY['caseworker', 'lead', 'coordinator']::text[]
        ORDER BY display_name, id`,
      [agencyId],
    )
  ).rows;
}

export function presentProgrammes(
  rows: ProgrammeRow[],
  agencies: ProgrammeAgencyRow[],
  places: PlacesRow[],
): ProgrammeView[] {
  return rows.map((p) => {
    const mine = agencies.filter((a) => a.programme_id === p.id);
    const owner = mine.find((a) => a.role === 'owner');
    return {
      id: p.id,
      name: p.name,
      fundingSource: p.funding_source,
      legalBasis: p.legal_basis,
      funder: p.funder,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      description: p.description,
      targetGroup: p.target_group,
      ownerAgency: { id: p.owner_agency_id, name: owner?.name ?? '', kind: owner?.kind ?? '' },
      myRole: p.my_role,
      agencies: mine.map((a) => ({
        agency: { id: a.agency_id, name: a.name, kind: a.kind },
        role: a.role,
        places: places
          .filter((x) => x.programme_id === p.id && x.agency_id === a.agency_id)
          .map((x) => ({ year: x.year, places: x.places })),
      })),
      createdAt: p.created_at.toISOString(),
      updatedAt: p.updated_at.toISOString(),
    };
  });
}

/**
 * How many of the programme's agencies outside `keep` (not the owner) have participations, people
 * waiting or bookings.
 */
export async function agenciesInUse(tx: Queryable, programmeId: string, keep: string[]): Promise<number> {
  const inUse = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM programme_agencies pa
      WHERE pa.programme_id = $1 AND pa.role <> 'owner' AND NOT (pa.agency_id = ANY($2::uuid[]))
        AND (EXISTS (SELECT 1 FROM lotse_programme_counts($1, '2000-01-01', '2100-12-31') c
                      WHERE c.agency_id = pa.agency_id AND c.metric IN ('participants', 'waiting'))
             OR EXISTS (SELECT 1 FROM lotse_programme_spending($1, '2000-01-01', '2100-12-31') s
                         WHERE s.agency_id = pa.agency_id))`,
    [programmeId, keep],
  );
  return inUse.rows[0]?.n ?? 0;
}

export async function deletePlaces(tx: Queryable, programmeId: string): Promise<void> {
  await tx.query('DELETE FROM programme_places WHERE programme_id = $1', [programmeId]);
}

/** Removes the agencies outside `keep` (never the owner). */
export async function deleteOtherAgencies(tx: Queryable, programmeId: string, keep: string[]): Promise<void> {
  await tx.query(
    `DELETE FROM programme_agencies WHERE programme_id = $1 AND role <> 'owner' AND NOT (agency_id = ANY($2::uuid[]))`,
    [programmeId, keep],
  );
}

export async function upsertAgency(
  tx: Queryable,
  programmeId: string,
  agencyId: string,
  role: ProgrammeRole,
): Promise<void> {
  await tx.query(
    `INSERT INTO programme_agencies (programme_id, agency_id, role) VALUES ($1, $2, $3)
     ON CONFLICT (programme_id, agency_id) DO UPDATE SET role = EXCLUDED.role`,
    [programmeId, agencyId, role],
  );
}

export async function insertPlaces(
  tx: Queryable,
  programmeId: string,
  places: readonly (readonly [agencyId: string, year: number, places: number])[],
): Promise<void> {
  await tx.query(
    `INSERT INTO programme_places (programme_id, agency_id, year, places)
     SELECT $1, u.agency_id, u.year, u.places
       FROM unnest($2::uuid[], $3::int[], $4::int[]) AS u (agency_id, year, places)`,
    [programmeId, places.map((p) => p[0]), places.map((p) => p[1]), places.map((p) => p[2])],
  );
}

export interface ProgrammeFields {
  name: string;
  fundingSource: FundingSource;
  legalBasis: string | null;
  funder: string | null;
  startsOn: string;
  endsOn: string;
  description: string | null;
  targetGroup: string | null;
}

/** The programme's fields in the column order both the insert and the update use. */
const fieldValues = (p: ProgrammeFields) => [
  p.name,
  p.fundingSource,
  p.legalBasis,
  p.funder,
  p.startsOn,
  p.endsOn,
  p.description,
  p.targetGroup,
];

/** No RETURNING: the new row becomes visible to the agency only once its owner row exists. */
export async function insertProgramme(
  tx: Queryable,
  p: ProgrammeFields & { id: string; ownerAgencyId: string; createdBy: string | null; at: Date },
): Promise<void> {
  await tx.query(
    `INSERT INTO programmes (id, owner_agency_id, name, funding_source, legal_basis, funder, starts_on, ends_on,
                             description, target_group, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
    [p.id, p.ownerAgencyId, ...fieldValues(p), p.createdBy, p.at],
  );
}

export async function insertOwner(tx: Queryable, programmeId: string, agencyId: string): Promise<void> {
  await tx.query(`INSERT INTO programme_agencies (programme_id, agency_id, role) VALUES ($1, $2, 'owner')`, [
    programmeId,
    agencyId,
  ]);
}

export async function updateProgramme(
  tx: Queryable,
  id: string,
  p: ProgrammeFields,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE programmes SET name = $2, funding_source = $3, legal_basis = $4, funder = $5, starts_on = $6,
            ends_on = $7, description = $8, target_group = $9, updated_at = $10
      WHERE id = $1`,
    [id, ...fieldValues(p), at],
  );
}

export interface CountRow {
  agency_id: string;
  metric: string;
  category: string;
  n: number;
}

/** Counts per agency, metric and category from the narrow counting function (no identities). */
export async function countRows(
  tx: Queryable,
  programmeId: string,
  from: string,
  to: string,
): Promise<CountRow[]> {
  return (
    await tx.query<CountRow>(
      'SELECT agency_id, metric, category, n FROM lotse_programme_counts($1, $2, $3)',
      [programmeId, from, to],
    )
  ).rows;
}

export interface ChangeCount {
  agency_id: string;
  instrument_key: string;
  perspective: 'self' | 'professional';
  dimension: string;
  difference: string;
  n: number;
}

/** How many participants changed by how much, per agency, instrument, perspective and dimension. */
export async function changeCounts(
  tx: Queryable,
  programmeId: string,
  from: string,
  to: string,
): Promise<ChangeCount[]> {
  return (
    await tx.query<ChangeCount>(
      `SELECT agency_id, instrument_key, perspective, dimension, difference::text AS difference, n::int AS n
         FROM lotse_programme_changes($1, $2, $3)`,
      [programmeId, from, to],
    )
  ).rows;
}

/** The latest published version of a shared (system) instrument. */
export async function latestSharedInstrument(tx: Queryable, key: string): Promise<InstrumentRow | undefined> {
  return (
    await tx.query<InstrumentRow>(
      `SELECT id, agency_id, key, version, status, definition, based_on_id, created_at, published_at
         FROM instruments WHERE agency_id IS NULL AND key = $1 AND status = 'published'
        ORDER BY version DESC LIMIT 1`,
      [key],
    )
  ).rows[0];
}
