import type { Logger } from 'pino';
import { type AuditEvent, appendAudit } from './audit.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Database, Queryable } from './db.ts';
import type { Principal } from './policy.ts';

/** What every service needs; created once at start. */
export interface AppContext {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
}

export interface Actor extends Principal {
  sessionKey: string;
}

/** A transaction bound to one actor: agency-scoped by row-level security, with audit at hand. */
export interface ActorScope {
  tx: Queryable;
  actor: Actor;
  now: Date;
  audit(event: Omit<AuditEvent, 'agencyId' | 'actorUserId'>): Promise<void>;
}

/**
 * Runs `fn` in one transaction as the restricted role `lotse_app` with the actor's agency set, so
 * that row-level security scopes every query even if a repository forgot its WHERE clause.
 */
export function withActor<T>(
  ctx: AppContext,
  actor: Actor,
  fn: (scope: ActorScope) => Promise<T>,
): Promise<T> {
  // The scope is cleared too, in case a session-level setting was left on a pooled connection.
  const settings = { 'lotse.agency_id': actor.agencyId, 'lotse.scope': '', role: 'lotse_app' };
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    return fn({
      tx,
      actor,
      now,
      audit: (event) =>
        appendAudit(tx, { ...event, agencyId: actor.agencyId, actorUserId: actor.userId }, now),
    });
  }, settings);
}

/**
 * Runs `fn` in one transaction in the system scope: row-level security lets it see every agency's
 * rows (policy `system_scope`), still without owner rights. Only for work that precedes an actor
 * (sign-in, session lookup, invitations), spans agencies by design (housekeeping, audit sealing,
 * CLI, demo seed). Deliberate and visible, like decision 0002 asks.
 */
export function withSystem<T>(ctx: AppContext, fn: (tx: Queryable, now: Date) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => fn(tx, ctx.clock.now()), SYSTEM_SCOPE);
}

/** The transaction settings of the system scope (transaction-local: a pooled connection never keeps them). */
export const SYSTEM_SCOPE = { 'lotse.scope': 'system' } as const;
