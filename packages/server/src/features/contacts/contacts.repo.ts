import type { ContactView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

export type ContactRow = Pick<
  Row<'contacts', { type: ContactView['type'] }>,
  'id' | 'client_id' | 'type' | 'contact_date' | 'duration_minutes' | 'note' | 'author_user_id' | 'created_at'
> & { total?: number };

/** What decides whether the actor reads every contact note of a client (contacts.service.ts). */
export interface NoteReadingFacts {
  /** The actor's agency owns the client. */
  owner: boolean;
  /** The actor guides or deputises the client's open case (or, with none open, any of its cases). */
  involved: boolean;
  /** The agency reads contact notes team-wide. */
  team_wide: boolean;
  /** The client is shared with the actor's agency under a consent that includes contact notes. */
  shared: boolean;
}

export async function noteReadingFacts(
  tx: Queryable,
  clientId: string,
  agencyId: string,
  userId: string,
): Promise<NoteReadingFacts | undefined> {
  const found = await tx.query<NoteReadingFacts>(
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
    [clientId, agencyId, userId],
  );
  return found.rows[0];
}

/** A page of a client's contacts, newest first, each row with the total. */
export async function contactsOf(
  tx: Queryable,
  clientId: string,
  limit: number,
  offset: number,
): Promise<ContactRow[]> {
  const rows = await tx.query<ContactRow>(
    `SELECT count(*) OVER ()::int AS total, id, client_id, type, contact_date, duration_minutes, note,
            author_user_id, created_at
       FROM contacts WHERE client_id = $1
      ORDER BY contact_date DESC, created_at DESC LIMIT $2 OFFSET $3`,
    [clientId, limit, offset],
  );
  return rows.rows;
}

export async function insertContact(
  tx: Queryable,
  c: {
    agencyId: string;
    clientId: string;
    caseId: string | null;
    type: string;
    date: string;
    durationMinutes: number | null;
    note: string | null;
    authorUserId: string;
    authorAgencyId: string;
    now: Date;
  },
): Promise<ContactRow> {
  const inserted = await tx.query<ContactRow>(
    `INSERT INTO contacts (agency_id, client_id, case_id, type, contact_date, duration_minutes, note,
                           author_user_id, author_agency_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     RETURNING id, client_id, type, contact_date, duration_minutes, note, author_user_id, created_at`,
    [
      c.agencyId,
      c.clientId,
      c.caseId,
      c.type,
      c.date,
      c.durationMinutes,
      c.note,
      c.authorUserId,
      c.authorAgencyId,
      c.now,
    ],
  );
  return inserted.rows[0] as ContactRow;
}
