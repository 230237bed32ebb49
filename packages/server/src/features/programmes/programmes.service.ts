import { randomUUID } from 'node:crypto';
import type { CreateProgrammeRequest, ProgrammeView, UpdateProgrammeRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { loadProgrammeFor } from './programme-access.ts';
import {
  agenciesInUse,
  agencyDirectory,
  coachesOf,
  deleteOtherAgencies,
  deletePlaces,
  insertOwner,
  insertPlaces,
  insertProgramme,
  listProgrammes,
  type ProgrammeRow,
  presentProgrammes,
  programmeAgencies,
  programmePlaces,
  updateProgramme,
  upsertAgency,
} from './programmes.repo.ts';

/** The demo sets up its programmes and their places like a coordinator does. */
export { insertPlaces, insertProgramme, type ProgrammeFields } from './programmes.repo.ts';

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
  if ((await agenciesInUse(scope.tx, programmeId, keep)) > 0)
    throw conflict('Eine Stelle mit Teilnahmen oder Buchungen kann nicht aus dem Programm entfernt werden.');
  await deletePlaces(scope.tx, programmeId);
  await deleteOtherAgencies(scope.tx, programmeId, keep);
  for (const a of others) await upsertAgency(scope.tx, programmeId, a.agencyId, a.role ?? 'participant');
  const places = agencies.flatMap((a) => a.places.map((p) => [a.agencyId, p.year, p.places] as const));
  if (places.length > 0) await insertPlaces(scope.tx, programmeId, places);
}

export async function create(ctx: AppContext, actor: Actor, input: CreateProgrammeRequest) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'programmes.manage');
    const id = randomUUID();
    await insertProgramme(scope.tx, {
      id,
      ownerAgencyId: actor.agencyId,
      name: input.name,
      fundingSource: input.fundingSource,
      legalBasis: input.legalBasis ?? null,
      funder: input.funder ?? null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      description: input.description ?? null,
      targetGroup: input.targetGroup ?? null,
      createdBy: actor.userId,
      at: scope.now,
    });
    await insertOwner(scope.tx, id, actor.agencyId);
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
    await updateProgramme(
      scope.tx,
      id,
      {
        name: input.name ?? current.name,
        fundingSource: input.fundingSource ?? current.funding_source,
        legalBasis: pick(input.legalBasis, current.legal_basis),
        funder: pick(input.funder, current.funder),
        startsOn,
        endsOn,
        description: pick(input.description, current.description),
        targetGroup: pick(input.targetGroup, current.target_group),
      },
      scope.now,
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
