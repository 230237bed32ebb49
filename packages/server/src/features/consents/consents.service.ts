import type { ConsentView, CreateConsentRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { agencyNames, insertCaseEvent, openCaseOf, userNames } from '../cases/cases.repo.ts';
import { loadClientFor } from '../clients/client-access.ts';
import { assertDateWithin, DATE_RANGES } from '../clients/date-rules.ts';

interface ConsentRow {
  id: string;
  agency_id: string;
  client_id: string;
  purpose: ConsentView['purpose'];
  partner_agency_id: string | null;
  form: ConsentView['form'];
  given_on: string;
  recorded_by: string | null;
  recorded_at: Date;
  withdrawn_at: Date | null;
}

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
    recordedBy: r.recorded_by ? { id: r.recorded_by, displayName: names.get(r.recorded_by) ?? '' } : null,
    recordedAt: r.recorded_at.toISOString(),
    withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    active: r.withdrawn_at === null,
  }));
}

export async function consentsOfClient(scope: ActorScope, clientId: string): Promise<ConsentView[]> {
  const rows = await scope.tx.query<ConsentRow>(
    'SELECT * FROM consents WHERE client_id = $1 ORDER BY given_on DESC, recorded_at DESC',
    [clientId],
  );
  return present(scope.tx, rows.rows, scope.actor.agencyId);
}

export function list(ctx: AppContext, actor: Actor, clientId: string) {
  return withActor(ctx, actor, async (scope) => {
    await loadClientFor(scope, clientId, 'consents.read');
    const items = await consentsOfClient(scope, clientId);
    await scope.audit({ action: 'consents.read', resourceType: 'client', resourceId: clientId, clientId });
    return { items, total: items.length };
  });
}

export function create(ctx: AppContext, actor: Actor, clientId: string, input: CreateConsentRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadClientFor(scope, clientId, 'consents.write');
    if (client.anonymised_at) throw badRequest('Die Daten dieser Person wurden gelöscht.');
    assertDateWithin('date', input.date, scope.now, DATE_RANGES.event);
    if (input.partnerAgencyId) {
      const partners = await scope.tx.query('SELECT 1 FROM lotse_partner_agencies() WHERE id = $1', [
        input.partnerAgencyId,
      ]);
      // The owner's own agency is no partner; neither is an unknown one.
      if (partners.rowCount === 0 || input.partnerAgencyId === client.agency_id)
        throw badRequest('Unbekannte Partnerstelle.', [
          { path: 'partnerAgencyId', message: 'Unbekannte Partnerstelle.' },
        ]);
    }
    const inserted = await scope.tx.query<ConsentRow>(
      `INSERT INTO consents (agency_id, client_id, purpose, partner_agency_id, form, given_on, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [
        client.agency_id,
        clientId,
        input.purpose,
        input.partnerAgencyId ?? null,
        input.form,
        input.date,
        actor.userId,
        scope.now,
      ],
    );
    const row = inserted.rows[0] as ConsentRow;
    await scope.audit({
      action: 'consents.create',
      resourceType: 'consent',
      resourceId: row.id,
      clientId,
      details: { purpose: input.purpose, form: input.form },
    });
    return (await present(scope.tx, [row], actor.agencyId))[0] as ConsentView;
  });
}

/**
 * Withdrawal takes effect at once: a sharing based on the consent ends in the same transaction, and
 * withdrawing the consent to process health data erases the recorded health flags.
 */
export function withdraw(ctx: AppContext, actor: Actor, consentId: string) {
  return withActor(ctx, actor, async (scope) => {
    const found = await scope.tx.query<ConsentRow>('SELECT * FROM consents WHERE id = $1', [consentId]);
    const consent = found.rows[0];
    if (!consent) throw notFound('Einwilligung nicht gefunden.');
    await loadClientFor(scope, consent.client_id, 'consents.write');
    if (consent.withdrawn_at) throw conflict('Die Einwilligung wurde bereits widerrufen.');
    await scope.tx.query('UPDATE consents SET withdrawn_at = $2, withdrawn_by = $3 WHERE id = $1', [
      consentId,
      scope.now,
      actor.userId,
    ]);
    const ended = await scope.tx.query<{ partner_agency_id: string }>(
      'UPDATE case_shares SET ended_at = $2 WHERE consent_id = $1 AND ended_at IS NULL RETURNING partner_agency_id',
      [consentId, scope.now],
    );
    const open = await openCaseOf(scope.tx, consent.client_id);
    for (const share of ended.rows) {
      if (open)
        await insertCaseEvent(scope.tx, {
          agencyId: consent.agency_id,
          caseId: open.id,
          kind: 'sharing_ended',
          at: scope.now,
          actorUserId: actor.userId,
          partnerAgencyId: share.partner_agency_id,
          reason: 'Einwilligung widerrufen',
        });
    }
    let healthErased = false;
    if (consent.purpose === 'processing_health_data') {
      const stillConsented = await scope.tx.query(
        `SELECT 1 FROM consents WHERE client_id = $1 AND purpose = 'processing_health_data' AND withdrawn_at IS NULL`,
        [consent.client_id],
      );
      if (stillConsented.rowCount === 0) {
        await scope.tx.query(
          `UPDATE clients SET severe_disability = NULL, reduced_earning_capacity = NULL, updated_at = $2
            WHERE id = $1`,
          [consent.client_id, scope.now],
        );
        healthErased = true;
      }
    }
    await scope.audit({
      action: 'consents.withdraw',
      resourceType: 'consent',
      resourceId: consentId,
      clientId: consent.client_id,
      details: { purpose: consent.purpose, sharingsEnded: ended.rows.length, healthErased },
    });
    const updated = (await scope.tx.query<ConsentRow>('SELECT * FROM consents WHERE id = $1', [consentId]))
      .rows[0] as ConsentRow;
    return (await present(scope.tx, [updated], actor.agencyId))[0] as ConsentView;
  });
}
