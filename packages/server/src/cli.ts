import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { agencyKind, emailAddress } from '@lotse/domain';
import { assertAcceptablePassword } from './features/auth/auth.service.ts';
import { hashPassword } from './features/auth/password-hash.ts';
import { newToken, tokenHash } from './features/auth/tokens.ts';
import { seedDemoIfEmpty } from './features/demo/demo.seed.ts';
import {
  type AuditAnchor,
  appendAudit,
  createAuditAnchor,
  DEFAULT_UNSEALED_LIMIT_MS,
  sealAuditLog,
  verifyAuditChain,
} from './platform/audit.ts';
import { auditKey } from './platform/audit-key.ts';
import { systemClock } from './platform/clock.ts';
import { type Config, ConfigError, loadConfig } from './platform/config.ts';
import { type AppContext, withSystem } from './platform/context.ts';
import { DataDirLockedError, lockDataDir } from './platform/data-dir-lock.ts';
import { openOwnerDatabase } from './platform/database.ts';
import { type Database, openPglite } from './platform/db.ts';
import { createLogger } from './platform/logger.ts';
import { migrate } from './platform/migrate.ts';

const USAGE = `Usage: lotse <command>

  migrate                          apply pending database migrations
  admin create --email E --name N --agency A [--kind K] [--password-stdin]
                                   create an agency administrator (and the agency if new);
                                   prints a one-time link to set the password unless
                                   --password-stdin gives it
  audit verify [--anchor FILE] [--unsealed-limit-minutes N]
                                   seal pending entries, then check the keyed hash chains of the
                                   audit log (exit 1 if broken); with an anchor also a cut-off tail
  audit anchor [--out FILE]        write the current chain heads (to FILE or stdout); keep the file
                                   elsewhere and pass it to audit verify --anchor later
  backup --out FILE                embedded database: write a compressed copy of the data directory
  restore --from FILE              embedded database: restore such a copy into an empty LOTSE_DATA_DIR
  demo                             embedded database: create the demo agencies if it is empty

Configuration comes from the same environment variables as the server (DATABASE_URL, LOTSE_DATA_DIR);
on PostgreSQL the CLI connects as the owner (LOTSE_OWNER_DATABASE_URL, else DATABASE_URL).`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  stdin(): Promise<string>;
}

const processIo: CliIo = {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  async stdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Runs one CLI command against an open database; returns the process exit code. */
export async function runCommand(argv: string[], ctx: AppContext, io: CliIo): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (command === 'migrate') {
    const applied = await migrate(ctx.db);
    io.out(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    return 0;
  }
  if (command === 'audit' && sub === 'verify') return auditVerify(rest, ctx, io);
  if (command === 'audit' && sub === 'anchor') return auditAnchor(rest, ctx, io);
  if (command === 'admin' && sub === 'create') return createAdmin(rest, ctx, io);
  if (command === 'demo') {
    if (ctx.db.kind !== 'pglite') {
      io.err('Demo data is only for the embedded database; it is never written to a PostgreSQL server.');
      return 2;
    }
    await migrate(ctx.db);
    io.out(
      (await seedDemoIfEmpty(ctx))
        ? 'Demo installation created.'
        : 'The database is not empty; nothing done.',
    );
    return 0;
  }
  io.err(USAGE);
  return 2;
}

async function auditVerify(args: string[], ctx: AppContext, io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { anchor: { type: 'string' }, 'unsealed-limit-minutes': { type: 'string' } },
  });
  const minutes = values['unsealed-limit-minutes'];
  if (minutes !== undefined && !/^\d+$/.test(minutes)) {
    io.err('--unsealed-limit-minutes needs a whole number of minutes');
    return 2;
  }
  let anchor: AuditAnchor | undefined;
  if (values.anchor) {
    try {
      anchor = JSON.parse(await readFile(values.anchor, 'utf8')) as AuditAnchor;
    } catch (err) {
      io.err(`Cannot read the anchor ${values.anchor}: ${(err as Error).message}`);
      return 2;
    }
    if (anchor?.format !== 'lotse-audit-anchor/1' || !Array.isArray(anchor.chains)) {
      io.err(`${values.anchor} is not an anchor written by lotse audit anchor.`);
      return 2;
    }
  }
  const key = auditKey(ctx.config);
  // Seal what is committed, so that only entries of transactions still running remain open.
  await sealAuditLog(ctx.db, key);
  const result = await verifyAuditChain(ctx.db, key, {
    ...(anchor ? { anchor } : {}),
    unsealedLimitMs: minutes === undefined ? DEFAULT_UNSEALED_LIMIT_MS : Number(minutes) * 60_000,
  });
  const pending = result.unsealed ? ` ${result.unsealed} not sealed yet.` : '';
  if (result.ok) {
    io.out(
      `Audit log intact: ${result.entries} entries in ${result.chains} chain(s)${anchor ? `, anchor of ${anchor.createdAt} holds` : ''}.${pending}`,
    );
    return 0;
  }
  io.err(`AUDIT LOG TAMPERED: ${result.problems.length} problem(s) in ${result.entries} entries.${pending}`);
  for (const p of result.problems.slice(0, 50)) io.err(`  chain ${p.chainKey}, entry ${p.seq}: ${p.problem}`);
  return 1;
}

async function auditAnchor(args: string[], ctx: AppContext, io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  const key = auditKey(ctx.config);
  await sealAuditLog(ctx.db, key);
  const anchor = await createAuditAnchor(ctx.db, key, ctx.clock.now());
  const text = `${JSON.stringify(anchor, null, 2)}\n`;
  if (!values.out) {
    io.out(text.trimEnd());
    return 0;
  }
  await writeFile(values.out, text);
  io.out(
    `Anchor of ${anchor.chains.length} chain(s) written to ${values.out}. Keep it away from the database server; check later with: lotse audit verify --anchor ${values.out}`,
  );
  return 0;
}

async function createAdmin(args: string[], ctx: AppContext, io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      agency: { type: 'string' },
      kind: { type: 'string', default: 'jobcenter' },
      'password-stdin': { type: 'boolean', default: false },
    },
  });
  const email = emailAddress.safeParse(values.email ?? '');
  const kind = agencyKind.safeParse(values.kind);
  if (!email.success || !values.name?.trim() || !values.agency?.trim() || !kind.success) {
    io.err(
      'admin create needs --email, --name, --agency and a --kind of jobcenter, social_office, pension_insurance, provider, network',
    );
    return 2;
  }
  const password = values['password-stdin'] ? (await io.stdin()).replace(/\r?\n$/, '') : undefined;
  if (password !== undefined) {
    try {
      assertAcceptablePassword(password, [email.data, values.name, values.agency]);
    } catch (err) {
      io.err((err as Error).message);
      return 2;
    }
  }
  await migrate(ctx.db);
  return withSystem(ctx, async (tx, now) => {
    if ((await tx.query('SELECT 1 FROM users WHERE email = $1', [email.data])).rowCount > 0) {
      io.err(`A user with the e-mail address ${email.data} exists already.`);
      return 1;
    }
    const agency = await tx.query<{ id: string }>(
      `INSERT INTO agencies (name, kind, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [values.agency?.trim(), kind.data, now],
    );
    const agencyId = agency.rows[0]?.id as string;
    const user = await tx.query<{ id: string }>(
      `INSERT INTO users (agency_id, email, display_name, roles, status, password_hash, password_changed_at, created_at, updated_at)
       VALUES ($1, $2, $3, ARRAY['admin'], $4, $5, $6, $7, $7) RETURNING id`,
      [
        agencyId,
        email.data,
        values.name?.trim(),
        password ? 'active' : 'invited',
        password ? await hashPassword(password) : null,
        password ? now : null,
        now,
      ],
    );
    const userId = user.rows[0]?.id as string;
    await appendAudit(
      tx,
      { action: 'cli.admin.create', agencyId, actorUserId: null, resourceType: 'user', resourceId: userId },
      now,
    );
    io.out(`Administrator ${email.data} created in agency "${values.agency}".`);
    if (!password) {
      const token = newToken();
      await tx.query(
        `INSERT INTO one_time_tokens (token_hash, agency_id, user_id, purpose, created_at, expires_at)
         VALUES ($1, $2, $3, 'invite', $4, $5)`,
        [tokenHash(token), agencyId, userId, now, new Date(now.getTime() + 7 * 86_400_000)],
      );
      io.out(
        `Set the password within 7 days at: ${ctx.config.publicUrl ?? 'http://<host>'}/einladung/${token}`,
      );
    }
    io.out('At the first sign-in the administrator sets up two-factor authentication (required for admins).');
    return 0;
  });
}

async function backup(db: Database, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { out: { type: 'string' } } });
  if (!db.dumpDataDir) {
    io.err(
      'On PostgreSQL use the server tools, e.g.: pg_dump --format=custom --file=lotse.dump "$DATABASE_URL"',
    );
    return 2;
  }
  if (!values.out) {
    io.err('backup needs --out FILE (e.g. lotse-backup.tar.gz)');
    return 2;
  }
  const dump = await db.dumpDataDir();
  await writeFile(values.out, Buffer.from(await dump.arrayBuffer()));
  io.out(
    `Backup written to ${values.out}. Restore it with: lotse restore --from ${values.out} (into an empty LOTSE_DATA_DIR).`,
  );
  return 0;
}

/** Restores a backup into an empty embedded data directory; refuses to overwrite existing data. */
async function restore(config: Config, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' } } });
  if (config.database.kind !== 'pglite') {
    io.err('On PostgreSQL use the server tools, e.g.: pg_restore --dbname="$DATABASE_URL" lotse.dump');
    return 2;
  }
  if (!values.from) {
    io.err('restore needs --from FILE');
    return 2;
  }
  if (existsSync(config.database.dataDir) && readdirSync(config.database.dataDir).length > 0) {
    io.err(`${config.database.dataDir} already holds a database; restore only into an empty LOTSE_DATA_DIR.`);
    return 1;
  }
  const db = await openPglite(config.database.dataDir, new Blob([await readFile(values.from)]));
  const agencies = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agencies');
  await db.close();
  io.out(`Restored ${values.from} into ${config.dataDir} (${agencies.rows[0]?.n ?? 0} agencies).`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
    processIo.out(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  const config = loadConfig();
  const unlock = config.database.kind === 'pglite' ? lockDataDir(config.dataDir) : () => undefined;
  if (argv[0] === 'restore') {
    try {
      return await restore(config, argv.slice(1), processIo);
    } finally {
      unlock();
    }
  }
  const db = await openOwnerDatabase(config);
  try {
    const ctx: AppContext = { config, db, clock: systemClock, log: createLogger('warn') };
    if (argv[0] === 'backup') return await backup(db, argv.slice(1), processIo);
    return await runCommand(argv, ctx, processIo);
  } finally {
    await db.close();
    unlock();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
      else console.error(err);
      process.exit(1);
    },
  );
}
