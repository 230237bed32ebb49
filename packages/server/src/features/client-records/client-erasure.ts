import type { EraseClientRequest } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { conflict, forbidden } from '../../platform/errors.ts';
import { requireClient } from '../clients/access.ts';
import { addDays, today } from '../clients/date-rules.ts';
import { CLIENT_DATA, pathToClient } from './client-data-map.ts';

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
    await anonymise(scope.tx, clientId, scope.now);
    if (input.mode === 'erase') await scope.tx.query('DELETE FROM clients WHERE id = $1', [clientId]);
    await scope.audit({
      action: input.mode === 'erase' ? 'clients.erase' : 'clients.anonymise',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details: { reason: input.reason },
    });
  });
}

/** Applies the erasure map: first the client row (which marks it anonymised), then every other table. */
async function anonymise(tx: Queryable, clientId: string, now: Date) {
  const params: unknown[] = [clientId, now];
  const sets = ['anonymised_at = $2', 'updated_at = $2'];
  for (const [column, r] of Object.entries(CLIENT_DATA.clients?.columns ?? {})) {
    if (r.rule === 'clear') sets.push(`${column} = NULL`);
    else if (r.rule === 'derive') sets.push(`${column} = ${r.sql}`);
    else if (r.rule === 'replace') {
      params.push(r.value);
      sets.push(`${column} = $${params.length}`);
    }
  }
  await tx.query(`UPDATE clients SET ${sets.join(', ')} WHERE id = $1`, params);
  await tx.query('UPDATE case_shares SET ended_at = $2 WHERE client_id = $1 AND ended_at IS NULL', [
    clientId,
    now,
  ]);
  for (const [table, entry] of Object.entries(CLIENT_DATA)) {
    if (entry.belongs === 'self') continue;
    const assignments: Record<string, unknown> = {};
    for (const [column, r] of Object.entries(entry.columns)) {
      if (r.rule === 'clear') assignments[column] = null;
      else if (r.rule === 'replace') assignments[column] = r.value;
      else if (r.rule === 'derive')
        throw new Error(`${table}.${column}: 'derive' is for the client row only`);
    }
    if (Object.keys(assignments).length === 0) continue;
    // Owner rights in the database: rows of other agencies (a partner's enrolment) and the
    // append-only amendments are included; the function checks that the client is ours and anonymised.
    const { tables, columns } = pathToClient(table);
    await tx.query('SELECT lotse_anonymise_client_rows($1, $2, $3, $4)', [
      clientId,
      tables,
      columns,
      JSON.stringify(assignments),
    ]);
  }
}
