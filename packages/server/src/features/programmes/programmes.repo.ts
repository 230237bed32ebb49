import type { FundingSource, ProgrammeRole, ProgrammeView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';

export interface ProgrammeRow {
  id: string;
  owner_agency_id: string;
  name: string;
  funding_source: FundingSource;
  legal_basis: string | null;
  funder: string | null;
  starts_on: string;
  ends_on: string;
  description: string | null;
  target_group: string | null;
  created_at: Date;
  updated_at: Date;
  /** The role of the actor's agency. */
  my_role: ProgrammeRole;
}

export interface ProgrammeAgencyRow {
  programme_id: string;
  agency_id: string;
  role: ProgrammeRole;
  name: string;
  kind: string;
}

export interface PlacesRow {
  programme_id: string;
  agency_id: string;
  year: number;
  places: number;
}

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
