import type { EraseClientRequest } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { requireClient } from '../clients/access.ts';
import { addDays, today } from '../clients/date-rules.ts';
import { anonymiseClient, caseState, deleteClient } from './client-records.repo.ts';

/**
 * How long a closed case's record is kept before it may be erased for the reason
 * `retention_period_expired`. A default of the installation; agencies with other rules will need it
 * as a setting.
 */
export const RETENTION_MONTHS = 36;

/**
 * Erases a client's record (the row and, by cascade, consents, cases, goals, contacts, assessments,
 * referrals, enrolments) or anonymises it: every text and JSON column the erasure map
 * (client-data-map.ts) does not keep for a stated reason is cleared or overwritten, in every table and
 * every agency holding rows about the client; dates, codes, outcomes and scores stay for statistics.
 * Erasure anonymises first, so rows that outlive the client (a foreign key set to NULL) keep nothing
 * personal either. Only when no case is open; for the retention reason only after the retention
 * period. The audit log keeps the fact, mode and reason code, never personal data; earlier entries
 * name the client only by id, so the hash chain stays intact.
 */
export function erase(ctx: AppContext, actor: Actor, clientId: string, input: EraseClientRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireClient(scope, 'clients.erase', clientId);
    if (!client.owned) throw forbidden('Das kann nur die fallführende Stelle.');
    if (client.anonymised_at && input.mode === 'anonymise')
      throw conflict('Die Daten sind bereits anonymisiert.');
    const { open = 0, last_closed = null } = (await caseState(scope.tx, clientId)) ?? {};
    if (open > 0) throw conflict('Solange ein Fall offen ist, können die Daten nicht gelöscht werden.');
    if (input.reason === 'retention_period_expired') {
      const until = last_closed ? addDays(last_closed, Math.round(RETENTION_MONTHS * 30.44)) : null;
      if (until && until > today(scope.now))
        throw conflict(`Die Aufbewahrungsfrist läuft noch bis ${until}.`);
    }
    await anonymiseClient(scope.tx, clientId, scope.now);
    if (input.mode === 'erase') await deleteClient(scope.tx, clientId);
    await scope.audit({
      action: input.mode === 'erase' ? 'clients.erase' : 'clients.anonymise',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details: { reason: input.reason },
    });
  });
}
