import type { Actor, AppContext } from '../../platform/context.ts';
import { withActor } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import type { Letterhead } from '../instruments/pdf.ts';
import { letterheadRow } from './agency.repo.ts';

/**
 * The letterhead of an agency's PDFs: the name (setting `letterheadName`, else the agency's name) and
 * the uploaded logo, if any. Read in the caller's transaction, so row-level security applies.
 */
export async function letterheadOf(tx: Queryable, agencyId: string): Promise<Letterhead> {
  const row = await letterheadRow(tx, agencyId);
  if (!row) return { name: '' };
  const name = row.shown?.trim() || row.name;
  return row.content_type && row.data
    ? { name, logo: `data:${row.content_type};base64,${Buffer.from(row.data).toString('base64')}` }
    : { name };
}

/** The actor's letterhead in a transaction of its own (for routes that render outside a service). */
export function letterheadFor(ctx: AppContext, actor: Actor): Promise<Letterhead> {
  return withActor(ctx, actor, (scope) => letterheadOf(scope.tx, actor.agencyId));
}
