import type { CreatePublicationRequest, PublicationView } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize } from '../../platform/policy.ts';
import { checkedFile } from './file-check.ts';
import {
  findPublication,
  listPublications,
  type PublicationFilter,
  presentPublication,
  publicationFile,
} from './publications.repo.ts';

export async function list(
  ctx: AppContext,
  actor: Actor,
  q: PublicationFilter & { page: number; pageSize: number },
) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const { rows, total } = await listPublications(scope.tx, q, q.pageSize, (q.page - 1) * q.pageSize);
    return {
      items: rows.map((r) => presentPublication(r, actor.agencyId)),
      page: q.page,
      pageSize: q.pageSize,
      total,
    };
  });
}

export async function create(
  ctx: AppContext,
  actor: Actor,
  input: CreatePublicationRequest,
): Promise<PublicationView> {
  // Decode and check before the transaction: a bad file never opens one.
  const content = input.file ? checkedFile(input.file) : undefined;
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'publications.write');
    const inserted = await scope.tx.query<{ id: string }>(
      `INSERT INTO publications (agency_id, title, kind, summary, tags, published_on, file_name, content_type,
                                 file_size, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        actor.agencyId,
        input.title,
        input.kind,
        input.summary,
        input.tags,
        input.publishedOn ?? null,
        input.file?.name ?? null,
        input.file?.contentType ?? null,
        content?.length ?? null,
        actor.userId,
        scope.now,
      ],
    );
    const id = inserted.rows[0]?.id as string;
    if (content)
      await scope.tx.query(
        'INSERT INTO publication_files (publication_id, agency_id, content) VALUES ($1, $2, $3)',
        [id, actor.agencyId, content],
      );
    await scope.audit({
      action: 'publications.create',
      resourceType: 'publication',
      resourceId: id,
      details: { kind: input.kind, size: content?.length ?? 0 },
    });
    return presentPublication(
      (await findPublication(scope.tx, id)) as NonNullable<Awaited<ReturnType<typeof findPublication>>>,
      actor.agencyId,
    );
  });
}

export async function file(ctx: AppContext, actor: Actor, id: string) {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const row = await findPublication(scope.tx, id);
    const content = row?.file_name ? await publicationFile(scope.tx, id) : undefined;
    if (!row || !content || !row.file_name || !row.content_type) throw notFound('Datei nicht gefunden.');
    return { name: row.file_name, contentType: row.content_type, content };
  });
}
