import type { ConsentView, CreateConsentRequest } from '@lotse/domain';
import { type AuditEvent, appendAudit } from '../../platform/audit.ts';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { badRequest, conflict } from '../../platform/errors.ts';
import { agencyNames, userNames } from '../cases/cases.service.ts';
import { clientList, requireAccess, requireWritableClient } from '../clients/access.ts';
import { assertDateWithin, DATE_RANGES } from '../clients/date-rules.ts';
import { revokeLinksOnWithdrawal } from '../self-assessment/self-assessment.service.ts';
import {
  type ConsentRow,
  consentsOf,
  endConsentShares,
  eraseHealthFlags,
  findConsent,
  healthConsentStands,
  insertConsent,
  isPartnerAgency,
  markWithdrawn,
  setTransactionAgency,
} from './consents.repo.ts';

async function present(tx: Queryable, rows: ConsentRow[], ownAgencyId: string): Promise<ConsentView[]> {
  const names = await userNames(
    tx,
    rows.map((r) => r.recorded_by),
  );
  const agencies = await agencyNames(tx, ownAgencyId);
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    purpose: r.purpose,
    form: r.form,
    date: r.given_on,
    partnerAgency: r.partner_agency_id
      ? { id: r.partner_agency_id, name: agencies.get(r.partner_agency_id) ?? '' }
      : null,
    includesContactNotes: r.includes_contact_notes,
    recordedBy: r.recorded_by ? { id: r.recorded_by, displayName: names.get(r.recorded_by) ?? '' } : null,
    recordedAt: r.recorded_at.toISOString(),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    active: r.withdrawn_at === null,
  }));
}

export async function consentsOfClient(scope: ActorScope, clientId: string): Promise<ConsentView[]> {
  return present(scope.tx, await consentsOf(scope.tx, clientId), scope.actor.agencyId);
}

export const list = (ctx: AppContext, actor: Actor, clientId: string) =>
  clientList(ctx, actor, 'consents.read', clientId, (scope) => consentsOfClient(scope, clientId));

export function create(ctx: AppContext, actor: Actor, clientId: string, input: CreateConsentRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireWritableClient(scope, 'consents.write', clientId);
    assertDateWithin('date', input.date, scope.now, DATE_RANGES.event);
    if (input.partnerAgencyId) {
      const known = await isPartnerAgency(scope.tx, input.partnerAgencyId);
      // The owner's own agency is no partner; neither is an unknown one.
      if (!known || input.partnerAgencyId === client.agency_id)
        throw badRequest('Unbekannte Partnerstelle.', [
          { path: 'partnerAgencyId', message: 'Unbekannte Partnerstelle.' },
        ]);
    }
    const row = await insertConsent(scope.tx, {
      agencyId: client.agency_id,
      clientId,
      purpose: input.purpose,
      partnerAgencyId: input.partnerAgencyId ?? null,
      form: input.form,
      givenOn: input.date,
      recordedBy: actor.userId,
      now: scope.now,
      includesContactNotes: input.includesContactNotes ?? false,
    });
    await scope.audit({
      action: 'consents.create',
      resourceType: 'consent',
      resourceId: row.id,
      clientId,
      details: { purpose: input.purpose, form: input.form, includesContactNotes: row.includes_contact_notes },
    });
    return (await present(scope.tx, [row], actor.agencyId))[0] as ConsentView;
  });
}

/**
 * Withdrawal takes effect at once and for every agency: a sharing based on the consent ends in the
 * same transaction, whichever side records it (the owner or the partner agency the client told), and
 * withdrawing the consent to process health data erases the recorded health flags. Every agency the
 * withdrawal concerns gets the entry in its own audit log.
 */
export function withdraw(ctx: AppContext, actor: Actor, consentId: string) {
  return withActor(ctx, actor, async (scope) => {
    await requireAccess(scope, 'consents.write', 'consent', consentId);
    const consent = (await findConsent(scope.tx, consentId)) as ConsentRow;
    if (consent.withdrawn_at) throw conflict('Die Einwilligung wurde bereits widerrufen.');
    // Read back before the sharing ends: afterwards a partner agency no longer sees the consent.
    const updated = await markWithdrawn(scope.tx, consentId, scope.now, actor.userId);
    // Shares and case history belong to the owner; the partner agency may not change them itself.
    const ended = await endConsentShares(scope.tx, consentId, scope.now, actor.userId);
    const linksRevoked =
      consent.purpose === 'self_assessment' ? await revokeLinksOnWithdrawal(scope, consent.client_id) : 0;
    let healthErased = false;
    if (consent.purpose === 'processing_health_data') {
      if (!(await healthConsentStands(scope.tx, consent.client_id))) {
        await eraseHealthFlags(scope.tx, consent.client_id, scope.now);
        healthErased = true;
      }
    }
    const entry = {
      action: 'consents.withdraw',
      resourceType: 'consent',
      resourceId: consentId,
      clientId: consent.client_id,
      details: {
        purpose: consent.purpose,
        sharingsEnded: ended.length,
        healthErased,
        linksRevoked,
        recordedByAgency: actor.agencyId,
      },
    };
    await scope.audit(entry);
    const concerned = new Set([consent.agency_id, ...ended.map((r) => r.partner_agency_id)]);
    concerned.delete(actor.agencyId);
    for (const agencyId of concerned) await auditForAgency(scope, agencyId, entry);
    return (await present(scope.tx, updated, actor.agencyId))[0] as ConsentView;
  });
}

/**
 * Writes an entry into another agency's audit chain, for an act that concerns that agency as well
 * (a withdrawal recorded on the other side). The chain and its row-level security are per agency, so
 * the transaction names that agency for the one append and then returns to the actor's.
 */
async function auditForAgency(
  scope: ActorScope,
  agencyId: string,
  event: Omit<AuditEvent, 'agencyId' | 'actorUserId'>,
) {
  await setTransactionAgency(scope.tx, agencyId);
  try {
    await appendAudit(scope.tx, { ...event, agencyId, actorUserId: scope.actor.userId }, scope.now);
  } finally {
    await setTransactionAgency(scope.tx, scope.actor.agencyId);
  }
}
