import {
  type CreateReferralRequest,
  dimensionShortLabels,
  districtKeyOf,
  districtName,
  languageCodeOf,
  placeHoldingStatuses,
  type ReferralConsent,
  type ReferralStatus,
  type ReferralView,
  rankOffers,
  type SuggestionsResponse,
  type UpdateReferralRequest,
} from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { pageOf, pageOffset } from '../../platform/paging.ts';
import { readClient, requireAccess, requireClient } from '../clients/access.ts';
import { assertDateOrder, assertDateWithin, DATE_RANGES, today } from '../clients/date-rules.ts';
import { listDistricts } from '../districts/districts.service.ts';
import { findOffer, presentOffer, suggestionCandidates } from '../offers/offers.service.ts';
import { clientNeeds } from './client-needs.ts';
import {
  findReferral,
  insertReferral,
  listReferrals,
  openReferralOfferIds,
  presentReferral,
  type ReferralRow,
  returnOfferPlace,
  sharingConsentAgencyIds,
  takeOfferPlace,
  updateReferral,
} from './referrals.repo.ts';

/** What other features may use of the referrals: the client's referrals for the record. */
export { listReferrals, presentReferral } from './referrals.repo.ts';

/** Candidates considered for ranking; the directory of one region stays far below this. */
const MAX_CANDIDATES = 1000;

/** Which status may follow which; completed and dropped are final. */
const NEXT: Record<ReferralStatus, readonly ReferralStatus[]> = {
  suggested: ['referred', 'started', 'dropped'],
  referred: ['started', 'completed', 'dropped'],
  started: ['completed', 'dropped'],
  completed: [],
  dropped: [],
};

const STATUS_LABEL: Record<ReferralStatus, string> = {
  suggested: 'vorgeschlagen',
  referred: 'zugewiesen',
  started: 'begonnen',
  completed: 'abgeschlossen',
  dropped: 'abgebrochen',
};

const holdsPlace = (s: ReferralStatus) => placeHoldingStatuses.includes(s);

/** Agencies the client has an active consent to share with. */
async function sharingConsentAgencies(scope: ActorScope, clientId: string): Promise<Set<string>> {
  return new Set(await sharingConsentAgencyIds(scope.tx, clientId));
}

/** The consent rule of a referral (see `referralConsent` in the domain): what it needs and whether it is there. */
function consentFor(
  offer: { agency_id: string; agency_name?: string },
  clientAgencyId: string,
  consents: Set<string>,
): ReferralConsent {
  if (offer.agency_id === clientAgencyId) return { required: 'none', agency: null, given: true };
  return {
    required: 'sharing',
    agency: { id: offer.agency_id, name: offer.agency_name ?? '' },
    given: consents.has(offer.agency_id),
  };
}

/**
 * A referral that takes a place of another agency's offer tells that agency about the client: refused
 * without the client's active consent to share with it (a suggestion alone stays in the own agency).
 */
async function assertReferralConsent(
  scope: ActorScope,
  client: { id: string; agency_id: string },
  offer: { agency_id: string },
) {
  const consent = consentFor(offer, client.agency_id, await sharingConsentAgencies(scope, client.id));
  if (!consent.given)
    throw conflict(
      'Für ein Angebot einer anderen Stelle braucht es eine aktive Einwilligung der Person zur Weitergabe an diese Stelle. Bitte erfassen Sie die Einwilligung zuerst.',
    );
}

/** A referral cannot start before it was made, nor end before it started. */
function assertStatusDateOrder(found: ReferralRow, to: ReferralStatus, date: string) {
  const made = found.referred_on ?? found.suggested_on;
  if (to === 'started') assertDateOrder('referralStart', made, date);
  if (to === 'completed' || to === 'dropped') {
    if (found.started_on) assertDateOrder('referralEnd', found.started_on, date);
    else assertDateOrder('referralStart', made, date);
  }
}

export async function suggestions(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  limit: number,
): Promise<SuggestionsResponse> {
  return withActor(ctx, actor, (scope) =>
    readClient(
      scope,
      { action: 'referrals.read', audit: 'referrals.suggestions' },
      clientId,
      async (client) => {
        const { needs, assessmentDate } = await clientNeeds(scope.tx, client.id);
        const districts = await listDistricts(scope.tx, actor.agencyId);
        const district = districtKeyOf(client.district, districts) ?? null;
        const language = languageCodeOf(client.preferred_language) ?? null;
        const day = today(scope.now);
        // Offers that serve a need, or (without known needs) those in the client's district.
        const candidates = await suggestionCandidates(scope.tx, {
          day,
          needs,
          district,
          limit: MAX_CANDIDATES,
        });
        const taken = await openReferralOfferIds(scope.tx, client.id);
        const consents = await sharingConsentAgencies(scope, client.id);
        const offers = candidates
          .filter((o) => !taken.has(o.id))
          .map((o) => ({
            row: o,
            id: o.id,
            title: o.title,
            dimensions: o.dimensions,
            district: o.district,
            languages: o.languages,
            stepFree: o.step_free,
            easyLanguage: o.easy_language,
            freePlaces: o.free_places,
          }));
        const ranked = rankOffers(
          {
            needs,
            district,
            language,
            // A recorded severe disability asks for step-free offers (the flag is there only with consent).
            needsStepFree: client.severe_disability === true,
          },
          offers,
          (key) => dimensionShortLabels[key] ?? key,
          (key) => districtName(key, districts),
        );
        const items = ranked.slice(0, limit).map((r) => ({
          offer: presentOffer(r.offer.row, actor.agencyId),
          score: r.score,
          reason: r.reason,
          matches: r.matches,
          full: r.full,
          consent: consentFor(r.offer.row, client.agency_id, consents),
        }));
        return {
          value: { items, total: ranked.length, basis: { needs, assessmentDate, district, language } },
          details: { count: items.length, needs: needs.length },
        };
      },
    ),
  );
}

export async function list(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  q: { page: number; pageSize: number; status?: ReferralStatus | undefined; open?: boolean | undefined },
) {
  return withActor(ctx, actor, async (scope) => {
    const { rows, total } = await readClient(
      scope,
      { action: 'referrals.read', audit: 'referrals.list' },
      clientId,
      async (client) => {
        const listed = await listReferrals(scope.tx, client.id, q, q.pageSize, pageOffset(q));
        return { value: listed, details: { count: listed.rows.length } };
      },
    );
    return pageOf(q, rows.map(presentReferral), total);
  });
}

/** Takes a place of the offer; 409 when none is left and the user did not override explicitly. */
async function takePlace(scope: ActorScope, offerId: string, override: boolean): Promise<boolean> {
  const before = await findOffer(scope.tx, offerId);
  const full = before?.free_places === 0;
  if ((await takeOfferPlace(scope.tx, offerId, override)) === -1) {
    throw conflict(
      'Das Angebot hat keine freien Plätze. Eine Zuweisung ist nur mit ausdrücklicher Übersteuerung möglich.',
    );
  }
  return full;
}

async function releasePlace(scope: ActorScope, offerId: string): Promise<void> {
  const visible = await findOffer(scope.tx, offerId);
  if (visible) await returnOfferPlace(scope.tx, offerId);
}

export async function create(
  ctx: AppContext,
  actor: Actor,
  clientId: string,
  input: CreateReferralRequest,
): Promise<ReferralView> {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'referrals.write', clientId);
    const offer = await findOffer(scope.tx, input.offerId);
    if (!offer)
      throw badRequest('Ungültige Eingabe (Anfrage).', [
        { path: 'offerId', message: 'Angebot nicht gefunden' },
      ]);
    const day = today(scope.now);
    if ((offer.valid_to && offer.valid_to < day) || (offer.valid_from && offer.valid_from > day))
      throw conflict('Das Angebot ist derzeit nicht gültig.');
    const open = await openReferralOfferIds(scope.tx, client.id);
    if (open.has(offer.id)) throw conflict('Für dieses Angebot besteht bereits eine offene Zuweisung.');
    if (input.status === 'referred') await assertReferralConsent(scope, client, offer);
    const overridden =
      input.status === 'referred' ? await takePlace(scope, offer.id, input.overrideCapacity) : false;
    const id = await insertReferral(scope.tx, {
      agencyId: client.agency_id,
      clientId: client.id,
      offerId: offer.id,
      status: input.status,
      note: input.note ?? null,
      suggestedOn: input.status === 'suggested' ? day : null,
      referredOn: input.status === 'referred' ? day : null,
      capacityOverride: overridden,
      createdBy: actor.userId,
      createdByAgency: actor.agencyId,
      at: scope.now,
    });
    await scope.audit({
      action: 'referrals.create',
      resourceType: 'referral',
      resourceId: id,
      clientId: client.id,
      details: { offerId: offer.id, status: input.status, capacityOverride: overridden },
    });
    return presentReferral(
      (await findReferral(scope.tx, id)) as NonNullable<Awaited<ReturnType<typeof findReferral>>>,
    );
  });
}

export async function update(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateReferralRequest,
): Promise<ReferralView> {
  return withActor(ctx, actor, async (scope) => {
    await requireAccess(scope, 'referrals.write', 'referral', id);
    const found = (await findReferral(scope.tx, id)) as ReferralRow;
    const client = await requireClient(scope, 'referrals.write', found.client_id);
    const from = found.status;
    const to = input.status ?? from;
    const date = input.date ?? today(scope.now);
    if (input.date) assertDateWithin('date', input.date, scope.now, DATE_RANGES.event);
    if (to !== from) assertStatusDateOrder(found, to, date);
    let overridden = found.capacity_override;
    if (to !== from) {
      if (!NEXT[from].includes(to))
        throw conflict(
          `Eine Zuweisung mit Status „${STATUS_LABEL[from]}“ kann nicht auf „${STATUS_LABEL[to]}“ wechseln.`,
        );
      if (holdsPlace(to) && !holdsPlace(from)) {
        const offer = await findOffer(scope.tx, found.offer_id);
        if (offer) await assertReferralConsent(scope, client, offer);
      }
      if (holdsPlace(to) && !holdsPlace(from))
        overridden = (await takePlace(scope, found.offer_id, input.overrideCapacity ?? false)) || overridden;
      if (holdsPlace(from) && !holdsPlace(to)) await releasePlace(scope, found.offer_id);
    } else if (input.reason !== undefined && to !== 'dropped' && input.reason !== null) {
      throw badRequest('Ungültige Eingabe (Anfrage).', [
        { path: 'reason', message: 'Ein Grund gehört nur zu einer abgebrochenen Zuweisung' },
      ]);
    }
    await updateReferral(
      scope.tx,
      id,
      {
        status: to,
        reason: input.reason ?? null,
        feedback: input.feedback ?? null,
        statusChanged: to !== from,
        date,
        capacityOverride: overridden,
      },
      scope.now,
    );
    await scope.audit({
      action: 'referrals.update',
      resourceType: 'referral',
      resourceId: id,
      clientId: client.id,
      details: { from, to, feedback: input.feedback !== undefined },
    });
    return presentReferral(
      (await findReferral(scope.tx, id)) as NonNullable<Awaited<ReturnType<typeof findReferral>>>,
    );
  });
}
