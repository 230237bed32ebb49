import type { FeedTokenView } from '@lotse/domain';
import { type Actor, type AppContext, withActor, withSystem } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { authorize, isAllowed } from '../../platform/policy.ts';
import { newToken, tokenHash } from '../auth/tokens.ts';
import { deleteFeedToken, feedTokenCreatedAt, feedTokenOwner, insertFeedToken } from './events.repo.ts';
import { feed } from './events.service.ts';

/**
 * Personal iCalendar feed links: calendar apps cannot send the session cookie, so each user may hold
 * one secret link (256 random bits, only the SHA-256 hash is stored), revocable and regenerable.
 */
export const feedPath = (token: string) => `/api/events/feed/${token}.ics`;

export async function status(ctx: AppContext, actor: Actor): Promise<FeedTokenView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const createdAt = await feedTokenCreatedAt(scope.tx, actor.userId);
    return { active: !!createdAt, createdAt: createdAt?.toISOString() ?? null, path: null };
  });
}

/** Creates the feed link, replacing (and so revoking) an earlier one. */
export async function regenerate(ctx: AppContext, actor: Actor): Promise<FeedTokenView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    const token = newToken();
    const replaced = await deleteFeedToken(scope.tx, actor.userId);
    await insertFeedToken(scope.tx, {
      userId: actor.userId,
      agencyId: actor.agencyId,
      tokenHash: tokenHash(token),
      at: scope.now,
    });
    await scope.audit({
      action: 'events.feed_token.create',
      resourceType: 'user',
      resourceId: actor.userId,
      details: { replaced },
    });
    return { active: true, createdAt: scope.now.toISOString(), path: feedPath(token) };
  });
}

export async function revoke(ctx: AppContext, actor: Actor): Promise<FeedTokenView> {
  return withActor(ctx, actor, async (scope) => {
    authorize(actor, 'network.read');
    if (await deleteFeedToken(scope.tx, actor.userId))
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
  const owner = await withSystem(ctx, (tx) => feedTokenOwner(tx, tokenHash(token)));
  const actor: Actor | undefined = owner && {
    userId: owner.user_id,
    agencyId: owner.agency_id,
    roles: owner.roles,
    sessionKey: 'feed',
  };
  if (!actor || !isAllowed(actor, 'network.read')) throw notFound('Kalender-Feed nicht gefunden.');
  return feed(ctx, actor, host);
}
