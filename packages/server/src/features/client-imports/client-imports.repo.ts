import { randomUUID } from 'node:crypto';
import type { createClientRequest } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';

export type ValidClient = ReturnType<typeof createClientRequest.parse>;
type NameAndBirth = Pick<ValidClient, 'firstName' | 'lastName' | 'birthDate'>;

/** Name keys (folded name and birth date) and client numbers of the agency's clients. */
export async function existingClientKeys(
  tx: Queryable,
  agencyId: string,
): Promise<{ key: string; client_number: string }[]> {
  return (
    await tx.query<{ key: string; client_number: string }>(
      `SELECT search_name || '|' || birth_date AS key, client_number FROM clients
        WHERE agency_id = $1 AND anonymised_at IS NULL`,
      [agencyId],
    )
  ).rows;
}

/** Folded name keys exactly as the database folds them (unaccent), for duplicate checks. */
export async function foldedKeys(tx: Queryable, clients: readonly NameAndBirth[]): Promise<string[]> {
  const result = await tx.query<{ key: string }>(
    `SELECT lotse_fold(f || ' ' || l) || '|' || b AS key
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS t(f, l, b, i) ORDER BY i`,
    [clients.map((c) => c.firstName), clients.map((c) => c.lastName), clients.map((c) => c.birthDate)],
  );
  return result.rows.map((r) => r.key);
}

/**
 * Inserts the clients with multi-row inserts, each with an open case (guided by `guide`) and its
 * opening event.
 */
export async function insertClientsWithCases(
  tx: Queryable,
  actor: { agencyId: string; userId: string },
  now: Date,
  openedOn: string,
  clients: readonly ValidClient[],
  guide: string | null,
): Promise<void> {
  if (clients.length === 0) return;
  const ids = clients.map(() => randomUUID());
  const caseIds = clients.map(() => randomUUID());
  const cols = 14;
  const values: unknown[] = [];
  const tuples = clients.map((c, i) => {
    values.push(
      ids[i],
      c.clientNumber ?? null,
      c.firstName,
      c.lastName,
      c.birthDate,
      c.gender ?? null,
      c.phone ?? null,
      c.email ?? null,
      c.address ?? null,
      c.preferredLanguage ?? null,
      c.district ?? null,
      c.household ?? null,
      c.legalContext ?? null,
      actor.userId,
    );
    const p = (k: number) => `$${i * cols + k + 3}`;
    return `(${p(0)}, $1, coalesce(${p(1)}, 'K-' || lpad(nextval('client_number_seq')::text, 6, '0')), ${p(2)}, ${p(3)},
      ${p(4)}::date, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}::uuid, $2, $2)`;
  });
  await tx.query(
    `INSERT INTO clients (id, agency_id, client_number, first_name, last_name, birth_date, gender, phone, email,
       address, preferred_language, district, household, legal_context, created_by, created_at, updated_at)
     VALUES ${tuples.join(', ')}`,
    [actor.agencyId, now, ...values],
  );
  await tx.query(
    `INSERT INTO cases (id, agency_id, client_id, status, guide_user_id, opened_on, created_at)
     SELECT k, $1, c, 'open', $2, $3, $4 FROM unnest($5::uuid[], $6::uuid[]) AS t(k, c)`,
    [actor.agencyId, guide, openedOn, now, caseIds, ids],
  );
  await tx.query(
    `INSERT INTO case_events (agency_id, case_id, kind, at, actor_user_id, to_user_id, reason)
     SELECT $1, k, 'opened', $2, $3, $4, 'Import' FROM unnest($5::uuid[]) AS t(k)`,
    [actor.agencyId, now, actor.userId, guide, caseIds],
  );
}
