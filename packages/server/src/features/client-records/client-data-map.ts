/**
 * Where Lotse keeps data about a client, and what happens to it on anonymisation and in the GDPR
 * access export (Art. 15). One entry per table that references a client, directly or through other
 * tables' foreign keys (and the audit log, which names the client by id). `client-data-map.test.ts`
 * reads the database catalogue and fails for every such table or text/JSON column missing here, so a
 * new table or column cannot be forgotten: add it with its rule and its place in the export.
 */

/** What anonymisation does to a column. */
export type ColumnRule =
  /** Set to NULL. */
  | { rule: 'clear' }
  /** Overwrite a non-empty value with a fixed one (NOT NULL columns, or where a CHECK needs a value). */
  | { rule: 'replace'; value: string | unknown[] | Record<string, never> }
  /** Overwrite with an SQL expression over the row; only for the client row itself. */
  | { rule: 'derive'; sql: string }
  /** Left as it is, and why that is no personal data of the client (or must stay). */
  | { rule: 'keep'; reason: string };

export interface ClientTable {
  /**
   * How a row belongs to the client: the client row itself, or the column that references the
   * parent table's `id` (which belongs to the client in turn). The chain must end at clients.
   */
  belongs: 'self' | { column: string; parent: string };
  /** Every text, character and JSON column, also arrays of them (other columns only when changed). */
  columns: Record<string, ColumnRule>;
  /** Where the export carries the rows (their `id`), as a path into the export JSON. */
  exportedAt: string;
}

const clear: ColumnRule = { rule: 'clear' };
const replace = (value: string | unknown[] | Record<string, never>): ColumnRule => ({
  rule: 'replace',
  value,
});
const keep = (reason: string): ColumnRule => ({ rule: 'keep', reason });
const code = keep('a code from a fixed list (CHECK constraint), no free text');
const ANONYMISED = 'Anonymisiert';

/** A table whose rows reference the client directly through `client_id`. */
const clientRows = (exportedAt: string, columns: Record<string, ColumnRule>): ClientTable => ({
  belongs: { column: 'client_id', parent: 'clients' },
  exportedAt,
  columns,
});

export const CLIENT_DATA: Record<string, ClientTable> = {
  clients: {
    belongs: 'self',
    exportedAt: 'client',
    columns: {
      client_number: { rule: 'derive', sql: `'ANON-' || left(id::text, 8)` },
      first_name: replace(ANONYMISED),
      last_name: replace(ANONYMISED),
      search_name: keep('generated from first_name and last_name; follows them'),
      first_name_folded: keep('generated from first_name; follows it'),
      last_name_folded: keep('generated from last_name; follows it'),
      phone: clear,
      email: clear,
      address: clear,
      preferred_language: clear,
      district: clear,
      gender: code,
      household: code,
      legal_context: code,
      // Not text, but personal: only the year of birth stays, health flags go.
      birth_date: { rule: 'derive', sql: 'make_date(extract(year FROM birth_date)::int, 1, 1)' },
      severe_disability: clear,
      reduced_earning_capacity: clear,
    },
  },
  consents: clientRows('consents', { purpose: code, form: code }),
  case_shares: clientRows('shares', {}),
  cases: clientRows('client.cases', { status: code, outcome: code, closure_reason: clear }),
  case_events: {
    belongs: { column: 'case_id', parent: 'cases' },
    exportedAt: 'client.cases.events',
    columns: { kind: code, reason: clear },
  },
  goals: clientRows('goals', {
    title: replace(ANONYMISED),
    steps: replace([]),
    review: clear,
    dimension: keep('the key of an instrument dimension'),
    status: code,
  }),
  contacts: clientRows('contacts', { type: code, note: clear }),
  assessments: clientRows('assessments', {
    occasion: code,
    perspective: code,
    mode: code,
    status: code,
    answers: keep('scale values, yes/no or null per item key (no free text); kept for change statistics'),
    scores: keep('dimension scores computed from the answers; kept for change statistics'),
  }),
  assessment_amendments: clientRows('assessments.amendments', {
    reason: replace(ANONYMISED),
    previous_answers: keep('scale values, yes/no or null per item key (no free text)'),
    previous_scores: keep('dimension scores computed from the answers'),
    changed_items: keep('item keys of the instrument'),
  }),
  self_assessment_links: clientRows('selfAssessmentLinks', {
    draft_answers: replace({}),
    occasion: code,
    token_hash: keep('SHA-256 of a one-time token; the link no longer opens for an anonymised client'),
  }),
  referrals: clientRows('referrals', {
    // A dropped referral must keep a reason (CHECK), hence a replacement rather than NULL.
    reason: replace(ANONYMISED),
    note: clear,
    feedback: clear,
    status: code,
    feedback_outcome: code,
    feedback_source: code,
  }),
  referral_feedback_links: clientRows('referralFeedbackLinks', {
    token_hash: keep('SHA-256 of a one-time token; the link no longer opens for an anonymised client'),
  }),
  enrolments: clientRows('enrolments', {
    employer: clear,
    project: clear,
    // Over-booked places must keep a reason (CHECK).
    overbooking_reason: replace(ANONYMISED),
    status: code,
    exit_reason: code,
    early_end_reason: code,
  }),
  expenditures: {
    belongs: { column: 'enrolment_id', parent: 'enrolments' },
    exportedAt: 'enrolments.expenditures',
    columns: {
      funding_line: code,
      reference: keep(
        'voucher or booking number of the agency’s accounting, kept under budget law; the form asks for a number',
      ),
    },
  },
  audit_log: clientRows('accessLog', {
    chain_key: keep('agency id of the hash chain'),
    action: keep('an action code'),
    outcome: code,
    resource_type: keep('a resource type code'),
    resource_id: keep('the id of the object acted on'),
    details: keep('ids and codes only, never names, notes or answers (platform/audit.ts)'),
    prev_hash: keep('hash of the chain'),
    hash: keep('hash of the chain'),
  }),
};

/**
 * Tables that repeat, in another shape, only what the tables of CLIENT_DATA hold about a client:
 * summaries kept by triggers so that frequent reads stay fast (see their migrations). They follow
 * their sources, so they need no rule of their own: triggers rewrite them whenever a source row
 * changes, and the foreign key deletes them with their source. Anonymisation keeps the sources' dates
 * and scores, so the summaries stay true. The export carries the source rows, not these copies.
 * Their text columns hold codes only; the test checks that each is listed here.
 */
export interface DerivedClientTable {
  /** The CLIENT_DATA tables the rows are computed from. */
  from: string[];
  /** Why the table exists. */
  why: string;
  /** Every text and JSON column, with why it is no personal free text. */
  columns: Record<string, ColumnRule & { rule: 'keep' }>;
}

export const DERIVED_CLIENT_DATA: Record<string, DerivedClientTable> = {
  client_schedule: {
    from: ['contacts', 'assessments'],
    why: 'last contact, last assessment and next follow-up per client, for the caseload (migration 020)',
    columns: {},
  },
  assessment_facts: {
    from: ['assessments'],
    why: 'score vectors of completed assessments for cohort statistics (migration 021)',
    columns: { perspective: code, occasion: code } as Record<string, ColumnRule & { rule: 'keep' }>,
  },
};

/** The foreign-key path from a table's rows to the client: tables[0] -> ... -> clients. */
export function pathToClient(table: string): { tables: string[]; columns: string[] } {
  const tables = [table];
  const columns: string[] = [];
  for (let current = CLIENT_DATA[table]; current && current.belongs !== 'self'; ) {
    columns.push(current.belongs.column);
    tables.push(current.belongs.parent);
    if (tables.length > 10) throw new Error(`the erasure map has a cycle at ${table}`);
    current = CLIENT_DATA[current.belongs.parent];
  }
  if (tables.at(-1) !== 'clients') throw new Error(`${table} does not lead to clients in the erasure map`);
  return { tables, columns };
}

/** SQL condition selecting the client's rows of a table (client id as $1). */
export function rowsOfClient(table: string): string {
  const { tables, columns } = pathToClient(table);
  if (columns.length === 0) return 'id = $1';
  let condition = `${columns.at(-1)} = $1`;
  for (let i = columns.length - 2; i >= 0; i--)
    condition = `${columns[i]} IN (SELECT id FROM ${tables[i + 1]} WHERE ${condition})`;
  return condition;
}
