import { type InstrumentDefinition, type InstrumentView, instrumentDefinition } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';

export type InstrumentRow = Pick<
  Row<'instruments', { status: 'draft' | 'published' }>,
  | 'id'
  | 'agency_id'
  | 'key'
  | 'version'
  | 'status'
  | 'definition'
  | 'based_on_id'
  | 'created_at'
  | 'published_at'
>;

const COLUMNS = 'id, agency_id, key, version, status, definition, based_on_id, created_at, published_at';

/** Visible instruments: system ones and the actor's agency's own (row-level security does the rest). */
export async function listInstruments(tx: Queryable, includeDrafts: boolean): Promise<InstrumentRow[]> {
  const rows = await tx.query<InstrumentRow>(
    `SELECT ${COLUMNS} FROM instruments
      WHERE ($1 OR status = 'published')
      ORDER BY key, version DESC`,
    [includeDrafts],
  );
  return rows.rows;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findInstrument(tx: Queryable, id: string): Promise<InstrumentRow | undefined> {
  if (!UUID.test(id)) return undefined;
  return (await tx.query<InstrumentRow>(`SELECT ${COLUMNS} FROM instruments WHERE id = $1`, [id])).rows[0];
}

/** Whether a key is taken by any visible instrument (system or own agency). */
export async function keyExists(tx: Queryable, key: string): Promise<boolean> {
  const r = await tx.query('SELECT 1 FROM instruments WHERE key = $1 LIMIT 1', [key]);
  return r.rowCount > 0;
}

/**
 * The published version a QuestionnaireResponse cites: a Lotse instrument by key (and version), or an
 * imported one by the canonical url (and version) of its source. Without a version, the latest.
 */
export async function findPublishedByCanonical(
  tx: Queryable,
  cite: { lotse: { key: string; version: number | null } | null; url: string; version: string | null },
): Promise<InstrumentRow | undefined> {
  const r = cite.lotse
    ? await tx.query<InstrumentRow>(
        `SELECT ${COLUMNS} FROM instruments
          WHERE status = 'published' AND key = $1 AND ($2::int IS NULL OR version = $2::int)
          ORDER BY version DESC LIMIT 1`,
        [cite.lotse.key, cite.lotse.version],
      )
    : await tx.query<InstrumentRow>(
        `SELECT ${COLUMNS} FROM instruments
          WHERE status = 'published' AND fhir_url = $1 AND ($2::text IS NULL OR fhir_version = $2::text)
          ORDER BY version DESC LIMIT 1`,
        [cite.url, cite.version],
      );
  return r.rows[0];
}

export async function nextVersion(tx: Queryable, key: string): Promise<number> {
  const r = await tx.query<{ v: number }>(
    'SELECT coalesce(max(version), 0)::int + 1 AS v FROM instruments WHERE key = $1',
    [key],
  );
  return r.rows[0]?.v ?? 1;
}

export async function insertInstrument(
  tx: Queryable,
  row: {
    agencyId: string;
    key: string;
    version: number;
    definition: InstrumentDefinition;
    basedOnId: string | null;
    createdBy: string;
    now: Date;
    /** Canonical of the FHIR Questionnaire it was imported from. */
    fhir?: { url: string; version: string | null } | null;
  },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `INSERT INTO instruments (agency_id, key, version, status, definition, based_on_id, created_by, created_at, updated_at,
                              fhir_url, fhir_version)
     VALUES ($1, $2, $3, 'draft', $4, $5, $6, $7, $7, $8, $9) RETURNING id`,
    [
      row.agencyId,
      row.key,
      row.version,
      JSON.stringify(row.definition),
      row.basedOnId,
      row.createdBy,
      row.now,
      row.fhir?.url ?? null,
      row.fhir?.version ?? null,
    ],
  );
  return r.rows[0]?.id as string;
}

export async function updateDraft(tx: Queryable, id: string, definition: InstrumentDefinition, now: Date) {
  await tx.query(
    `UPDATE instruments SET definition = $2, updated_at = $3 WHERE id = $1 AND status = 'draft'`,
    [id, JSON.stringify(definition), now],
  );
}

export async function markPublished(tx: Queryable, id: string, userId: string, now: Date) {
  await tx.query(
    `UPDATE instruments SET status = 'published', published_at = $2, published_by = $3, updated_at = $2
      WHERE id = $1 AND status = 'draft'`,
    [id, now, userId],
  );
}

/** The stored JSON, validated: rows are only written through the schema, so this never fails in practice. */
export function definitionOf(row: InstrumentRow): InstrumentDefinition {
  return instrumentDefinition.parse(row.definition);
}

/**
 * Parsed definitions of published versions, by id. Published versions never change (a trigger
 * refuses it, migration 003), so a parsed definition stays right; a few dozen per installation.
 */
const publishedDefinitions = new Map<string, InstrumentDefinition>();

/**
 * The visible instruments of the given ids with their parsed definitions, in one query. The
 * definition (about 57 kB JSON for the Teilhabe-Bogen) is neither sent nor parsed again for a
 * published version parsed before; visibility is still checked in the database every time.
 */
export async function instrumentDefinitions(
  tx: Queryable,
  ids: string[],
): Promise<Map<string, { row: InstrumentRow; definition: InstrumentDefinition }>> {
  const out = new Map<string, { row: InstrumentRow; definition: InstrumentDefinition }>();
  if (ids.length === 0) return out;
  const cached = ids.filter((id) => publishedDefinitions.has(id));
  const rows = await tx.query<InstrumentRow>(
    `SELECT id, agency_id, key, version, status, based_on_id, created_at, published_at,
            CASE WHEN status = 'published' AND id = ANY ($2::uuid[]) THEN NULL ELSE definition END AS definition
       FROM instruments WHERE id = ANY ($1::uuid[])`,
    [ids, cached],
  );
  for (const row of rows.rows) {
    let definition = row.status === 'published' ? publishedDefinitions.get(row.id) : undefined;
    if (!definition || row.definition !== null) {
      definition = definitionOf(row);
      if (row.status === 'published') publishedDefinitions.set(row.id, definition);
    }
    out.set(row.id, { row, definition });
  }
  return out;
}

export function presentInstrument(row: InstrumentRow): InstrumentView {
  const def = definitionOf(row);
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    status: row.status,
    shared: row.agency_id === null,
    basedOnId: row.based_on_id,
    createdAt: row.created_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    title: def.title,
    ...(def.description ? { description: def.description } : {}),
    scoring: def.scoring,
    dimensions: def.dimensions,
  };
}

/** The dimension keys of the visible published instruments. */
export async function publishedDimensionKeys(tx: Queryable): Promise<string[]> {
  const result = await tx.query<{ key: string }>(
    `SELECT DISTINCT d->>'key' AS key
       FROM instruments i, jsonb_array_elements(i.definition->'dimensions') AS d
      WHERE i.status = 'published'`,
  );
  return result.rows.map((r) => r.key);
}
