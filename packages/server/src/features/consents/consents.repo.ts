import type { ConsentView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

export type ConsentRow = Row<'consents', { purpose: ConsentView['purpose']; form: ConsentView['form'] }>;

/** A client's consents, newest first. */
export async function consentsOf(tx: Queryable, clientId: string): Promise<ConsentRow[]> {
  const rows = await tx.query<ConsentRow>(
    'SELECT * FROM consents WHERE client_id = $1 ORDER BY given_on DESC, recorded_at DESC',
    [clientId],
  );
  return rows.rows;
}

export async function findConsent(tx: Queryable, consentId: string): Promise<ConsentRow | undefined> {
  return (await tx.query<ConsentRow>('SELECT * FROM consents WHERE id = $1', [consentId])).rows[0];
}

/** Whether the agency is one of the current agency's partner agencies. */
export async function isPartnerAgency(tx: Queryable, agencyId: string): Promise<boolean> {
  const partners = await tx.query('SELECT 1 FROM lotse_partner_agencies() WHERE id = $1', [agencyId]);
  return partners.rowCount > 0;
}

export async function insertConsent(
  tx: Queryable,
  c: {
    agencyId: string;
    clientId: string;
    purpose: string;
    partnerAgencyId: string | null;
    form: string;
    givenOn: string;
    recordedBy: string;
    now: Date;
    includesContactNotes: boolean;
  },
): Promise<ConsentRow> {
  const inserted = await tx.query<ConsentRow>(
    `INSERT INTO consents (agency_id, client_id, purpose, partner_agency_id, form, given_on, recorded_by, recorded_at,
                           includes_contact_notes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
    [
      c.agencyId,
      c.clientId,
      c.purpose,
      c.partnerAgencyId,
      c.form,
      c.givenOn,
      c.recordedBy,
      c.now,
      c.includesContactNotes,
    ],
  );
  return inserted.rows[0] as ConsentRow;
}

export async function markWithdrawn(
  tx: Queryable,
  consentId: string,
  now: Date,
  userId: string,
): Promise<ConsentRow[]> {
  const updated = await tx.query<ConsentRow>(
    'UPDATE consents SET withdrawn_at = $2, withdrawn_by = $3 WHERE id = $1 RETURNING *',
    [consentId, now, userId],
  );
  return updated.rows;
}

/**
 * Ends the sharings based on the consent (through a SECURITY DEFINER function: shares and case
 * history belong to the owner); returns the agencies of each ended sharing.
 */
export async function endConsentShares(
  tx: Queryable,
  consentId: string,
  now: Date,
  userId: string,
): Promise<{ owner_agency_id: string; partner_agency_id: string }[]> {
  const ended = await tx.query<{ owner_agency_id: string; partner_agency_id: string }>(
    'SELECT owner_agency_id, partner_agency_id FROM lotse_end_consent_shares($1, $2, $3)',
    [consentId, now, userId],
  );
  return ended.rows;
}

/** Whether another consent to process the client's health data stands. */
export async function healthConsentStands(tx: Queryable, clientId: string): Promise<boolean> {
  const stillConsented = await tx.query(
    `SELECT 1 FROM consents WHERE client_id = $1 AND purpose = 'processing_health_data' AND withdrawn_at IS NULL`,
    [clientId],
  );
  return stillConsented.rowCount > 0;
}

/** Erases the client's health flags. */
export async function eraseHealthFlags(tx: Queryable, clientId: string, now: Date): Promise<void> {
  await tx.query(
    `UPDATE clients SET severe_disability = NULL, reduced_earning_capacity = NULL, updated_at = $2
      WHERE id = $1`,
    [clientId, now],
  );
}

/** Names the agency whose rows (and audit chain) the rest of the transaction acts on. */
export async function setTransactionAgency(tx: Queryable, agencyId: string): Promise<void> {
  await tx.query(`SELECT set_config('lotse.agency_id', $1, true)`, [agencyId]);
}
