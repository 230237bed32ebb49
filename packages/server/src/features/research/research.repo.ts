import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import type { ResearchTable, SourceRow } from './research.table.ts';

export type ProjectRow = Row<'research_projects'>;
export type GiverRow = Pick<Row<'research_project_agencies'>, 'agency_id' | 'approved_by' | 'approved_at'>;

export async function findProject(tx: Queryable, id: string): Promise<ProjectRow | undefined> {
  return (
    await tx.query<ProjectRow>(
      `SELECT id, agency_id, requested_by, title, purpose, legal_basis, period_from::text AS period_from,
              period_to::text AS period_to, fields, created_at
         FROM research_projects WHERE id = $1`,
      [id],
    )
  ).rows[0];
}

/** The data-giving agencies of a project with their approvals. */
export async function projectGivers(tx: Queryable, projectId: string): Promise<GiverRow[]> {
  return (
    await tx.query<GiverRow>(
      'SELECT agency_id, approved_by, approved_at FROM research_project_agencies WHERE project_id = $1 ORDER BY agency_id',
      [projectId],
    )
  ).rows;
}

export async function agencyDirectoryIds(tx: Queryable): Promise<string[]> {
  return (await tx.query<{ id: string }>('SELECT id FROM lotse_agency_directory()')).rows.map((r) => r.id);
}

export interface NewProject {
  agencyId: string;
  requestedBy: string;
  title: string;
  purpose: string;
  legalBasis: string;
  from: string;
  to: string;
  fields: string[];
  at: Date;
}

export async function insertProject(tx: Queryable, p: NewProject): Promise<ProjectRow> {
  return (
    await tx.query<ProjectRow>(
      `INSERT INTO research_projects (agency_id, requested_by, title, purpose, legal_basis, period_from, period_to,
                                      fields, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id, agency_id, requested_by, title, purpose, legal_basis, period_from::text AS period_from,
                 period_to::text AS period_to, fields, created_at`,
      [p.agencyId, p.requestedBy, p.title, p.purpose, p.legalBasis, p.from, p.to, p.fields, p.at],
    )
  ).rows[0] as ProjectRow;
}

/**
 * The pseudonym key goes into a table the application cannot read (migration 021); from here on
 * only the export function uses it.
 */
export async function setPseudonymKey(tx: Queryable, projectId: string, key: Buffer): Promise<void> {
  await tx.query('SELECT lotse_research_key_set($1, $2)', [projectId, key]);
}

export async function insertGiver(
  tx: Queryable,
  projectId: string,
  agencyId: string,
  requesterAgencyId: string,
): Promise<void> {
  await tx.query(
    'INSERT INTO research_project_agencies (project_id, agency_id, requester_agency_id) VALUES ($1, $2, $3)',
    [projectId, agencyId, requesterAgencyId],
  );
}

export async function recentProjectIds(tx: Queryable): Promise<string[]> {
  return (
    await tx.query<{ id: string }>('SELECT id FROM research_projects ORDER BY created_at DESC LIMIT 200')
  ).rows.map((r) => r.id);
}

export async function approveForAgency(
  tx: Queryable,
  projectId: string,
  agencyId: string,
  userId: string,
  at: Date,
): Promise<void> {
  await tx.query(
    `UPDATE research_project_agencies SET approved_by = $3, approved_at = $4
      WHERE project_id = $1 AND agency_id = $2 AND approved_at IS NULL`,
    [projectId, agencyId, userId, at],
  );
}

export async function researchRows(tx: Queryable, projectId: string): Promise<SourceRow[]> {
  return (
    await tx.query<SourceRow>(
      `SELECT pseudonym, instrument_key, perspective, occasion, months_since_intake, scores, programme, outcome,
              age_group, gender, disability, district
         FROM lotse_research_rows($1)`,
      [projectId],
    )
  ).rows;
}

export interface NewExport {
  agencyId: string;
  projectId: string;
  createdBy: string;
  at: Date;
  expiresAt: Date;
  k: number;
  rowCount: number;
  content: string;
}

export async function insertExport(tx: Queryable, e: NewExport): Promise<string> {
  return (
    await tx.query<{ id: string }>(
      `INSERT INTO research_exports (agency_id, project_id, created_by, created_at, expires_at, k, row_count, content)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [e.agencyId, e.projectId, e.createdBy, e.at, e.expiresAt, e.k, e.rowCount, e.content],
    )
  ).rows[0]?.id as string;
}

/** Definitions of the shared published instruments, by key and newest version first. */
export async function sharedInstrumentDefinitions(tx: Queryable): Promise<unknown[]> {
  return (
    await tx.query<{ definition: unknown }>(
      `SELECT definition FROM instruments WHERE agency_id IS NULL AND status = 'published' ORDER BY key, version DESC`,
    )
  ).rows.map((r) => r.definition);
}

type ExportRow = Pick<
  Row<'research_exports', { content: ResearchTable | null }>,
  'expires_at' | 'content' | 'project_id'
>;

export async function findExport(tx: Queryable, id: string): Promise<ExportRow | undefined> {
  return (
    await tx.query<ExportRow>('SELECT expires_at, content, project_id FROM research_exports WHERE id = $1', [
      id,
    ])
  ).rows[0];
}

export async function emptyExport(tx: Queryable, id: string): Promise<void> {
  await tx.query('UPDATE research_exports SET content = NULL WHERE id = $1', [id]);
}
