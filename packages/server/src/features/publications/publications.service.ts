import type { CreatePublicationRequest, PublicationView } from '@lotse/domain';
import { type Actor, type AppContext, withActor } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { pagedList } from '../../platform/paging.ts';
import { authorize } from '../../platform/policy.ts';
import { checkedFile } from './file-check.ts';
import {
  findPublication,
  insertPublication,
  insertPublicationFile,
  listPublications,
  type PublicationFilter,
  presentPublication,
  publicationFile,
} from './publications.repo.ts';

export const list = pagedList(
  'network.read',
  (scope, q: PublicationFilter, limit, offset) => listPublications(scope.tx, q, limit, offset),
  (rows, scope) => rows.map((r) => presentPublication(r, scope.actor.agencyId)),
);

export async function create(
  ctx: AppContext,
  actor: Actor,
  input: CreatePublicationRequest,
): Promise<PublicationView> {
  // Decode and check before the transaction: a bad file never opens one.
  const content = input.file ? checkedFile(input.file) : undefined;
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'publications.write');
    const id = await insertPublication(scope.tx, {
      agencyId: actor.agencyId,
      title: input.title,
      kind: input.kind,
      summary: input.summary,
      tags: input.tags,
      publishedOn: input.publishedOn ?? null,
      fileName: input.file?.name ?? null,
      contentType: input.file?.contentType ?? null,
      fileSize: content?.length ?? null,
      createdBy: actor.userId,
      at: scope.now,
    });
    if (content) await insertPublicationFile(scope.tx, id, actor.agencyId, content);
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
