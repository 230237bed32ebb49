import { isIP } from 'node:net';
import path from 'node:path';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '@lotse/domain';
import { z } from 'zod';

/**
 * All configuration comes from environment variables and is validated once at start.
 * Nothing else in the server reads `process.env`.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOTSE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /**
   * The schema owner's connection for migrations and the CLI. When set, requests run on DATABASE_URL,
   * which must be a login role that owns nothing (a member of lotse_app). When unset, DATABASE_URL
   * serves both (row-level security then still binds the owner, but not a superuser).
   */
  LOTSE_OWNER_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Seed the demo agencies on an empty embedded database. Ignored (always off) on PostgreSQL. */
  LOTSE_DEMO: z.enum(['true', 'false']).default('true'),
  LOTSE_PUBLIC_URL: z.url().optional(),
  LOTSE_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  LOTSE_SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Set to true behind TLS so session cookies carry the Secure flag. */
  LOTSE_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** Shorthand for a reverse proxy on the same host: trusts X-Forwarded-* from loopback addresses. */
  LOTSE_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Addresses (CIDR) of the reverse proxies whose X-Forwarded-For/-Proto are believed. */
  LOTSE_TRUSTED_PROXIES: z
    .string()
    .optional()
    .transform((v, c) => {
      const entries = (v ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const entry of entries.filter((e) => !isProxyEntry(e)))
        c.addIssue({ code: 'custom', message: `not an IP address or CIDR range: ${entry}` });
      return entries;
    }),
  /**
   * 32-byte key (base64 or 64 hex digits) that encrypts second-factor secrets and keys the recovery
   * code hashes. Unset: a key file in the data directory, created on first start.
   */
  LOTSE_SECRET_KEY: z
    .string()
    .optional()
    .transform((v, c) => {
      if (v === undefined || v.trim() === '') return undefined;
      const key = parseSecretKey(v);
      if (!key) c.addIssue({ code: 'custom', message: 'must be 32 bytes, as base64 or 64 hex digits' });
      return key;
    }),
  LOTSE_LOGIN_MAX_FAILURES_ACCOUNT: z.coerce.number().int().min(1).default(5),
  /** High on purpose: a whole office may sign in through one address; the account lock does the rest. */
  LOTSE_LOGIN_MAX_FAILURES_SOURCE: z.coerce.number().int().min(1).default(300),
  LOTSE_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Key of the audit chain's HMAC, at least 32 bytes as hex; else `$LOTSE_DATA_DIR/audit.key`. */
  LOTSE_AUDIT_KEY: z
    .string()
    .regex(/^(?:[0-9a-fA-F]{2}){32,}$/, 'must be at least 32 bytes as hex (openssl rand -hex 32)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOTSE_WEB_DIST: z.string().optional(),
  /** Counts below this are shown as "<N" in figures that leave an agency (an agency setting may raise it). */
  LOTSE_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(2).max(100).default(DEFAULT_SUPPRESSION_THRESHOLD),
});

/** A 32-byte key written as base64 (44 characters) or hex (64 digits); undefined otherwise. */
export function parseSecretKey(text: string): Buffer | undefined {
  const v = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(v)
    ? Buffer.from(v, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(v)
      ? Buffer.from(v, 'base64')
      : undefined;
  return key?.length === 32 ? key : undefined;
}

/** An IPv4/IPv6 address, optionally with a prefix length, or a proxy-addr range name. */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database:
    | { kind: 'pglite'; dataDir: string }
    | { kind: 'postgres'; url: string; ownerUrl: string | undefined; poolSize: number };
  demo: boolean;
  publicUrl: string | undefined;
  session: { idleMs: number; absoluteMs: number; secureCookies: boolean };
  login: { maxFailuresPerAccount: number; maxFailuresPerSource: number };
  /** The key for secrets at rest: given in the environment, or kept in `file` (see secret-key.ts). */
  secretKey: { value: Buffer | undefined; file: string };
  /** Addresses whose forwarded headers are trusted; empty: none (the socket address counts). */
  trustedProxies: string[];
  bodyLimit: number;
  logLevel: Env['LOG_LEVEL'];
  webDist: string;
  statistics: { suppressionThreshold: number };
  /** The audit chain's key: from LOTSE_AUDIT_KEY, else read or created in `keyFile` (see audit-key.ts). */
  audit: { key: Buffer | undefined; keyFile: string };
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LOTSE_DATA_DIR);
  if (e.LOTSE_OWNER_DATABASE_URL && !e.DATABASE_URL)
    throw new ConfigError('Invalid configuration:\n  LOTSE_OWNER_DATABASE_URL needs DATABASE_URL as well');
  const database = e.DATABASE_URL
    ? ({
        kind: 'postgres',
        url: e.DATABASE_URL,
        ownerUrl: e.LOTSE_OWNER_DATABASE_URL,
        poolSize: e.DATABASE_POOL_SIZE,
      } as const)
    : ({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') } as const);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database,
    demo: database.kind === 'pglite' && e.LOTSE_DEMO === 'true',
    publicUrl: e.LOTSE_PUBLIC_URL,
    session: {
      idleMs: e.LOTSE_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.LOTSE_SESSION_ABSOLUTE_HOURS * 3_600_000,
      secureCookies: e.LOTSE_SECURE_COOKIES === 'true',
    },
    login: {
      maxFailuresPerAccount: e.LOTSE_LOGIN_MAX_FAILURES_ACCOUNT,
      maxFailuresPerSource: e.LOTSE_LOGIN_MAX_FAILURES_SOURCE,
    },
    secretKey: { value: e.LOTSE_SECRET_KEY, file: path.join(dataDir, 'secret.key') },
    trustedProxies: [
      ...new Set([...e.LOTSE_TRUSTED_PROXIES, ...(e.LOTSE_TRUST_PROXY === 'true' ? ['loopback'] : [])]),
    ],
    bodyLimit: e.LOTSE_BODY_LIMIT_BYTES,
    logLevel: e.LOG_LEVEL,
    webDist: path.resolve(e.LOTSE_WEB_DIST ?? new URL('../../../web/dist', import.meta.url).pathname),
    statistics: { suppressionThreshold: e.LOTSE_SUPPRESSION_THRESHOLD },
    audit: {
      key: e.LOTSE_AUDIT_KEY ? Buffer.from(e.LOTSE_AUDIT_KEY, 'hex') : undefined,
      keyFile: path.join(dataDir, 'audit.key'),
    },
  };
}
