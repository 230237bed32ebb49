import { createHash, createHmac } from 'node:crypto';
import type { AuditKey } from './audit-key.ts';
import { canonicalJson } from './canonical-json.ts';
import type { Database, Queryable } from './db.ts';
import type { Row } from './rows.ts';

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
/** 1: SHA-256 chain of the entries written before the key existed; 2: HMAC-SHA256 with the audit key. */
const UNKEYED = 1;
const KEYED = 2;

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

function entryHash(version: number, key: AuditKey, prevHash: string, f: ChainedFields): string {
  const payload = canonicalJson({ ...f, at: f.at.toISOString() });
  const h = version === UNKEYED ? createHash('sha256') : createHmac('sha256', key.secret);
  return h.update(prevHash).update('\n').update(payload).digest('hex');
}

/**
 * Appends an entry inside the caller's transaction, so it commits or rolls back with the action it
 * records. No lock: the entry gets its place in the agency's chain later from the sealer
 * (decision 0008), and is visible in the audit log at once.
 */
export async function appendAudit(tx: Queryable, event: AuditEvent, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (chain_key, at, agency_id, actor_user_id, action, outcome, resource_type,
       resource_id, client_id, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      event.agencyId ?? SYSTEM_CHAIN,
      at,
      event.agencyId,
      event.actorUserId,
      event.action,
      event.outcome ?? 'success',
      event.resourceType ?? null,
      event.resourceId ?? null,
      event.clientId ?? null,
      JSON.stringify(event.details ?? {}),
    ],
  );
}

/** Arbitrary constant: one sealer at a time across all app instances and the CLI. */
const SEAL_LOCK = 7_402_115;
const SEAL_BATCH = 2000;

export class AuditKeyMismatchError extends Error {}

export interface SealResult {
  /** False when another instance held the sealer's lock. */
  ran: boolean;
  sealed: number;
}

/** A sealed entry: sequence number and hashes are set. */
type AuditRow = Pick<
  Row<
    'audit_log',
    {
      seq: number;
      outcome: AuditOutcome;
      details: Record<string, unknown>;
      prev_hash: string;
      hash: string;
      hash_version: number;
    }
  >,
  | 'id'
  | 'chain_key'
  | 'seq'
  | 'at'
  | 'agency_id'
  | 'actor_user_id'
  | 'action'
  | 'outcome'
  | 'resource_type'
  | 'resource_id'
  | 'client_id'
  | 'details'
  | 'prev_hash'
  | 'hash'
  | 'hash_version'
>;

const ROW_COLUMNS = `id, chain_key, seq, at, agency_id, actor_user_id, action, outcome, resource_type, resource_id,
  client_id, details, prev_hash, hash, hash_version`;

const fieldsOf = (row: AuditRow, seq: number): ChainedFields => ({
  chainKey: row.chain_key,
  seq,
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

/**
 * Chains every committed, not yet sealed entry behind its chain's head, in id order, with the keyed
 * hash. Runs in the system scope of `db`; a transaction-scoped advisory lock lets one sealer run at a
 * time. Only committed rows are visible, and the sealer takes every unsealed one it sees (no
 * high-water mark), so an entry whose transaction commits after a later-numbered one is chained in the
 * next run, not skipped: nothing is lost, and a sealed entry never changes.
 */
export async function sealAuditLog(db: Database, key: AuditKey): Promise<SealResult> {
  let sealed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      await tx.query(`SELECT set_config('lotse.scope', 'system', true)`);
      const lock = await tx.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS ok', [SEAL_LOCK]);
      if (!lock.rows[0]?.ok) return undefined;
      const rows = await tx.query<AuditRow>(
        `SELECT ${ROW_COLUMNS} FROM audit_log WHERE seq IS NULL ORDER BY id LIMIT ${SEAL_BATCH}`,
      );
      if (rows.rows.length === 0) return 0;
      const chainKeys = [...new Set(rows.rows.map((r) => r.chain_key))];
      const heads = await tx.query<{ chain_key: string; seq: number; hash: string; key_id: string | null }>(
        'SELECT chain_key, seq, hash, key_id FROM audit_chain_head WHERE chain_key = ANY($1)',
        [chainKeys],
      );
      const state = new Map(chainKeys.map((k) => [k, { seq: 0, hash: GENESIS }]));
      for (const h of heads.rows) {
        if (h.key_id && h.key_id !== key.id)
          throw new AuditKeyMismatchError(
            `The audit chain ${h.chain_key} was sealed with another key (${h.key_id}, this instance has ${key.id}). ` +
              'Every instance needs the same LOTSE_AUDIT_KEY.',
          );
        state.set(h.chain_key, { seq: h.seq, hash: h.hash });
      }
      const ids: number[] = [];
      const seqs: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      for (const row of rows.rows) {
        const head = state.get(row.chain_key) as { seq: number; hash: string };
        const seq = head.seq + 1;
        const hash = entryHash(KEYED, key, head.hash, fieldsOf(row, seq));
        ids.push(row.id);
        seqs.push(seq);
        prevs.push(head.hash);
        hashes.push(hash);
        state.set(row.chain_key, { seq, hash });
      }
      await tx.query(
        `UPDATE audit_log a SET seq = v.seq, prev_hash = v.prev, hash = v.hash, hash_version = ${KEYED},
                sealed_at = now()
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev, hash)
          WHERE a.id = v.id`,
        [ids, seqs, prevs, hashes],
      );
      for (const chainKey of chainKeys) {
        const head = state.get(chainKey) as { seq: number; hash: string };
        await tx.query(
          `INSERT INTO audit_chain_head (chain_key, seq, hash, key_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (chain_key) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, key_id = EXCLUDED.key_id`,
          [chainKey, head.seq, head.hash, key.id],
        );
      }
      return rows.rows.length;
    });
    if (batch === undefined) return { ran: false, sealed };
    sealed += batch;
    if (batch < SEAL_BATCH) return { ran: true, sealed };
  }
}

export interface AuditProblem {
  chainKey: string;
  seq: number;
  problem:
    | 'hash_mismatch'
    | 'broken_link'
    | 'missing_entry'
    | 'head_mismatch'
    | 'unkeyed_after_keyed'
    | 'unsealed_overdue'
    | 'truncated'
    | 'anchor_mismatch'
    | 'anchor_invalid';
}

export interface VerifyResult {
  ok: boolean;
  entries: number;
  chains: number;
  /** Entries not sealed yet (within the limit they are no problem). */
  unsealed: number;
  problems: AuditProblem[];
}

/** The heads of all chains at one moment, written by `lotse audit anchor` and kept elsewhere. */
export interface AuditAnchor {
  format: 'lotse-audit-anchor/1';
  createdAt: string;
  keyId: string;
  chains: { chainKey: string; seq: number; hash: string; at: string }[];
  /** HMAC of the fields above with the audit key: an anchor cannot be made up without the key. */
  mac: string;
}

export interface VerifyOptions {
  anchor?: AuditAnchor;
  /** Unsealed entries appended longer ago than this are a problem (the sealer is not running). */
  unsealedLimitMs?: number;
}

const VERIFY_BATCH = 5000;

const keysOfDatabases = new WeakMap<Database, AuditKey>();

/** Lets `verifyAuditChain(db)` find the key without passing it (the test harness registers its own). */
export function rememberAuditKey(db: Database, key: AuditKey): void {
  keysOfDatabases.set(db, key);
}
export const DEFAULT_UNSEALED_LIMIT_MS = 10 * 60_000;

const anchorMac = (key: AuditKey, a: Omit<AuditAnchor, 'mac'>) =>
  createHmac('sha256', key.secret)
    .update(canonicalJson({ format: a.format, createdAt: a.createdAt, keyId: a.keyId, chains: a.chains }))
    .digest('hex');

/** The current heads (seal first to include everything committed). */
export async function createAuditAnchor(db: Database, key: AuditKey, now: Date): Promise<AuditAnchor> {
  const heads = await db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('lotse.scope', 'system', true)`);
    return tx.query<{ chain_key: string; seq: number; hash: string; at: Date }>(
      `SELECT h.chain_key, h.seq, h.hash, l.at FROM audit_chain_head h
         JOIN audit_log l ON l.chain_key = h.chain_key AND l.seq = h.seq ORDER BY h.chain_key`,
    );
  });
  const body = {
    format: 'lotse-audit-anchor/1' as const,
    createdAt: now.toISOString(),
    keyId: key.id,
    chains: heads.rows.map((h) => ({
      chainKey: h.chain_key,
      seq: h.seq,
      hash: h.hash,
      at: h.at.toISOString(),
    })),
  };
  return { ...body, mac: anchorMac(key, body) };
}

/**
 * Recomputes every chain from its genesis over the sealed entries. Detects a changed entry (hash
 * mismatch), a deleted or reordered one (gap in seq or broken link), a removed tail (chain head ahead
 * of the last entry; with an anchor also when the head was moved back), unkeyed entries after keyed
 * ones, and entries the sealer has not reached within the limit. Runs in the system scope of `db`,
 * reading in batches so memory stays flat.
 */
export async function verifyAuditChain(
  db: Database,
  key: AuditKey | undefined = keysOfDatabases.get(db),
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  if (!key) throw new Error('verifyAuditChain needs the audit key (see auditKey(config))');
  return db.transaction(async (tx) => {
    await tx.query(`SELECT set_config('lotse.scope', 'system', true)`);
    return verifyIn(tx, key, options);
  });
}

async function verifyIn(tx: Queryable, key: AuditKey, options: VerifyOptions): Promise<VerifyResult> {
  const heads = await tx.query<{ chain_key: string; seq: number; hash: string }>(
    'SELECT chain_key, seq, hash FROM audit_chain_head ORDER BY chain_key',
  );
  const problems: AuditProblem[] = [];
  let entries = 0;
  const chainKeys = new Set(heads.rows.map((h) => h.chain_key));
  const sealedChains = await tx.query<{ chain_key: string }>(
    'SELECT DISTINCT chain_key FROM audit_log WHERE seq IS NOT NULL',
  );
  for (const r of sealedChains.rows) chainKeys.add(r.chain_key);
  const anchored = new Map((options.anchor?.chains ?? []).map((c) => [c.chainKey, c]));
  if (options.anchor) {
    const { mac, ...body } = options.anchor;
    if (body.keyId !== key.id || mac !== anchorMac(key, body))
      problems.push({ chainKey: '*', seq: 0, problem: 'anchor_invalid' });
    for (const c of anchored.keys()) chainKeys.add(c);
  }

  for (const chainKey of [...chainKeys].sort()) {
    const head = heads.rows.find((h) => h.chain_key === chainKey);
    const anchor = anchored.get(chainKey);
    let expectedSeq = 1;
    let prevHash = GENESIS;
    let keyed = false;
    for (;;) {
      const batch = await tx.query<AuditRow>(
        `SELECT ${ROW_COLUMNS} FROM audit_log WHERE chain_key = $1 AND seq >= $2 ORDER BY seq LIMIT ${VERIFY_BATCH}`,
        [chainKey, expectedSeq],
      );
      for (const row of batch.rows) {
        entries++;
        if (row.seq !== expectedSeq) {
          problems.push({ chainKey, seq: expectedSeq, problem: 'missing_entry' });
        } else if (row.prev_hash !== prevHash) {
          problems.push({ chainKey, seq: row.seq, problem: 'broken_link' });
        }
        if (row.hash_version === KEYED) keyed = true;
        else if (keyed) problems.push({ chainKey, seq: row.seq, problem: 'unkeyed_after_keyed' });
        const recomputed = entryHash(row.hash_version, key, row.prev_hash, fieldsOf(row, row.seq));
        if (recomputed !== row.hash) problems.push({ chainKey, seq: row.seq, problem: 'hash_mismatch' });
        if (anchor && row.seq === anchor.seq && row.hash !== anchor.hash)
          problems.push({ chainKey, seq: row.seq, problem: 'anchor_mismatch' });
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
      }
      if (batch.rows.length < VERIFY_BATCH) break;
    }
    const lastSeq = expectedSeq - 1;
    if (anchor && lastSeq < anchor.seq) problems.push({ chainKey, seq: anchor.seq, problem: 'truncated' });
    if (!head || head.seq !== lastSeq || head.hash !== prevHash) {
      problems.push({ chainKey, seq: head?.seq ?? lastSeq, problem: 'head_mismatch' });
    }
  }

  const limitMs = options.unsealedLimitMs ?? DEFAULT_UNSEALED_LIMIT_MS;
  const unsealed = await tx.query<{ chain_key: string; n: number; overdue: number }>(
    `SELECT chain_key, count(*)::int AS n,
            count(*) FILTER (WHERE appended_at < now() - make_interval(secs => $1::double precision / 1000))::int AS overdue
       FROM audit_log WHERE seq IS NULL GROUP BY chain_key ORDER BY chain_key`,
    [limitMs],
  );
  for (const u of unsealed.rows)
    if (u.overdue > 0) problems.push({ chainKey: u.chain_key, seq: 0, problem: 'unsealed_overdue' });
  const unsealedCount = unsealed.rows.reduce((sum, u) => sum + u.n, 0);
  return { ok: problems.length === 0, entries, chains: chainKeys.size, unsealed: unsealedCount, problems };
}
