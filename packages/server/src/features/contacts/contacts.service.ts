import type { ContactView, CreateContactRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { isAllowed } from '../../platform/policy.ts';
import { caseWorkOwner, userNames } from '../cases/cases.service.ts';
import { readClient, requireWritableClient } from '../clients/access.ts';
import { assertDateWithin, DATE_RANGES } from '../clients/date-rules.ts';
import { type ContactRow, contactsOf, insertContact, noteReadingFacts } from './contacts.repo.ts';

/**
 * Contact notes are need-to-know. In the owning agency the guide, the deputies and leads read them (every
 * caseworker when the agency reads notes team-wide); other caseworkers see that a contact happened.
 * A partner agency reads them only while the sharing consent includes contact notes. Authors always read
 * their own notes; coordinators never read notes.
 */
export async function readsAllNotes(scope: ActorScope, clientId: string): Promise<boolean> {
  const { actor } = scope;
  if (!isAllowed(actor, 'contacts.notes.read')) return false;
  const r = await noteReadingFacts(scope.tx, clientId, actor.agencyId, actor.userId);
  if (!r) return false;
  if (!r.owner) return r.shared;
  return actor.roles.includes('lead') || r.involved || r.team_wide;
}

async function present(scope: ActorScope, clientId: string, rows: ContactRow[]): Promise<ContactView[]> {
  const all = await readsAllNotes(scope, clientId);
  const mayReadOwn = isAllowed(scope.actor, 'contacts.notes.read');
  const names = await userNames(
    scope.tx,
    rows.map((r) => r.author_user_id),
  );
  return rows.map((r) => {
    const showNote = all || (mayReadOwn && r.author_user_id === scope.actor.userId);
    return {
      id: r.id,
      clientId: r.client_id,
      type: r.type,
      date: r.contact_date,
      durationMinutes: r.duration_minutes,
      note: showNote ? r.note : null,
      noteHidden: !showNote && r.note !== null,
      author: r.author_user_id
        ? { id: r.author_user_id, displayName: names.get(r.author_user_id) ?? '' }
        : null,
      createdAt: r.created_at.toISOString(),
    };
  });
}

export async function contactsOfClient(scope: ActorScope, clientId: string, limit = 10_000, offset = 0) {
  const rows = await contactsOf(scope.tx, clientId, limit, offset);
  return { items: await present(scope, clientId, rows), total: rows[0]?.total ?? 0 };
}

export function list(ctx: AppContext, actor: Actor, clientId: string, page: number, pageSize: number) {
  return withActor(ctx, actor, async (scope) => {
    const result = await readClient(scope, { action: 'contacts.read' }, clientId, async () => {
      const read = await contactsOfClient(scope, clientId, pageSize, (page - 1) * pageSize);
      return { value: read, details: { notes: read.items.filter((c) => c.note !== null).length } };
    });
    return { ...result, page, pageSize };
  });
}

export function create(ctx: AppContext, actor: Actor, clientId: string, input: CreateContactRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await requireWritableClient(scope, 'contacts.write', clientId);
    assertDateWithin('date', input.date, scope.now, DATE_RANGES.event);
    const row = await insertContact(scope.tx, {
      ...(await caseWorkOwner(scope, client)),
      type: input.type,
      date: input.date,
      durationMinutes: input.durationMinutes ?? null,
      note: input.note || null,
      authorUserId: actor.userId,
      authorAgencyId: actor.agencyId,
      now: scope.now,
    });
    await scope.audit({
      action: 'contacts.create',
      resourceType: 'contact',
      resourceId: row.id,
      clientId,
      details: { type: input.type },
    });
    return (await present(scope, clientId, [row]))[0] as ContactView;
  });
}
