import type { CreatePartnerRequest, PartnerView, UpdatePartnerRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { pagedList } from '../../platform/paging.ts';
import { authorize } from '../../platform/policy.ts';
import { unknownDistrictIssues } from '../districts/districts.service.ts';
import {
  findPartner,
  insertPartners,
  listPartners,
  type PartnerFilter,
  presentPartner,
  updatePartner,
} from './partners.repo.ts';

/** What other features may use of the partners: the offer's partner and the table import/export. */
export {
  findPartner,
  insertPartners,
  listPartners,
  ownPartnerNames,
  type PartnerInsert,
} from './partners.repo.ts';

/** A partner's districts must be districts of the agency. */
async function checkDistricts(scope: ActorScope, keys: readonly string[] | undefined) {
  const issues = await unknownDistrictIssues(
    scope.tx,
    scope.actor.agencyId,
    (keys ?? []).map((key, i) => ({ path: `districts.${i}`, key })),
  );
  if (issues.length) throw badRequest('Ungültige Eingabe (Anfrage).', issues);
}

export const list = pagedList(
  'network.read',
  (scope, q: PartnerFilter, limit, offset) => listPartners(scope.tx, q, limit, offset),
  (rows, scope) => rows.map((r) => presentPartner(r, scope.actor.agencyId)),
);

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<PartnerView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const row = await findPartner(scope.tx, id);
    if (!row) throw notFound('Netzwerkpartner nicht gefunden.');
    return presentPartner(row, actor.agencyId);
  });
}

export async function create(
  ctx: AppContext,
  actor: Actor,
  input: CreatePartnerRequest,
): Promise<PartnerView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.write');
    await checkDistricts(scope, input.districts);
    const [id] = await insertPartners(scope.tx, actor.agencyId, [input], actor.userId, scope.now);
    // Contact persons are personal data: the write is audited (ids and counts only).
    await scope.audit({
      action: 'partners.create',
      resourceType: 'partner',
      resourceId: id as string,
      details: { kind: input.kind, contactPersons: input.contactPersons.length },
    });
    return presentPartner(
      (await findPartner(scope.tx, id as string)) as NonNullable<Awaited<ReturnType<typeof findPartner>>>,
      actor.agencyId,
    );
  });
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdatePartnerRequest,
): Promise<PartnerView> {
  return withActor(ctx, actor, async (scope) => {
    const row = await findPartner(scope.tx, id);
    if (!row) throw notFound('Netzwerkpartner nicht gefunden.');
    // Partners of other agencies (behind shared offers) are read-only: the same 404 as a missing one.
    authorize(actor, 'network.write', { agencyId: row.agency_id });
    await checkDistricts(scope, input.districts);
    await updatePartner(scope.tx, id, input, scope.now);
    await scope.audit({
      action: 'partners.update',
      resourceType: 'partner',
      resourceId: id,
      details: { fields: Object.keys(input).sort() },
    });
    return presentPartner((await findPartner(scope.tx, id)) as NonNullable<typeof row>, actor.agencyId);
  });
}
