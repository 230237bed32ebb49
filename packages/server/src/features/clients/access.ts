import type { AuditEvent } from '../../platform/audit.ts';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import { type Action, authorize } from '../../platform/policy.ts';
import {
  type ClientResourceTable,
  type ClientRow,
  findVisibleClient,
  visibleIds,
  visibleToAgency,
} from './clients.repo.ts';

export { type ClientRow, visibleToAgency };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client and everything hanging off it: how its rows reach the client, and the 404 it answers. */
interface ClientResource extends ClientResourceTable {
  missing: string;
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
  return new Set(await visibleIds(scope.tx, resources[kind], wanted));
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
  const client = await findVisibleClient(scope.tx, clientId);
  if (!client) throw notFound(resources.client.missing);
  return client;
}

/** An erased (anonymised) client's record takes no new entries and no changes. */
export function assertNotErased(client: Pick<ClientRow, 'anonymised_at'>): void {
  if (client.anonymised_at) throw badRequest('Die Daten dieser Person wurden gelöscht.');
}

/** `requireClient` for a write to the client's record, which an erased client's no longer takes. */
export async function requireWritableClient(
  scope: ActorScope,
  action: Action,
  clientId: string,
): Promise<ClientRow> {
  const client = await requireClient(scope, action, clientId);
  assertNotErased(client);
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

/** The whole list of one kind of a client's records (goals, consents), read and audited as `action`. */
export function clientList<T>(
  ctx: AppContext,
  actor: Actor,
  action: Action,
  clientId: string,
  load: (scope: ActorScope) => Promise<T[]>,
): Promise<{ items: T[]; total: number }> {
  return withActor(ctx, actor, async (scope) => {
    const items = await readClient(scope, { action }, clientId, async () => ({ value: await load(scope) }));
    return { items, total: items.length };
  });
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
