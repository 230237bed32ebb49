import type { ContactView, CreateContactRequest } from '@lotse/domain';
import { type Actor, type ActorScope, type AppContext, withActor } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { isAllowed } from '../../platform/policy.ts';
import { openCaseOf, userNames } from '../cases/cases.service.ts';
import { readClient, requireClient } from '../clients/access.ts';
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

/**
 * Contact notes are need-to-know. In the owning agency the guide, the deputies and leads read them (every
 * caseworker when the agency reads notes team-wide); other caseworkers see that a contact happened.
 * A partner agency reads them only while the sharing consent includes contact notes. Authors always read
 * their own notes; coordinators never read notes.
 */
export async function readsAllNotes(scope: ActorScope, clientId: string): Promise<boolean> {
  const { actor } = scope;
  if (!isAllowed(actor, 'contacts.notes.read')) return false;
  const found = await scope.tx.query<{
    owner: boolean;
    involved: boolean;
    team_wide: boolean;
    shared: boolean;
  }>(
    `SELECT c.agency_id = $2 AS owner,
            EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id
                       AND (k.guide_user_id = $3 OR $3 = ANY (k.deputy_user_ids))
                       AND (k.status = 'open' OR NOT EXISTS (SELECT 1 FROM cases o WHERE o.client_id = c.id
                                                               AND o.status = 'open'))) AS involved,
            coalesce((SELECT (a.settings->>'contactNotesTeamWide')::boolean FROM agencies a WHERE a.id = $2), false)
              AS team_wide,
            EXISTS (SELECT 1 FROM case_shares s JOIN consents k ON k.id = s.consent_id
                     WHERE s.client_id = c.id AND s.partner_agency_id = $2 AND s.ended_at IS NULL
                       AND k.withdrawn_at IS NULL AND k.includes_contact_notes) AS shared
       FROM clients c WHERE c.id = $1`,
    [clientId, actor.agencyId, actor.userId],
  );
  const r = found.rows[0];
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
  const rows = await scope.tx.query<ContactRow>(
    `SELECT count(*) OVER ()::int AS total, id, client_id, type, contact_date, duration_minutes, note,
            author_user_id, created_at
       FROM contacts WHERE client_id = $1
      ORDER BY contact_date DESC, created_at DESC LIMIT $2 OFFSET $3`,
    [clientId, limit, offset],
  );
  return { items: await present(scope, clientId, rows.rows), total: rows.rows[0]?.total ?? 0 };
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
    const client = await requireClient(scope, 'contacts.write', clientId);
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
    return (await present(scope, clientId, [row]))[0] as ContactView;
  });
}
