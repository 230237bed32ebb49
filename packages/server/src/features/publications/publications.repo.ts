import type { PublicationKind, PublicationView } from '@lotse/domain';
import type { Queryable } from '../../platform/db.ts';
import type { Row } from '../../platform/rows.ts';
import { filteredPage, textSearch, Where } from '../../platform/sql-where.ts';

export type PublicationRow = Omit<
  Row<'publications', { kind: PublicationKind }>,
  'shared' | 'search_text' | 'created_by'
> & { agency_name: string };

const SELECT_PUBLICATION = `
  SELECT p.id, p.agency_id, lotse_agency_name(p.agency_id) AS agency_name, p.title, p.kind, p.summary, p.tags,
         p.published_on, p.file_name, p.content_type, p.file_size, p.created_at
    FROM publications p`;

export interface PublicationFilter {
  query?: string | undefined;
  kind?: PublicationKind | undefined;
  tag?: string | undefined;
}

export async function listPublications(tx: Queryable, f: PublicationFilter, limit: number, offset: number) {
  const where = new Where();
  const tagged = 'EXISTS (SELECT 1 FROM unnest(p.tags) t WHERE lotse_fold(t) = lotse_fold($?))';
  if (f.query) where.add(`(${textSearch('p.search_text')} OR ${tagged})`, f.query);
  if (f.kind) where.add('p.kind = $?', f.kind);
  if (f.tag) where.add(tagged, f.tag);
  return filteredPage<PublicationRow>(
    tx,
    {
      select: SELECT_PUBLICATION,
      from: 'publications p',
      order: 'p.published_on DESC NULLS LAST, p.created_at DESC, p.id',
    },
    where,
    limit,
    offset,
  );
}

export async function findPublication(tx: Queryable, id: string): Promise<PublicationRow | undefined> {
  return (await tx.query<PublicationRow>(`${SELECT_PUBLICATION} WHERE p.id = $1`, [id])).rows[0];
}

export async function publicationFile(tx: Queryable, id: string): Promise<Buffer | undefined> {
  const row = (
    await tx.query<{ content: Uint8Array }>(
      'SELECT content FROM publication_files WHERE publication_id = $1',
      [id],
    )
  ).rows[0];
  return row ? Buffer.from(row.content) : undefined;
}

export function presentPublication(row: PublicationRow, agencyId: string): PublicationView {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    summary: row.summary,
    tags: row.tags,
    publishedOn: row.published_on,
    file:
      row.file_name && row.content_type
        ? { name: row.file_name, contentType: row.content_type, size: row.file_size ?? 0 }
        : null,
    agency: { id: row.agency_id, name: row.agency_name },
    own: row.agency_id === agencyId,
    createdAt: row.created_at.toISOString(),
  };
}

export interface NewPublication {
  agencyId: string;
  title: string;
  kind: PublicationKind;
  summary: string;
  tags: string[];
  publishedOn: string | null;
  fileName: string | null;
  contentType: string | null;
  fileSize: number | null;
  createdBy: string;
  at: Date;
}

export async function insertPublication(tx: Queryable, p: NewPublication): Promise<string> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO publications (agency_id, title, kind, summary, tags, published_on, file_name, content_type,
                               file_size, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      p.agencyId,
      p.title,
      p.kind,
      p.summary,
      p.tags,
      p.publishedOn,
      p.fileName,
      p.contentType,
      p.fileSize,
      p.createdBy,
      p.at,
    ],
  );
  return inserted.rows[0]?.id as string;
}

export async function insertPublicationFile(
  tx: Queryable,
  publicationId: string,
  agencyId: string,
  content: Buffer,
): Promise<void> {
  await tx.query('INSERT INTO publication_files (publication_id, agency_id, content) VALUES ($1, $2, $3)', [
    publicationId,
    agencyId,
    content,
  ]);
}
