import { sealAuditLog } from './audit.ts';
import { auditKey } from './audit-key.ts';
import { type AppContext, withSystem } from './context.ts';

/** Arbitrary constant: only one app instance at a time runs housekeeping. */
const HOUSEKEEPING_LOCK = 7_402_114;
const DAY = 86_400_000;

export interface HousekeepingResult {
  ran: boolean;
  sessions: number;
  tokens: number;
  throttles: number;
}

/**
 * Removes what has expired: sessions past their idle or absolute timeout, one-time links a month
 * after expiry, forgotten sign-in counters. Sessions are also checked at every request; this keeps
 * the tables small. Several instances may call it; a transaction-scoped advisory lock lets one run.
 */
export async function runHousekeeping(ctx: AppContext): Promise<HousekeepingResult> {
  return withSystem(ctx, async (tx, now) => {
    const lock = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [
      HOUSEKEEPING_LOCK,
    ]);
    if (!lock.rows[0]?.ok) return { ran: false, sessions: 0, tokens: 0, throttles: 0 };
    const idleCutoff = new Date(now.getTime() - ctx.config.session.idleMs);
    const sessions = await tx.query('DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at < $2', [
      now,
      idleCutoff,
    ]);
    const tokens = await tx.query('DELETE FROM one_time_tokens WHERE expires_at < $1', [
      new Date(now.getTime() - 30 * DAY),
    ]);
    const throttles = await tx.query(
      'DELETE FROM login_throttle WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until < $2)',
      [new Date(now.getTime() - DAY), now],
    );
    return { ran: true, sessions: sessions.rowCount, tokens: tokens.rowCount, throttles: throttles.rowCount };
  });
}

/** Chains the audit entries appended since the last run (one instance at a time; see audit.ts). */
export function sealAudit(ctx: AppContext) {
  return sealAuditLog(ctx.db, auditKey(ctx.config));
}

/**
 * Runs housekeeping now and then hourly, and the audit sealer every few seconds, so that entries are
 * chained within seconds of their commit; returns a function that stops both.
 */
export function scheduleHousekeeping(
  ctx: AppContext,
  intervalMs = 3_600_000,
  sealIntervalMs = 2_000,
): () => void {
  const tick = () =>
    runHousekeeping(ctx).then(
      (r) => r.ran && ctx.log.info({ housekeeping: r }, 'housekeeping done'),
      (err: unknown) => ctx.log.error({ err }, 'housekeeping failed'),
    );
  let sealing = false;
  const seal = () => {
    if (sealing) return;
    sealing = true;
    sealAudit(ctx)
      .then(
        (r) => r.sealed > 0 && ctx.log.debug({ sealed: r.sealed }, 'audit entries sealed'),
        (err: unknown) => ctx.log.error({ err }, 'audit sealing failed'),
      )
      .finally(() => {
        sealing = false;
      });
  };
  void tick();
  seal();
  const timer = setInterval(tick, intervalMs);
  const sealTimer = setInterval(seal, sealIntervalMs);
  timer.unref();
  sealTimer.unref();
  return () => {
    clearInterval(timer);
    clearInterval(sealTimer);
  };
}
