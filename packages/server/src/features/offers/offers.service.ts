import type { CreateOfferRequest, OfferQuery, OfferView, UpdateOfferRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { pagedList } from '../../platform/paging.ts';
import { authorize } from '../../platform/policy.ts';
import { today } from '../clients/date-rules.ts';
import { unknownDistrictIssues } from '../districts/districts.service.ts';
import { knownDimensionKeys } from '../instruments/dimension-keys.ts';
import { findPartner } from '../partners/partners.service.ts';
import {
  findOffer,
  insertOffers,
  listOffers,
  type OfferInsert,
  type OfferRow,
  presentOffer,
  updateOffer,
} from './offers.repo.ts';

/** What other features may use of the offers: one offer, its view and the suggestions' candidates. */
export { findOffer, presentOffer, suggestionCandidates } from './offers.repo.ts';

/**
 * Dimensions must be keys of a published instrument, the district one of the agency's districts, the
 * partner one of the own agency.
 */
export async function checkOfferReferences(
  scope: ActorScope,
  input: { dimensions?: string[] | undefined; partnerId?: string | undefined; district?: string | undefined },
  known?: Set<string>,
): Promise<{ path: string; message: string }[]> {
  const issues = await unknownDistrictIssues(
    scope.tx,
    scope.actor.agencyId,
    input.district === undefined ? [] : [{ path: 'district', key: input.district }],
  );
  if (input.dimensions) {
    const keys = known ?? (await knownDimensionKeys(scope.tx));
    for (const d of input.dimensions)
      if (!keys.has(d)) issues.push({ path: 'dimensions', message: `Unbekannter Teilhabebereich: ${d}` });
  }
  if (input.partnerId) {
    const partner = await findPartner(scope.tx, input.partnerId);
    if (!partner || partner.agency_id !== scope.actor.agencyId)
      issues.push({ path: 'partnerId', message: 'Netzwerkpartner nicht gefunden' });
  }
  return issues;
}

export const list = pagedList(
  'network.read',
  (scope, q: OfferQuery, limit, offset) =>
    listOffers(scope.tx, q, scope.actor.agencyId, today(scope.now), limit, offset),
  (rows, scope) => rows.map((r) => presentOffer(r, scope.actor.agencyId)),
);

async function loadOffer(scope: ActorScope, id: string): Promise<OfferRow> {
  const row = await findOffer(scope.tx, id);
  if (!row) throw notFound('Angebot nicht gefunden.');
  return row;
}

export async function get(ctx: AppContext, actor: Actor, id: string): Promise<OfferView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    return presentOffer(await loadOffer(scope, id), actor.agencyId);
  });
}

export async function create(ctx: AppContext, actor: Actor, input: CreateOfferRequest): Promise<OfferView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.write');
    const issues = await checkOfferReferences(scope, input);
    if (issues.length) throw badRequest('Ungültige Eingabe (Anfrage).', issues);
    const [id] = await insertOffers(
      scope.tx,
      actor.agencyId,
      [input as OfferInsert],
      actor.userId,
      scope.now,
    );
    await scope.audit({
      action: 'offers.create',
      resourceType: 'offer',
      resourceId: id as string,
      details: { shared: input.shared },
    });
    return presentOffer(await loadOffer(scope, id as string), actor.agencyId);
  });
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateOfferRequest,
): Promise<OfferView> {
  return withActor(ctx, actor, async (scope) => {
    const row = await loadOffer(scope, id);
    // Offers of other agencies (shared directory) are read-only: the same 404 as a missing one.
    authorize(actor, 'network.write', { agencyId: row.agency_id });
    const issues = await checkOfferReferences(scope, input);
    const capacity = input.capacity !== undefined ? input.capacity : row.capacity;
    const freePlaces = input.freePlaces !== undefined ? input.freePlaces : row.free_places;
    if (capacity != null && freePlaces != null && freePlaces > capacity)
      issues.push({ path: 'freePlaces', message: 'Mehr freie Plätze als Plätze insgesamt' });
    const from = input.validFrom !== undefined ? input.validFrom : row.valid_from;
    const to = input.validTo !== undefined ? input.validTo : row.valid_to;
    if (from && to && to < from) issues.push({ path: 'validTo', message: 'Ende vor dem Beginn' });
    if (issues.length) throw badRequest('Ungültige Eingabe (Anfrage).', issues);
    await updateOffer(scope.tx, id, input as Partial<OfferInsert>, scope.now);
    await scope.audit({
      action: 'offers.update',
      resourceType: 'offer',
      resourceId: id,
      details: { fields: Object.keys(input).sort() },
    });
    return presentOffer(await loadOffer(scope, id), actor.agencyId);
  });
}
