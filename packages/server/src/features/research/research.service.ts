import { randomBytes } from 'node:crypto';
import {
  type CreateResearchProjectRequest,
  instrumentDefinition,
  type ResearchField,
  type ResearchProjectView,
} from '@lotse/domain';
import type { Actor, AppContext } from '../../platform/context.ts';
import { withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { suppressionThreshold } from '../agency/suppression-threshold.ts';
import {
  agencyDirectoryIds,
  approveForAgency,
  emptyExport,
  findExport,
  findProject,
  type GiverRow,
  insertExport,
  insertGiver,
  insertProject,
  type ProjectRow,
  projectGivers,
  recentProjectIds,
  researchRows,
  setPseudonymKey,
  sharedInstrumentDefinitions,
} from './research.repo.ts';
import { codebookCsv, researchTable, tableCsv, tableParquet, tableSchema } from './research.table.ts';

/** Exports can be downloaded for this long. */
export const EXPORT_VALID_DAYS = 7;

async function loadProject(tx: Queryable, id: string) {
  const project = await findProject(tx, id);
  if (!project) throw notFound();
  const givers = await projectGivers(tx, id);
  return { project, givers };
}

function present(p: ProjectRow, givers: GiverRow[]): ResearchProjectView {
  return {
    id: p.id,
    title: p.title,
    purpose: p.purpose,
    legalBasis: p.legal_basis,
    from: p.period_from,
    to: p.period_to,
    fields: p.fields,
    requestedBy: p.requested_by,
    requestingAgencyId: p.agency_id,
    createdAt: p.created_at.toISOString(),
    agencies: givers.map((g) => ({
      agencyId: g.agency_id,
      approved: g.approved_at !== null,
      approvedAt: g.approved_at ? g.approved_at.toISOString() : null,
    })),
    status: givers.every((g) => g.approved_at !== null) ? 'approved' : 'pending',
  };
}

/** A researcher files a project naming the data-giving agencies; each of them approves it. */
export async function createProject(
  ctx: AppContext,
  actor: Actor,
  body: CreateResearchProjectRequest,
): Promise<ResearchProjectView> {
  authorize(actor, 'research.request');
  return withActor(ctx, actor, async (scope) => {
    const agencyIds = [...new Set(body.agencyIds)];
    const known = await agencyDirectoryIds(scope.tx);
    const unknown = agencyIds.filter((id) => !known.includes(id));
    if (unknown.length > 0)
      throw badRequest('Unbekannte Organisation.', [
        { path: 'agencyIds', message: 'Unbekannte Organisation.' },
      ]);
    const project = await insertProject(scope.tx, {
      agencyId: actor.agencyId,
      requestedBy: actor.userId,
      title: body.title,
      purpose: body.purpose,
      legalBasis: body.legalBasis,
      from: body.from,
      to: body.to,
      fields: body.fields ?? [],
      at: scope.now,
    });
    await setPseudonymKey(scope.tx, project.id, randomBytes(32));
    for (const agencyId of agencyIds) await insertGiver(scope.tx, project.id, agencyId, actor.agencyId);
    await scope.audit({
      action: 'research.request',
      resourceType: 'research_project',
      resourceId: project.id,
      details: { agencyIds },
    });
    return present(
      project,
      agencyIds.sort().map((agency_id) => ({ agency_id, approved_by: null, approved_at: null })),
    );
  });
}

/** Projects of the own agency (researchers) or waiting for the own agency's approval (leads, admins). */
export async function listProjects(ctx: AppContext, actor: Actor): Promise<ResearchProjectView[]> {
  authorize(actor, 'research.read');
  return withActor(ctx, actor, async (scope) => {
    const ids = await recentProjectIds(scope.tx);
    const out: ResearchProjectView[] = [];
    for (const id of ids) {
      const { project, givers } = await loadProject(scope.tx, id);
      out.push(present(project, givers));
    }
    return out;
  });
}

/**
 * A lead or admin of a data-giving agency approves the project for that agency. Four eyes: the
 * requester never approves (also not as a lead of a giving agency).
 */
export async function approveProject(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<ResearchProjectView> {
  authorize(actor, 'research.approve');
  return withActor(ctx, actor, async (scope) => {
    const { project, givers } = await loadProject(scope.tx, id);
    const own = givers.find((g) => g.agency_id === actor.agencyId);
    if (!own) throw notFound();
    if (project.requested_by === actor.userId)
      throw forbidden('Wer ein Vorhaben beantragt, kann es nicht freigeben.');
    if (!own.approved_at) {
      await approveForAgency(scope.tx, id, actor.agencyId, actor.userId, scope.now);
      own.approved_by = actor.userId;
      own.approved_at = scope.now;
      await scope.audit({ action: 'research.approve', resourceType: 'research_project', resourceId: id });
    }
    return present(project, givers);
  });
}

/**
 * Builds an export of an approved project: only clients with a research consent, pseudonyms only,
 * quasi-identifiers generalised to k-anonymity (k = the small-cell threshold). Stored for download
 * until it expires.
 */
export async function createExport(ctx: AppContext, actor: Actor, projectId: string) {
  authorize(actor, 'research.export');
  return withActor(ctx, actor, async (scope) => {
    const { project, givers } = await loadProject(scope.tx, projectId);
    if (project.agency_id !== actor.agencyId) throw notFound();
    if (givers.some((g) => g.approved_at === null))
      throw conflict('Das Vorhaben ist noch nicht von allen Daten gebenden Organisationen freigegeben.');
    const k = await suppressionThreshold(ctx, scope);
    const source = await researchRows(scope.tx, projectId);
    const dimensionKeys = await sharedDimensionKeys(scope.tx);
    const { table, people, leftOut } = researchTable(
      source,
      project.fields as ResearchField[],
      dimensionKeys,
      k,
    );
    const expiresAt = new Date(scope.now.getTime() + EXPORT_VALID_DAYS * 24 * 60 * 60 * 1000);
    const id = await insertExport(scope.tx, {
      agencyId: actor.agencyId,
      projectId,
      createdBy: actor.userId,
      at: scope.now,
      expiresAt,
      k,
      rowCount: table.rows.length,
      content: JSON.stringify(table),
    });
    await scope.audit({
      action: 'research.export',
      resourceType: 'research_export',
      resourceId: id,
      details: { projectId, rows: table.rows.length, people, leftOut, k },
    });
    return { id, rows: table.rows.length, expiresAt: expiresAt.toISOString(), k };
  });
}

/** Dimension keys of the shared instruments, in instrument order (the score columns). */
async function sharedDimensionKeys(tx: Queryable): Promise<string[]> {
  const definitions = await sharedInstrumentDefinitions(tx);
  const keys: string[] = [];
  for (const definition of definitions)
    for (const d of instrumentDefinition.parse(definition).dimensions)
      if (!keys.includes(d.key)) keys.push(d.key);
  return keys;
}

export type DownloadFormat = 'csv' | 'parquet' | 'codebook' | 'schema';

/** The export file; an expired export is emptied and answers 404. Every download is audited. */
export async function download(ctx: AppContext, actor: Actor, exportId: string, format: DownloadFormat) {
  authorize(actor, 'research.export');
  const result = await withActor(ctx, actor, async (scope) => {
    const row = await findExport(scope.tx, exportId);
    if (!row) throw notFound();
    if (row.expires_at.getTime() <= scope.now.getTime() || !row.content) {
      await emptyExport(scope.tx, exportId);
      return null;
    }
    await scope.audit({
      action: 'research.download',
      resourceType: 'research_export',
      resourceId: exportId,
      details: { projectId: row.project_id, format },
    });
    return row.content;
  });
  if (!result) throw notFound('Der Export ist abgelaufen.');
  switch (format) {
    case 'csv':
      return { type: 'text/csv; charset=utf-8', name: 'export.csv', body: tableCsv(result) };
    case 'codebook':
      return { type: 'text/csv; charset=utf-8', name: 'codebook.csv', body: codebookCsv(result) };
    case 'schema':
      return {
        type: 'application/json',
        name: 'schema.json',
        body: JSON.stringify(tableSchema(result), null, 2),
      };
    case 'parquet':
      return { type: 'application/vnd.apache.parquet', name: 'export.parquet', body: tableParquet(result) };
  }
}
