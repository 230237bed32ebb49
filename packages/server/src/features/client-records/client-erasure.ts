import type { EraseClientRequest } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { loadClientFor } from '../clients/client-access.ts';
import { addDays, today } from '../clients/date-rules.ts';

/**
 * How long a closed case's record is kept before it may be erased for the reason
 * `retention_period_expired`. A default of the installation; agencies with other rules will need it
 * as a setting.
 */
export const RETENTION_MONTHS = 36;

/**
 * Erases a client's record (the row and, by cascade, consents, cases, goals, contacts, assessments,
 * referrals, enrolments) or anonymises it (names, contact data and free text gone; dates, codes,
 * outcomes and scores stay for statistics). Only when no case is open; for the retention reason only
 * after the retention period. The audit log keeps the fact, mode and reason code, never personal data;
 * earlier entries name the client only by id, so the hash chain stays intact.
 */
export function erase(ctx: AppContext, actor: Actor, clientId: string, input: EraseClientRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadClientFor(scope, clientId, 'clients.erase');
    if (!client.owned) throw forbidden('Das kann nur die fallführende Stelle.');
    if (client.anonymised_at && input.mode === 'anonymise')
      throw conflict('Die Daten sind bereits anonymisiert.');
    const cases = await scope.tx.query<{ open: number; last_closed: string | null }>(
      `SELECT count(*) FILTER (WHERE status = 'open')::int AS open, max(closed_on)::text AS last_closed
         FROM cases WHERE client_id = $1`,
      [clientId],
    );
    const { open = 0, last_closed = null } = cases.rows[0] ?? {};
    if (open > 0) throw conflict('Solange ein Fall offen ist, können die Daten nicht gelöscht werden.');
    if (input.reason === 'retention_period_expired') {
      const until = last_closed ? addDays(last_closed, Math.round(RETENTION_MONTHS * 30.44)) : null;
      if (until && until > today(scope.now))
        throw conflict(`Die Aufbewahrungsfrist läuft noch bis ${until}.`);
    }
    if (input.mode === 'erase') {
      await scope.tx.query('DELETE FROM clients WHERE id = $1', [clientId]);
    } else {
      await anonymise(scope.tx, clientId, scope.now);
    }
    await scope.audit({
      action: input.mode === 'erase' ? 'clients.erase' : 'clients.anonymise',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details: { reason: input.reason },
    });
  });
}

async function anonymise(tx: Queryable, clientId: string, now: Date) {
  await tx.query(
    `UPDATE clients SET first_name = 'Anonymisiert', last_name = 'Anonymisiert',
            client_number = 'ANON-' || left(id::text, 8),
            birth_date = make_date(extract(year FROM birth_date)::int, 1, 1),
            phone = NULL, email = NULL, address = NULL, preferred_language = NULL, district = NULL,
            severe_disability = NULL, reduced_earning_capacity = NULL, anonymised_at = $2, updated_at = $2
      WHERE id = $1`,
    [clientId, now],
  );
  await tx.query('UPDATE contacts SET note = NULL WHERE client_id = $1', [clientId]);
  await tx.query('UPDATE case_shares SET ended_at = $2 WHERE client_id = $1 AND ended_at IS NULL', [
    clientId,
    now,
  ]);
  await tx.query(
    `UPDATE goals SET title = 'Anonymisiert', steps = '[]'::jsonb, review = NULL, updated_at = $2 WHERE client_id = $1`,
    [clientId, now],
  );
  await tx.query('UPDATE cases SET closure_reason = NULL WHERE client_id = $1', [clientId]);
  await tx.query(
    'UPDATE case_events SET reason = NULL WHERE case_id IN (SELECT id FROM cases WHERE client_id = $1)',
    [clientId],
  );
}
