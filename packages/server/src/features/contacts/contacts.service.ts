import type { ContactView, CreateContactRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { isAllowed } from '../../platform/policy.ts';
import { openCaseOf, userNames } from '../cases/cases.repo.ts';
import { loadClientFor } from '../clients/client-access.ts';
import { assertDateWithin, DATE_RANGES } from '../clients/date-rules.ts';

interface ContactRow {
  id: string;
  client_id: string;
  type: ContactView['type'];
  contact_date: string;
  duration_minutes: number | null;
  note: string | null;
  author_user_id: string | null;
  created_at: Date;
  total?: number;
}

/** Notes only for readers who may see the case's content; coordinators get dates and types. */
async function present(scope: ActorScope, rows: ContactRow[]): Promise<ContactView[]> {
  const showNotes = isAllowed(scope.actor, 'contacts.notes.read');
  const names = await userNames(
    scope.tx,
    rows.map((r) => r.author_user_id),
  );
  return rows.map((r) => ({
    id: r.id,
    clientId: r.client_id,
    type: r.type,
    date: r.contact_date,
    durationMinutes: r.duration_minutes,
    note: showNotes ? r.note : null,
    noteHidden: !showNotes && r.note !== null,
    author: r.author_user_id
      ? { id: r.author_user_id, displayName: names.get(r.author_user_id) ?? '' }
      : null,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function contactsOfClient(scope: ActorScope, clientId: string, limit = 10_000, offset = 0) {
  const rows = await scope.tx.query<ContactRow>(
    `SELECT count(*) OVER ()::int AS total, id, client_id, type, contact_date, duration_minutes, note,
            author_user_id, created_at
       FROM contacts WHERE client_id = $1
      ORDER BY contact_date DESC, created_at DESC LIMIT $2 OFFSET $3`,
    [clientId, limit, offset],
  );
  return { items: await present(scope, rows.rows), total: rows.rows[0]?.total ?? 0 };
}

export function list(ctx: AppContext, actor: Actor, clientId: string, page: number, pageSize: number) {
  return withActor(ctx, actor, async (scope) => {
    await loadClientFor(scope, clientId, 'contacts.read');
    const result = await contactsOfClient(scope, clientId, pageSize, (page - 1) * pageSize);
    await scope.audit({
      action: 'contacts.read',
      resourceType: 'client',
      resourceId: clientId,
      clientId,
      details: { notes: isAllowed(actor, 'contacts.notes.read') },
    });
    return { ...result, page, pageSize };
  });
}

export function create(ctx: AppContext, actor: Actor, clientId: string, input: CreateContactRequest) {
  return withActor(ctx, actor, async (scope) => {
    const client = await loadClientFor(scope, clientId, 'contacts.write');
    if (client.anonymised_at) throw badRequest('Die Daten dieser Person wurden gelöscht.');
    assertDateWithin('date', input.date, scope.now, DATE_RANGES.event);
    const open = await openCaseOf(scope.tx, clientId);
    const inserted = await scope.tx.query<ContactRow>(
      `INSERT INTO contacts (agency_id, client_id, case_id, type, contact_date, duration_minutes, note,
                             author_user_id, author_agency_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       RETURNING id, client_id, type, contact_date, duration_minutes, note, author_user_id, created_at`,
      [
        client.agency_id,
        clientId,
        open?.id ?? null,
        input.type,
        input.date,
        input.durationMinutes ?? null,
        input.note || null,
        actor.userId,
        actor.agencyId,
        scope.now,
      ],
    );
    const row = inserted.rows[0] as ContactRow;
    await scope.audit({
      action: 'contacts.create',
      resourceType: 'contact',
      resourceId: row.id,
      clientId,
      details: { type: input.type },
    });
    return (await present(scope, [row]))[0] as ContactView;
  });
}
