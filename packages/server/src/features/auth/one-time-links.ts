import { type AuditEvent, appendAudit } from '../../platform/audit.ts';
import { type ActorScope, type AppContext, withSystem } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { newToken, tokenHash } from './tokens.ts';

/**
 * What the one-time links for people without a log-in (self-assessment, referral feedback) have in
 * common: a token shown once whose hash is stored, a fixed lifetime, a status computed from the row,
 * one revocation, and audit entries without an actor when the link is used.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export type LinkState<Used extends string> = Used | 'revoked' | 'expired' | 'open';

/** The columns a new link row takes from issuing it. */
export interface IssuedLink {
  tokenHash: string;
  createdBy: string;
  at: Date;
  expiresAt: Date;
}

/** The row the holder of a token reaches, with what every kind of link has. */
interface TokenLink {
  id: string;
  agency_id: string;
  client_id: string;
  expires_at: Date;
  revoked_at: Date | null;
}

/** What one kind of link decides for itself; the 404 texts are shown to the person holding it. */
export interface LinkKind<Used extends string, L extends TokenLink> {
  resourceType: 'self_assessment_link' | 'referral_feedback_link';
  days: number;
  /** Where the public page is; the token follows. */
  pagePath: string;
  /** The status of a link that has served its purpose. */
  usedState: Used;
  /** The 409 when a used link is revoked. */
  usedConflict: string;
  lockByToken: (tx: Queryable, tokenHash: string) => Promise<L | undefined>;
  markRevoked: (tx: Queryable, id: string, at: Date, by: string) => Promise<void>;
  isUsed: (link: L) => boolean;
  usedNotice: string;
  /** Besides revocation, the link no longer serves (checked before the expiry). */
  lapsed: (link: L) => boolean;
  expiredNotice: string;
  /** Checked last, when a query is needed to tell. */
  stillValid?: (tx: Queryable, link: L) => Promise<boolean>;
  /** Details every audit entry of the link's holder carries. */
  auditDetails?: (link: L) => AuditEvent['details'];
}

/** Audits something the link's holder did: no actor, the link is the resource. */
export type LinkAudit = (action: string, details?: AuditEvent['details']) => Promise<void>;

export function oneTimeLinks<Used extends string, L extends TokenLink>(kind: LinkKind<Used, L>) {
  /** The usable link behind a token (locked for the transaction), else 404 with a plain message. */
  async function usableLink(tx: Queryable, token: string, now: Date): Promise<L> {
    const link = await kind.lockByToken(tx, tokenHash(token));
    if (!link) throw notFound('Dieser Link ist ungültig.');
    if (kind.isUsed(link)) throw notFound(kind.usedNotice);
    if (link.revoked_at || kind.lapsed(link)) throw notFound('Dieser Link ist nicht mehr gültig.');
    if (link.expires_at <= now) throw notFound(kind.expiredNotice);
    if (kind.stillValid && !(await kind.stillValid(tx, link)))
      throw notFound('Dieser Link ist nicht mehr gültig.');
    return link;
  }

  return {
    /**
     * A guide creates a link: the token for the address is shown this once (never stored), the row
     * gets its hash and expiry, the audit entry names the link.
     */
    async create(
      scope: ActorScope,
      insert: (link: IssuedLink) => Promise<string>,
      audit: { action: string; clientId: string; details: AuditEvent['details'] },
    ): Promise<{ id: string; token: string; path: string; expiresAt: string }> {
      const token = newToken();
      const expiresAt = new Date(scope.now.getTime() + kind.days * DAY_MS);
      const id = await insert({
        tokenHash: tokenHash(token),
        createdBy: scope.actor.userId,
        at: scope.now,
        expiresAt,
      });
      await scope.audit({ ...audit, resourceType: kind.resourceType, resourceId: id });
      return { id, token, path: `${kind.pagePath}${token}`, expiresAt: expiresAt.toISOString() };
    },

    /** Used up wins over revoked, revoked over expired. */
    state(row: { revoked_at: Date | null; expires_at: Date }, used: boolean, now: Date): LinkState<Used> {
      if (used) return kind.usedState;
      if (row.revoked_at) return 'revoked';
      return row.expires_at <= now ? 'expired' : 'open';
    },

    /** A guide revokes a link once, and not after it was used. */
    async revoke(
      scope: ActorScope,
      link: { id: string; revoked_at: Date | null },
      used: boolean,
      audit: { action: string; clientId: string; details?: AuditEvent['details'] },
    ): Promise<void> {
      if (used) throw conflict(kind.usedConflict);
      if (link.revoked_at) throw conflict('Der Link wurde bereits widerrufen.');
      await kind.markRevoked(scope.tx, link.id, scope.now, scope.actor.userId);
      await scope.audit({ ...audit, resourceType: kind.resourceType, resourceId: link.id });
    },

    /** The guide's list of links: every link presented, audited once on what they hang on with the count. */
    async listed<R, V>(
      scope: ActorScope,
      rows: R[],
      present: (row: R, now: Date) => V,
      audit: { action: string; resourceType: string; resourceId: string; clientId: string },
    ): Promise<{ items: V[] }> {
      await scope.audit({ ...audit, details: { count: rows.length } });
      return { items: rows.map((r) => present(r, scope.now)) };
    },

    /** What the token's holder does, in one system transaction on the usable link. */
    use<T>(
      ctx: AppContext,
      token: string,
      work: (tx: Queryable, link: L, now: Date, audit: LinkAudit) => Promise<T>,
    ): Promise<T> {
      return withSystem(ctx, async (tx, now) => {
        const link = await usableLink(tx, token, now);
        const audit: LinkAudit = (action, details = {}) =>
          appendAudit(
            tx,
            {
              action,
              agencyId: link.agency_id,
              actorUserId: null,
              resourceType: kind.resourceType,
              resourceId: link.id,
              clientId: link.client_id,
              details: { ...kind.auditDetails?.(link), ...details },
            },
            now,
          );
        return work(tx, link, now, audit);
      });
    },
  };
}
