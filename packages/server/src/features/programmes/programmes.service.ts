import { randomUUID } from 'node:crypto';
import type { CreateProgrammeRequest, ProgrammeView, UpdateProgrammeRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { loadProgrammeFor } from './programme-access.ts';
import {
  agencyDirectory,
  coachesOf,
  listProgrammes,
  type ProgrammeRow,
  presentProgrammes,
  programmeAgencies,
  programmePlaces,
} from './programmes.repo.ts';

async function present(scope: ActorScope, rows: ProgrammeRow[]): Promise<ProgrammeView[]> {
  const ids = rows.map((r) => r.id);
  return presentProgrammes(
    rows,
    await programmeAgencies(scope.tx, ids),
    await programmePlaces(scope.tx, ids),
  );
}

export async function list(ctx: AppContext, actor: Actor, page: number, pageSize: number) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'programmes.read');
    const { rows, total } = await listProgrammes(scope.tx, actor.agencyId, pageSize, (page - 1) * pageSize);
    return { items: await present(scope, rows), page, pageSize, total };
  });
}

export async function get(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    const programme = await loadProgrammeFor(scope, id, 'programmes.read');
    const [view] = await present(scope, [programme]);
    return { programme: view as ProgrammeView };
  });
}

export async function directory(ctx: AppContext, actor: Actor) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'programmes.read');
    return { items: await agencyDirectory(scope.tx) };
  });
}

/** Staff of the own agency who can be named as coach of an enrolment. */
export async function coaches(ctx: AppContext, actor: Actor) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'enrolments.write');
    return { items: await coachesOf(scope.tx, actor.agencyId) };
  });
}

type AgencyInput = CreateProgrammeRequest['agencies'];

/** Replaces the agencies (besides the owner) and all places of a programme. */
async function writeAgencies(scope: ActorScope, programmeId: string, ownerId: string, agencies: AgencyInput) {
  const known = new Set((await agencyDirectory(scope.tx)).map((a) => a.id));
  const unknown = agencies.findIndex((a) => !known.has(a.agencyId));
  if (unknown >= 0)
    throw badRequest('Unbekannte Stelle.', [
      { path: `agencies.${unknown}.agencyId`, message: 'Unbekannte Stelle.' },
    ]);
  const others = agencies.filter((a) => a.agencyId !== ownerId);
  const keep = others.map((a) => a.agencyId);
  const inUse = await scope.tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM programme_agencies pa
      WHERE pa.programme_id = $1 AND pa.role <> 'owner' AND NOT (pa.agency_id = ANY($2::uuid[]))
        AND (EXISTS (SELECT 1 FROM lotse_programme_counts($1, '2000-01-01', '2100-12-31') c
                      WHERE c.agency_id = pa.agency_id AND c.metric IN ('participants', 'waiting'))
             OR EXISTS (SELECT 1 FROM lotse_programme_spending($1, '2000-01-01', '2100-12-31') s
                         WHERE s.agency_id = pa.agency_id))`,
    [programmeId, keep],
  );
  if ((inUse.rows[0]?.n ?? 0) > 0)
    throw conflict('Eine Stelle mit Teilnahmen oder Buchungen kann nicht aus dem Programm entfernt werden.');
  await scope.tx.query('DELETE FROM programme_places WHERE programme_id = $1', [programmeId]);
  await scope.tx.query(
    `DELETE FROM programme_agencies WHERE programme_id = $1 AND role <> 'owner' AND NOT (agency_id = ANY($2::uuid[]))`,
    [programmeId, keep],
  );
  for (const a of others) {
    await scope.tx.query(
      `INSERT INTO programme_agencies (programme_id, agency_id, role) VALUES ($1, $2, $3)
       ON CONFLICT (programme_id, agency_id) DO UPDATE SET role = EXCLUDED.role`,
      [programmeId, a.agencyId, a.role ?? 'participant'],
    );
  }
  const places = agencies.flatMap((a) => a.places.map((p) => [a.agencyId, p.year, p.places] as const));
  if (places.length > 0) {
    await scope.tx.query(
      `INSERT INTO programme_places (programme_id, agency_id, year, places)
       SELECT $1, u.agency_id, u.year, u.places
         FROM unnest($2::uuid[], $3::int[], $4::int[]) AS u (agency_id, year, places)`,
      [programmeId, places.map((p) => p[0]), places.map((p) => p[1]), places.map((p) => p[2])],
    );
  }
}

export async function create(ctx: AppContext, actor: Actor, input: CreateProgrammeRequest) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'programmes.manage');
    const id = randomUUID();
    // No RETURNING: the new row becomes visible to the agency only once its owner row exists.
    await scope.tx.query(
      `INSERT INTO programmes (id, owner_agency_id, name, funding_source, legal_basis, funder, starts_on, ends_on,
                               description, target_group, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [
        id,
        actor.agencyId,
        input.name,
        input.fundingSource,
        input.legalBasis ?? null,
        input.funder ?? null,
        input.startsOn,
        input.endsOn,
        input.description ?? null,
        input.targetGroup ?? null,
        actor.userId,
        scope.now,
      ],
    );
    await scope.tx.query(
      `INSERT INTO programme_agencies (programme_id, agency_id, role) VALUES ($1, $2, 'owner')`,
      [id, actor.agencyId],
    );
    await writeAgencies(scope, id, actor.agencyId, input.agencies);
    await scope.audit({
      action: 'programmes.create',
      resourceType: 'programme',
      resourceId: id,
      details: { fundingSource: input.fundingSource, agencies: input.agencies.length },
    });
    const programme = await loadProgrammeFor(scope, id, 'programmes.manage');
    const [view] = await present(scope, [programme]);
    return { programme: view as ProgrammeView };
  });
}

export async function update(ctx: AppContext, actor: Actor, id: string, input: UpdateProgrammeRequest) {
  return withActor(ctx, actor, async (scope) => {
    const current = await loadProgrammeFor(scope, id, 'programmes.manage', { manage: true });
    const startsOn = input.startsOn ?? current.starts_on;
    const endsOn = input.endsOn ?? current.ends_on;
    if (endsOn < startsOn)
      throw badRequest('Das Ende liegt vor dem Beginn.', [
        { path: 'endsOn', message: 'Das Ende liegt vor dem Beginn.' },
      ]);
    const pick = <T>(value: T | undefined, fallback: T) => (value === undefined ? fallback : value);
    await scope.tx.query(
      `UPDATE programmes SET name = $2, funding_source = $3, legal_basis = $4, funder = $5, starts_on = $6,
              ends_on = $7, description = $8, target_group = $9, updated_at = $10
        WHERE id = $1`,
      [
        id,
        input.name ?? current.name,
        input.fundingSource ?? current.funding_source,
        pick(input.legalBasis, current.legal_basis),
        pick(input.funder, current.funder),
        startsOn,
        endsOn,
        pick(input.description, current.description),
        pick(input.targetGroup, current.target_group),
        scope.now,
      ],
    );
    if (input.agencies) await writeAgencies(scope, id, current.owner_agency_id, input.agencies);
    const fields = Object.keys(input).filter((k) => (input as Record<string, unknown>)[k] !== undefined);
    await scope.audit({
      action: 'programmes.update',
      resourceType: 'programme',
      resourceId: id,
      details: { fields },
    });
    const programme = await loadProgrammeFor(scope, id, 'programmes.manage');
    const [view] = await present(scope, [programme]);
    return { programme: view as ProgrammeView };
  });
}
