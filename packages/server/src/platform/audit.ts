import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';
import type { Database, Queryable } from './db.ts';

export type AuditOutcome = 'success' | 'denied' | 'failure';

/**
 * One audit entry. Only identifiers and codes belong here, never names, notes or answers:
 * the chain must stay verifiable after a client's personal data has been erased.
 */
export interface AuditEvent {
  action: string;
  outcome?: AuditOutcome;
  agencyId: string | null;
  actorUserId: string | null;
  resourceType?: string | null;
  resourceId?: string | null;
  clientId?: string | null;
  details?: Record<string, string | number | boolean | null | string[]>;
}

const GENESIS = '0'.repeat(64);
const SYSTEM_CHAIN = 'system';

interface ChainedFields {
  chainKey: string;
  seq: number;
  at: Date;
  agencyId: string | null;
  actorUserId: string | null;
  action: string;
  outcome: AuditOutcome;
  resourceType: string | null;
  resourceId: string | null;
  clientId: string | null;
  details: Record<string, unknown>;
}

function entryHash(prevHash: string, f: ChainedFields): string {
  const payload = canonicalJson({ ...f, at: f.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
}

/**
 * Appends an entry inside the caller's transaction, so it commits or rolls back with the action
 * it records. The row lock on the chain head orders concurrent appends of one agency.
 */
export async function appendAudit(tx: Queryable, event: AuditEvent, at: Date): Promise<void> {
  const chainKey = event.agencyId ?? SYSTEM_CHAIN;
  await tx.query(
    'INSERT INTO audit_chain_head (chain_key, seq, hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING',
    [chainKey, GENESIS],
  );
  const head = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_chain_head WHERE chain_key = $1 FOR UPDATE',
    [chainKey],
  );
  const prev = head.rows[0] ?? { seq: 0, hash: GENESIS };
  const fields: ChainedFields = {
    chainKey,
    seq: prev.seq + 1,
    at,
    agencyId: event.agencyId,
    actorUserId: event.actorUserId,
    action: event.action,
    outcome: event.outcome ?? 'success',
    resourceType: event.resourceType ?? null,
    resourceId: event.resourceId ?? null,
    clientId: event.clientId ?? null,
    details: event.details ?? {},
  };
  const hash = entryHash(prev.hash, fields);
  await tx.query(
    `INSERT INTO audit_log (chain_key, seq, at, agency_id, actor_user_id, action, outcome, resource_type,
       resource_id, client_id, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      chainKey,
      fields.seq,
      at,
      fields.agencyId,
      fields.actorUserId,
      fields.action,
      fields.outcome,
      fields.resourceType,
      fields.resourceId,
      fields.clientId,
      JSON.stringify(fields.details),
      prev.hash,
      hash,
    ],
  );
  await tx.query('UPDATE audit_chain_head SET seq = $2, hash = $3 WHERE chain_key = $1', [
    chainKey,
    fields.seq,
    hash,
  ]);
}

export interface AuditProblem {
  chainKey: string;
  seq: number;
  problem: 'hash_mismatch' | 'broken_link' | 'missing_entry' | 'head_mismatch';
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  chains: number;
  problems: AuditProblem[];
}

interface AuditRow {
  chain_key: string;
  seq: number;
  at: Date;
  agency_id: string | null;
  actor_user_id: string | null;
  action: string;
  outcome: AuditOutcome;
  resource_type: string | null;
  resource_id: string | null;
  client_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const VERIFY_BATCH = 5000;

/**
 * Recomputes every chain from its genesis. Detects a changed entry (hash mismatch), a deleted or
 * reordered one (gap in seq or broken link) and a removed tail (chain head ahead of the last entry).
 * Runs with the owner's rights (CLI), reading in batches so memory stays flat.
 */
export async function verifyAuditChain(db: Database): Promise<VerifyResult> {
  const heads = await db.query<{ chain_key: string; seq: number; hash: string }>(
    'SELECT chain_key, seq, hash FROM audit_chain_head ORDER BY chain_key',
  );
  const problems: AuditProblem[] = [];
  let entries = 0;
  const chainKeys = new Set(heads.rows.map((h) => h.chain_key));
  const orphanChains = await db.query<{ chain_key: string }>('SELECT DISTINCT chain_key FROM audit_log');
  for (const r of orphanChains.rows) chainKeys.add(r.chain_key);

  for (const chainKey of [...chainKeys].sort()) {
    const head = heads.rows.find((h) => h.chain_key === chainKey);
    let expectedSeq = 1;
    let prevHash = GENESIS;
    for (;;) {
      const batch = await db.query<AuditRow>(
        `SELECT chain_key, seq, at, agency_id, actor_user_id, action, outcome, resource_type, resource_id,
                client_id, details, prev_hash, hash
           FROM audit_log WHERE chain_key = $1 AND seq >= $2 ORDER BY seq LIMIT ${VERIFY_BATCH}`,
        [chainKey, expectedSeq],
      );
      for (const row of batch.rows) {
        entries++;
        if (row.seq !== expectedSeq) {
          problems.push({ chainKey, seq: expectedSeq, problem: 'missing_entry' });
        } else if (row.prev_hash !== prevHash) {
          problems.push({ chainKey, seq: row.seq, problem: 'broken_link' });
        }
        const recomputed = entryHash(row.prev_hash, {
          chainKey: row.chain_key,
          seq: row.seq,
          at: row.at,
          agencyId: row.agency_id,
          actorUserId: row.actor_user_id,
          action: row.action,
          outcome: row.outcome,
          resourceType: row.resource_type,
          resourceId: row.resource_id,
          clientId: row.client_id,
          details: row.details,
        });
        if (recomputed !== row.hash) problems.push({ chainKey, seq: row.seq, problem: 'hash_mismatch' });
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
      }
      if (batch.rows.length < VERIFY_BATCH) break;
    }
    const lastSeq = expectedSeq - 1;
    if (!head || head.seq !== lastSeq || head.hash !== prevHash) {
      problems.push({ chainKey, seq: head?.seq ?? lastSeq, problem: 'head_mismatch' });
    }
  }
  return { ok: problems.length === 0, entries, chains: chainKeys.size, problems };
}
