import type { ActorScope } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { type Action, authorize } from '../../platform/policy.ts';

/** A client record as stored; services present it through clients.presenter.ts, never raw. */
export interface ClientRow {
  id: string;
  agency_id: string;
  client_number: string;
  first_name: string;
  last_name: string;
  birth_date: string;
  gender: 'female' | 'male' | 'diverse' | 'not_stated' | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferred_language: string | null;
  interpreter_needed: boolean;
  district: string | null;
  household: 'single' | 'couple' | 'single_parent' | 'family' | 'shared' | 'other' | null;
  legal_context: 'sgb2' | 'sgb12' | 'sgb6' | null;
  severe_disability: boolean | null;
  reduced_earning_capacity: boolean | null;
  anonymised_at: Date | null;
  created_at: Date;
  updated_at: Date;
  /** Whether the actor's agency owns the record (false: it sees it through a sharing). */
  owned: boolean;
}

export const CLIENT_COLUMNS = `c.id, c.agency_id, c.client_number, c.first_name, c.last_name, c.birth_date, c.gender,
  c.phone, c.email, c.address, c.preferred_language, c.interpreter_needed, c.district, c.household,
  c.legal_context, c.severe_disability, c.reduced_earning_capacity, c.anonymised_at, c.created_at, c.updated_at`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one access check for client records: every feature that reads or writes a client's data
 * (cases, goals, contacts, assessments, referrals, enrolments) calls it first.
 *
 * Authorizes the action for the actor's role (403 otherwise), then returns the client if the actor's
 * agency owns it or the case is shared with that agency through an active sharing whose consent has not
 * been withdrawn. Anything else - another agency's client, a missing id - is the same 404.
 * The caller writes the audit entry for what it does with the client (with `clientId`).
 */
export async function loadClientFor(scope: ActorScope, clientId: string, action: Action): Promise<ClientRow> {
  authorize(scope.actor, action);
  if (!UUID.test(clientId)) throw notFound('Kund*in nicht gefunden.');
  const found = await scope.tx.query<ClientRow>(
    `SELECT ${CLIENT_COLUMNS}, (c.agency_id = $2) AS owned
       FROM clients c
      WHERE c.id = $1
        AND (c.agency_id = $2
             OR EXISTS (SELECT 1 FROM case_shares s JOIN consents k ON k.id = s.consent_id
                         WHERE s.client_id = c.id AND s.partner_agency_id = $2
                           AND s.ended_at IS NULL AND k.withdrawn_at IS NULL))`,
    [clientId, scope.actor.agencyId],
  );
  const client = found.rows[0];
  if (!client) throw notFound('Kund*in nicht gefunden.');
  return client;
}
