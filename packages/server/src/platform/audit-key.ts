import { createHmac, randomBytes } from 'node:crypto';
import type { Config } from './config.ts';
import { readOrCreateKeyFile } from './key-file.ts';

/** The secret of the audit chain's HMAC, kept outside the database, and a public fingerprint of it. */
export interface AuditKey {
  secret: Buffer;
  /** Identifies the key without revealing it; stored with the chain heads to catch a wrong key. */
  id: string;
}

export class AuditKeyError extends Error {}

export function auditKeyFrom(secret: Buffer): AuditKey {
  return { secret, id: createHmac('sha256', secret).update('lotse-audit-key-id').digest('hex').slice(0, 16) };
}

const cache = new Map<string, AuditKey>();

/**
 * LOTSE_AUDIT_KEY, or the key file in the data directory, created with mode 0600 at the first start.
 * Several processes may start at once: the file is created exclusively and read by everyone else.
 */
export function auditKey(config: Config): AuditKey {
  if (config.audit.key) return auditKeyFrom(config.audit.key);
  const file = config.audit.keyFile;
  const cached = cache.get(file);
  if (cached) return cached;
  const hex = readOrCreateKeyFile(file, () => `${randomBytes(32).toString('hex')}\n`).trim();
  if (!/^(?:[0-9a-fA-F]{2}){32,}$/.test(hex))
    throw new AuditKeyError(`${file} does not hold an audit key (at least 32 bytes as hex).`);
  const key = auditKeyFrom(Buffer.from(hex, 'hex'));
  cache.set(file, key);
  return key;
}
