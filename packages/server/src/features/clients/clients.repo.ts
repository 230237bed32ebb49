import type { ClientListQuery, CreateClientRequest, UpdateClientRequest } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row, Tables } from '../../platform/rows.ts';

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

/** How the rows of a client-related table reach their client (access.ts names one per kind). */
export interface ClientResourceTable {
  table: string;
  clientColumn: string;
  /** Rows the agency owns outright (no sharing), visible only while their client is. */
  ownedOnly?: true;
}

/** The SQL that keeps the visible ids of `ids` ($1) of one kind of resource. */
function visibleIdsSql(r: ClientResourceTable): string {
  if (r.ownedOnly) {
    // Enrolments stay with the enrolling agency, and only while the agency still sees the client.
    return `SELECT t.id FROM ${r.table} t
             WHERE t.id = ANY ($1::uuid[]) AND t.agency_id = (SELECT lotse_current_agency())
               AND EXISTS (SELECT 1 FROM clients c WHERE c.id = t.${r.clientColumn} AND ${visibleToAgency('c', 'id')})`;
  }
  return `SELECT t.id FROM ${r.table} t
           WHERE t.id = ANY ($1::uuid[]) AND ${visibleToAgency('t', r.clientColumn)}`;
}

/** The ids of `ids` (valid uuids) in `resource` whose client the current agency sees. */
export async function visibleIds(
  tx: Queryable,
  resource: ClientResourceTable,
  ids: readonly string[],
): Promise<string[]> {
  const found = await tx.query<{ id: string }>(visibleIdsSql(resource), [ids]);
  return found.rows.map((r) => r.id);
}

/** The client, if the current agency owns it or it is shared with the agency; with `owned`. */
export async function findVisibleClient(tx: Queryable, clientId: string): Promise<ClientRow | undefined> {
  const found = await tx.query<ClientRow>(
    `SELECT ${CLIENT_COLUMNS}, (c.agency_id = (SELECT lotse_current_agency())) AS owned
       FROM clients c
      WHERE c.id = $1 AND ${visibleToAgency('c', 'id')}`,
    [clientId],
  );
  return found.rows[0];
}

/**
 * Clients shared with the actor's agency through an active sharing whose consent stands: the
 * sharing half of the rule the access module and the policies share (migration 028). Visible are
 * the agency's own clients and these; the list reads both as separate index-driven branches (an OR
 * over both read every client of the installation).
 */
const SHARED_WITH_AGENCY = 'SELECT lotse_shared_client_ids()';

export type ClientSummaryRow = Pick<
  Tables['clients'],
  'id' | 'agency_id' | 'client_number' | 'first_name' | 'last_name' | 'birth_date' | 'district'
> & {
  case_status: 'open' | 'closed' | null;
  guide_id: Tables['cases']['guide_user_id'];
  guide_name: Tables['users']['display_name'] | null;
  total: number;
};

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A search token that is a birth date (31.12.1970 or 1970-12-31), as ISO. */
export function asDate(token: string): string | undefined {
  if (ISO_DATE.test(token)) return token;
  const m = GERMAN_DATE.exec(token);
  if (!m) return undefined;
  return `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

/**
 * Lists the visible clients with typo-tolerant search: name substrings, trigram word similarity
 * ("Schmitt" finds "Schmidt"), edit distance on first and last name ("Maier" finds "Meier"), client
 * number prefix and birth date. Best matches first.
 */
export async function listClients(
  tx: Queryable,
  agencyId: string,
  actorUserId: string,
  q: ClientListQuery,
): Promise<{ rows: ClientSummaryRow[]; total: number }> {
  const params: unknown[] = [agencyId];
  const where: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  let rank = (c: string) => `${c}.last_name, ${c}.first_name`;
  const tokens = (q.query ?? '').split(/\s+/).filter(Boolean);
  const dates = tokens.map(asDate).filter((d): d is string => d !== undefined);
  const words = tokens.filter((t) => asDate(t) === undefined);
  for (const d of dates) where.push(`c.birth_date = ${add(d)}::date`);
  // The name conditions differ by branch: the agency's own clients are found through the trigram
  // indexes (name substring, word similarity, client number prefix; lotse_client_name_matches, see
  // migration 025), so only a typo search (edit distance, single word) still visits the agency's rows,
  // comparing precomputed folded names; the few shared clients are compared row by row.
  let ownName: string | undefined;
  let sharedName: string | undefined;
  if (words.length > 0) {
    const text = add(words.join(' '));
    const folded = `lotse_fold(${text})`;
    const matches = (c: string) => [
      `${c}.search_name LIKE '%' || ${folded} || '%'`,
      // As `<%` at threshold 0.5, without setting pg_trgm's threshold first (a round trip): this
      // branch compares its few rows one by one, so the operator's index support gains nothing.
      `word_similarity(${folded}, ${c}.search_name) >= 0.5`,
      `${c}.client_number ILIKE ${text} || '%'`,
    ];
    const typos: string[] = [];
    if (words.length === 1 && (words[0] ?? '').length >= 4) {
      const distance = (words[0] ?? '').length >= 7 ? 2 : 1;
      // The length difference bounds the edit distance: most names are ruled out before it is computed.
      const near = (column: string) =>
        `(abs(length(${column}) - length(${folded})) <= ${distance}
          AND levenshtein_less_equal(${column}, ${folded}, ${distance}) <= ${distance})`;
      typos.push(near('c.last_name_folded'), near('c.first_name_folded'));
    }
    const indexed = `c.id IN (SELECT lotse_client_name_matches(${text}))`;
    ownName = `(${[indexed, ...typos].join(' OR ')})`;
    sharedName = `(${[...matches('c'), ...typos].join(' OR ')})`;
    rank = (c) => `(${c}.search_name LIKE '%' || ${folded} || '%') DESC,
            word_similarity(${folded}, ${c}.search_name) DESC, ${c}.last_name, ${c}.first_name`;
  }
  // The status of the client's current case (the open one, else the latest): an open case exists, or
  // none is open and one exists. Same meaning as filtering the case shown, but index-driven.
  const openCase = `EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id AND k.status = 'open')`;
  if (q.status === 'open') where.push(openCase);
  if (q.status === 'closed')
    where.push(`NOT ${openCase} AND EXISTS (SELECT 1 FROM cases k WHERE k.client_id = c.id)`);
  if (q.scope === 'mine') {
    const me = add(actorUserId);
    const mineIn = (agency: string) => `SELECT k.client_id FROM cases k
        WHERE k.status = 'open' AND ${agency}
          AND (k.guide_user_id = ${me} OR (cardinality(k.deputy_user_ids) > 0 AND ${me} = ANY (k.deputy_user_ids)))`;
    // ARRAY(...): computed once (an InitPlan) and looked up by primary key, whatever the statistics.
    where.push(`c.id = ANY (ARRAY(${mineIn('k.agency_id = $1')} UNION ALL
                          ${mineIn(`k.agency_id <> $1 AND k.client_id IN (${SHARED_WITH_AGENCY})`)}))`);
  }
  where.push('c.anonymised_at IS NULL');
  const conds = (name: string | undefined) => [...where, ...(name ? [name] : [])].join(' AND ');
  const columns =
    'c.id, c.agency_id, c.client_number, c.first_name, c.last_name, c.birth_date, c.district, c.search_name';
  const matched = `SELECT ${columns} FROM clients c WHERE c.agency_id = $1 AND ${conds(ownName)}
    UNION ALL
    SELECT ${columns} FROM clients c WHERE c.agency_id <> $1 AND c.id = ANY (ARRAY(${SHARED_WITH_AGENCY}))
       AND ${conds(sharedName)}`;
  params.push(q.pageSize, (q.page - 1) * q.pageSize);
  // The page first (ordered, limited), the current case only for its rows; the total counted apart.
  // A search evaluates its fuzzy conditions once (materialized); a plain list counts and pages by
  // index without materializing the agency.
  const searched = words.length > 0 || dates.length > 0;
  const source = searched ? 'm' : `(${matched})`;
  const result = await tx.query<ClientSummaryRow>(
    `${searched ? `WITH m AS MATERIALIZED (${matched}) ` : ''}
     SELECT (SELECT count(*) FROM ${source} x)::int AS total, p.id, p.agency_id, p.client_number, p.first_name,
            p.last_name, p.birth_date, p.district, k.status AS case_status, k.guide_user_id AS guide_id,
            lotse_user_display_name(k.guide_user_id) AS guide_name
       FROM (SELECT * FROM ${source} c ORDER BY ${rank('c')}, c.id
              LIMIT $${params.length - 1} OFFSET $${params.length}) p
       LEFT JOIN LATERAL (SELECT status, guide_user_id FROM cases
                           WHERE client_id = p.id ORDER BY (status = 'open') DESC, opened_on DESC, created_at DESC
                           LIMIT 1) k ON true
      ORDER BY ${rank('p')}, p.id`,
    params,
  );
  // As before: the total comes with the rows (a page past the end reports 0).
  return { rows: result.rows, total: result.rows[0]?.total ?? 0 };
}

export interface DuplicateRow extends Omit<ClientSummaryRow, 'total'> {
  /** The folded name is the same (the rule before similar names were checked). */
  exact: boolean;
  /** pg_trgm similarity of the folded full names (0..1). */
  similarity: number;
}

/**
 * Visible clients (own agency, or shared with it) born on the given day: the candidates for a
 * duplicate check, with whether the folded name is the same and how similar it is. The birth date
 * narrows first (index (agency_id, birth_date, search_name); about one or two clients per day in an
 * agency of 25,000), the caller compares the names phonetically. Other agencies' clients are never
 * read: that a person is known elsewhere is itself personal data.
 */
export async function findSameBirthDate(
  tx: Queryable,
  agencyId: string,
  c: { firstName: string; lastName: string; birthDate: string },
  exceptId?: string,
): Promise<DuplicateRow[]> {
  const columns = `c.id, c.agency_id, c.client_number, c.first_name, c.last_name, c.birth_date, c.district,
         c.search_name = lotse_fold($3 || ' ' || $4) AS exact,
         similarity(c.search_name, lotse_fold($3 || ' ' || $4))::float8 AS similarity`;
  const same = `c.birth_date = $2::date AND c.anonymised_at IS NULL AND c.id IS DISTINCT FROM $5::uuid`;
  const found = await tx.query<DuplicateRow>(
    `WITH m AS (
       SELECT ${columns} FROM clients c WHERE c.agency_id = $1 AND ${same}
       UNION ALL
       SELECT ${columns} FROM clients c
        WHERE c.agency_id <> $1 AND c.id = ANY (ARRAY(${SHARED_WITH_AGENCY})) AND ${same}
       ORDER BY exact DESC, similarity DESC, id
       LIMIT 200)
     SELECT m.*, k.status AS case_status, k.guide_user_id AS guide_id,
            lotse_user_display_name(k.guide_user_id) AS guide_name
       FROM m
       LEFT JOIN LATERAL (SELECT status, guide_user_id FROM cases
                           WHERE client_id = m.id ORDER BY (status = 'open') DESC, opened_on DESC, created_at DESC
                           LIMIT 1) k ON true
      ORDER BY m.exact DESC, m.similarity DESC, m.last_name, m.first_name, m.id`,
    [agencyId, c.birthDate, c.firstName, c.lastName, exceptId ?? null],
  );
  return found.rows;
}

export async function insertClient(
  tx: Queryable,
  agencyId: string,
  actorUserId: string,
  input: CreateClientRequest,
  now: Date,
): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO clients (agency_id, client_number, first_name, last_name, birth_date, gender, phone, email,
        address, preferred_language, interpreter_needed, district, household, legal_context, severe_disability,
        reduced_earning_capacity, created_by, created_at, updated_at)
     VALUES ($1, coalesce($2, 'K-' || lpad(nextval('client_number_seq')::text, 6, '0')), $3, $4, $5, $6, $7, $8,
             $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18)
     RETURNING id`,
    [
      agencyId,
      input.clientNumber ?? null,
      input.firstName,
      input.lastName,
      input.birthDate,
      input.gender ?? null,
      input.phone ?? null,
      input.email ?? null,
      input.address ?? null,
      input.preferredLanguage ?? null,
      input.interpreterNeeded ?? false,
      input.district ?? null,
      input.household ?? null,
      input.legalContext ?? null,
      input.severeDisability ?? null,
      input.reducedEarningCapacity ?? null,
      actorUserId,
      now,
    ],
  );
  return inserted.rows[0]?.id as string;
}

const columnOf: Record<keyof UpdateClientRequest, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  birthDate: 'birth_date',
  gender: 'gender',
  phone: 'phone',
  email: 'email',
  address: 'address',
  preferredLanguage: 'preferred_language',
  interpreterNeeded: 'interpreter_needed',
  district: 'district',
  household: 'household',
  legalContext: 'legal_context',
  severeDisability: 'severe_disability',
  reducedEarningCapacity: 'reduced_earning_capacity',
};

/** Updates the given fields; returns the names of the fields that were part of the change. */
export async function updateClient(
  tx: Queryable,
  id: string,
  input: UpdateClientRequest,
  now: Date,
): Promise<string[]> {
  const fields = (Object.keys(input) as (keyof UpdateClientRequest)[]).filter((k) => input[k] !== undefined);
  const sets = fields.map((f, i) => `${columnOf[f]} = $${i + 3}`);
  await tx.query(`UPDATE clients SET ${[...sets, 'updated_at = $2'].join(', ')} WHERE id = $1`, [
    id,
    now,
    ...fields.map((f) => (f === 'interpreterNeeded' ? (input[f] ?? false) : (input[f] ?? null))),
  ]);
  return fields;
}

export async function findClient(tx: Queryable, id: string): Promise<ClientRow | undefined> {
  return (
    await tx.query<ClientRow>(`SELECT ${CLIENT_COLUMNS}, true AS owned FROM clients c WHERE c.id = $1`, [id])
  ).rows[0];
}

/** Whether an active (not withdrawn) consent for the purpose exists. */
export async function hasActiveConsent(tx: Queryable, clientId: string, purpose: string): Promise<boolean> {
  const found = await tx.query(
    'SELECT 1 FROM consents WHERE client_id = $1 AND purpose = $2 AND withdrawn_at IS NULL LIMIT 1',
    [clientId, purpose],
  );
  return found.rowCount > 0;
}
