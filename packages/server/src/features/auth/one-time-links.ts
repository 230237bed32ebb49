import { type AuditEvent, appendAudit } from '../../platform/audit.ts';
import type { ActorScope } from '../../platform/context.ts';
import type { Queryable } from '../../platform/db.ts';
import { conflict } from '../../platform/errors.ts';
import { newToken, tokenHash } from './tokens.ts';

/**
 * What the one-time links for people without a log-in (self-assessment, referral feedback) have in
 * common: a token shown once whose hash is stored, a fixed lifetime, a status computed from the row,
 * one revocation, and audit entries without an actor when the link is used.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A new link: the token for the address (never stored), the hash for the row, and its expiry. */
export function issueLinkToken(now: Date, days: number) {
  const token = newToken();
  return { token, tokenHash: tokenHash(token), expiresAt: new Date(now.getTime() + days * DAY_MS) };
}

export type LinkState<Used extends string> = Used | 'revoked' | 'expired' | 'open';

/** Used up wins over revoked, revoked over expired. */
export function linkState<Used extends string>(
  row: { used: boolean; revoked_at: Date | null; expires_at: Date },
  usedState: Used,
  now: Date,
): LinkState<Used> {
  if (row.used) return usedState;
  if (row.revoked_at) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'open';
}

/** A link can be revoked once, and not after it was used. */
export function assertRevocable(link: { revoked_at: Date | null }, used: boolean, usedMessage: string) {
  if (used) throw conflict(usedMessage);
  if (link.revoked_at) throw conflict('Der Link wurde bereits widerrufen.');
}

/** An audit entry for something done through a link: no actor, the link is the resource. */
export const auditLinkUse = (
  tx: Queryable,
  link: { id: string; agency_id: string; client_id: string },
  resourceType: 'self_assessment_link' | 'referral_feedback_link',
  now: Date,
  action: string,
  details: AuditEvent['details'],
) =>
  appendAudit(
    tx,
    {
      action,
      agencyId: link.agency_id,
      actorUserId: null,
      resourceType,
      resourceId: link.id,
      clientId: link.client_id,
      details,
    },
    now,
  );

/** The guide's list of links: every link presented, audited once on what they hang on with the count. */
export async function listedLinks<R, V>(
  scope: ActorScope,
  rows: R[],
  present: (row: R, now: Date) => V,
  audit: { action: string; resourceType: string; resourceId: string; clientId: string },
): Promise<{ items: V[] }> {
  await scope.audit({ ...audit, details: { count: rows.length } });
  return { items: rows.map((r) => present(r, scope.now)) };
}
