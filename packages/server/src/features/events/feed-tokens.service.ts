import type { FeedTokenView, Role } from '@lotse/domain';
import { type Actor, type AppContext, withActor, withSystem } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize, isAllowed } from '../../platform/policy.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { feed } from './events.service.ts';

/**
 * Personal iCalendar feed links: calendar apps cannot send the session cookie, so each user may hold
 * one secret link (256 random bits, only the SHA-256 hash is stored), revocable and regenerable.
 */
export const feedPath = (token: string) => `/api/events/feed/${token}.ics`;

export async function status(ctx: AppContext, actor: Actor): Promise<FeedTokenView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const row = (
      await scope.tx.query<{ created_at: Date }>(
        'SELECT created_at FROM event_feed_tokens WHERE user_id = $1',
        [actor.userId],
      )
    ).rows[0];
    return { active: !!row, createdAt: row?.created_at.toISOString() ?? null, path: null };
  });
}

/** Creates the feed link, replacing (and so revoking) an earlier one. */
export async function regenerate(ctx: AppContext, actor: Actor): Promise<FeedTokenView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const token = newToken();
    const replaced = await scope.tx.query('DELETE FROM event_feed_tokens WHERE user_id = $1', [actor.userId]);
    await scope.tx.query(
      'INSERT INTO event_feed_tokens (user_id, agency_id, token_hash, created_at) VALUES ($1, $2, $3, $4)',
      [actor.userId, actor.agencyId, tokenHash(token), scope.now],
    );
    await scope.audit({
      action: 'events.feed_token.create',
      resourceType: 'user',
      resourceId: actor.userId,
      details: { replaced: replaced.rowCount > 0 },
    });
    return { active: true, createdAt: scope.now.toISOString(), path: feedPath(token) };
  });
}

export async function revoke(ctx: AppContext, actor: Actor): Promise<FeedTokenView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const removed = await scope.tx.query('DELETE FROM event_feed_tokens WHERE user_id = $1', [actor.userId]);
    if (removed.rowCount > 0)
      await scope.audit({
        action: 'events.feed_token.revoke',
        resourceType: 'user',
        resourceId: actor.userId,
      });
    return { active: false, createdAt: null, path: null };
  });
}

/**
 * The feed behind a secret link, read with the rights of its (active) owner; an unknown or revoked
 * token, or an owner who may no longer read the network, is a 404.
 */
export async function feedByToken(ctx: AppContext, token: string, host: string): Promise<string> {
  const owner = await withSystem(ctx, async (tx) => {
    return (
      await tx.query<{ user_id: string; agency_id: string; roles: Role[] }>(
        `SELECT t.user_id, t.agency_id, u.roles FROM event_feed_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1 AND u.status = 'active'`,
        [tokenHash(token)],
      )
    ).rows[0];
  });
  const actor: Actor | undefined = owner && {
    userId: owner.user_id,
    agencyId: owner.agency_id,
    roles: owner.roles,
    sessionKey: 'feed',
  };
  if (!actor || !isAllowed(actor, 'network.read')) throw notFound('Kalender-Feed nicht gefunden.');
  return feed(ctx, actor, host);
}
