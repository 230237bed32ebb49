import type { AuditEvent } from '../../platform/audit.ts';
import type { ActorScope } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { type Action, authorize } from '../../platform/policy.ts';
import type { Row } from '../../platform/rows.ts';

/** A client record as stored; services present it through clients.presenter.ts, never raw. */
export type ClientRow = Pick<
  Row<
    'clients',
    {
      gender: 'female' | 'male' | 'diverse' | 'not_stated' | null;
      household: 'single' | 'couple' | 'single_parent' | 'family' | 'shared' | 'other' | null;
      legal_context: 'sgb2' | 'sgb12' | 'sgb6' | null;
    }
  >,
  | 'id'
  | 'agency_id'
  | 'client_number'
  | 'first_name'
  | 'last_name'
  | 'birth_date'
  | 'gender'
  | 'phone'
  | 'email'
  | 'address'
  | 'preferred_language'
  | 'interpreter_needed'
  | 'district'
  | 'household'
  | 'legal_context'
  | 'severe_disability'
  | 'reduced_earning_capacity'
  | 'anonymised_at'
  | 'created_at'
  | 'updated_at'
> & {
  /** Whether the actor's agency owns the record (false: it sees it through a sharing). */
  owned: boolean;
};

export const CLIENT_COLUMNS = `c.id, c.agency_id, c.client_number, c.first_name, c.last_name, c.birth_date, c.gender,
  c.phone, c.email, c.address, c.preferred_language, c.interpreter_needed, c.district, c.household,
  c.legal_context, c.severe_disability, c.reduced_earning_capacity, c.anonymised_at, c.created_at, c.updated_at`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The client-visibility rule as the application writes it, the same expression every
 * client-visibility policy has (migration 028): the current agency owns the row, or its client is
 * shared with the agency through an active sharing whose consent stands (lotse_shared_client_ids).
 * Both halves run once per statement, whatever the number of ids.
 */
export function visibleToAgency(alias: string, clientColumn: string): string {
  return `(${alias}.agency_id = (SELECT lotse_current_agency())
           OR ${alias}.${clientColumn} IN (SELECT lotse_shared_client_ids()))`;
}

/** A client and everything hanging off it: how its rows reach the client, and the 404 it answers. */
interface ClientResource {
  table: string;
  clientColumn: string;
  missing: string;
  /** Rows the agency owns outright (no sharing), visible only while their client is. */
  ownedOnly?: true;
}

const resources = {
  client: { table: 'clients', clientColumn: 'id', missing: 'Kund*in nicht gefunden.' },
  case: { table: 'cases', clientColumn: 'client_id', missing: 'Fall nicht gefunden.' },
  consent: { table: 'consents', clientColumn: 'client_id', missing: 'Einwilligung nicht gefunden.' },
  assessment: { table: 'assessments', clientColumn: 'client_id', missing: 'Erhebung nicht gefunden.' },
  goal: { table: 'goals', clientColumn: 'client_id', missing: 'Ziel nicht gefunden.' },
  contact: { table: 'contacts', clientColumn: 'client_id', missing: 'Kontakt nicht gefunden.' },
  referral: { table: 'referrals', clientColumn: 'client_id', missing: 'Zuweisung nicht gefunden.' },
  enrolment: {
    table: 'enrolments',
    clientColumn: 'client_id',
    missing: 'Teilnahme nicht gefunden.',
    ownedOnly: true,
  },
} satisfies Record<string, ClientResource>;

export type ClientResourceKind = keyof typeof resources;

/** The SQL that keeps the visible ids of `ids` ($1) of one kind of resource. */
function visibleIdsSql(kind: ClientResourceKind): string {
  const r: ClientResource = resources[kind];
  if (r.ownedOnly) {
    // Enrolments stay with the enrolling agency, and only while the agency still sees the client.
    return `SELECT t.id FROM ${r.table} t
             WHERE t.id = ANY ($1::uuid[]) AND t.agency_id = (SELECT lotse_current_agency())
               AND EXISTS (SELECT 1 FROM clients c WHERE c.id = t.${r.clientColumn} AND ${visibleToAgency('c', 'id')})`;
  }
  return `SELECT t.id FROM ${r.table} t
           WHERE t.id = ANY ($1::uuid[]) AND ${visibleToAgency('t', r.clientColumn)}`;
}

/**
 * The ids of `ids` the actor may act on with `action`: its role allows the action (403 otherwise),
 * and each object's client is owned by or shared with the actor's agency. One query for any number
 * of ids; malformed, missing and invisible ids are simply not in the answer.
 */
export async function checkAccess(
  scope: ActorScope,
  action: Action,
  kind: ClientResourceKind,
  ids: Iterable<string>,
): Promise<Set<string>> {
  authorize(scope.actor, action);
  const wanted = [...new Set([...ids].filter((id) => UUID.test(id)))];
  if (wanted.length === 0) return new Set();
  const found = await scope.tx.query<{ id: string }>(visibleIdsSql(kind), [wanted]);
  return new Set(found.rows.map((r) => r.id));
}

/** `checkAccess` for ids that must all be accessible: the first one that is not is a 404. */
export async function requireAccess(
  scope: ActorScope,
  action: Action,
  kind: ClientResourceKind,
  ids: string | readonly string[],
): Promise<void> {
  const wanted = typeof ids === 'string' ? [ids] : ids;
  const allowed = await checkAccess(scope, action, kind, wanted);
  if (wanted.some((id) => !allowed.has(id))) throw notFound(resources[kind].missing);
}

/**
 * The client record for an action on it or on anything hanging off it: role check by the central
 * policy (403), then the client if the actor's agency owns it or it is shared with the agency
 * (`visibleToAgency`). Anything else - another agency's client, a missing id - is the same 404.
 * Writes record their own audit entry; reads go through `readClient`, which audits them.
 */
export async function requireClient(scope: ActorScope, action: Action, clientId: string): Promise<ClientRow> {
  authorize(scope.actor, action);
  if (!UUID.test(clientId)) throw notFound(resources.client.missing);
  const found = await scope.tx.query<ClientRow>(
    `SELECT ${CLIENT_COLUMNS}, (c.agency_id = (SELECT lotse_current_agency())) AS owned
       FROM clients c
      WHERE c.id = $1 AND ${visibleToAgency('c', 'id')}`,
    [clientId],
  );
  const client = found.rows[0];
  if (!client) throw notFound(resources.client.missing);
  return client;
}

type AuditDetails = NonNullable<AuditEvent['details']>;

/** What a read of a client's data gives back, and the ids and counts its audit entry records. */
export interface ClientRead<T> {
  value: T;
  details?: AuditDetails;
}

/**
 * Reads a client's data: `requireClient`, then `read`, then one audit entry naming the client
 * (`audit` or else the action; resource type client; details from the read). Every read of a single
 * client's records goes through here, so none is left unaudited.
 */
export async function readClient<T>(
  scope: ActorScope,
  access: { action: Action; audit?: string },
  clientId: string,
  read: (client: ClientRow) => Promise<ClientRead<T>>,
): Promise<T> {
  const client = await requireClient(scope, access.action, clientId);
  const { value, details } = await read(client);
  await scope.audit({
    action: access.audit ?? access.action,
    resourceType: 'client',
    resourceId: client.id,
    clientId: client.id,
    details,
  });
  return value;
}

/**
 * The audit entry of a list of clients shown: one entry with the ids of the clients listed, so each
 * client's trail shows who saw them in a list.
 */
export async function auditClientList(
  scope: ActorScope,
  action: string,
  clientIds: readonly string[],
  details?: AuditDetails,
): Promise<void> {
  await scope.audit({
    action,
    resourceType: 'client',
    details: { count: clientIds.length, clientIds: [...clientIds], ...details },
  });
}
