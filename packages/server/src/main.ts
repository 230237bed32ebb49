import { buildApp } from './app.ts';
import { protectSecretsAtRest } from './features/auth/secrets-at-rest.ts';
import { DEMO_PASSWORD, demoLogins, seedDemoIfEmpty } from './features/demo/demo.seed.ts';
import { AuditKeyError, auditKey } from './platform/audit-key.ts';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import { DataDirLockedError, lockDataDir } from './platform/data-dir-lock.ts';
import { checkAppRole, openDatabase, openOwnerDatabase } from './platform/database.ts';
import { scheduleHousekeeping } from './platform/housekeeping.ts';
import { createLogger } from './platform/logger.ts';
import { migrate } from './platform/migrate.ts';
import { prepareSpreadsheetWorker } from './platform/spreadsheet/spreadsheet.ts';

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const unlock = config.database.kind === 'pglite' ? lockDataDir(config.dataDir) : () => undefined;
  // Read or create the audit key before anything else: a server that cannot seal must not start.
  auditKey(config);
  const db = await openDatabase(config);
  const ctx: AppContext = { config, db, clock: systemClock, log };

  // Migrations run on the owner's connection, which is closed again: requests never hold it.
  const owner =
    config.database.kind === 'postgres' && config.database.ownerUrl ? await openOwnerDatabase(config) : db;
  try {
    const applied = await migrate(owner);
    if (applied.length) log.info({ migrations: applied }, 'database migrated');
  } finally {
    if (owner !== db) await owner.close();
  }
  const roleWarning = await checkAppRole(config, db);
  if (roleWarning) log.warn(roleWarning);
  // Creates the key file on first start and fails fast when the key does not fit the stored secrets.
  const converted = await protectSecretsAtRest(ctx);
  if (converted.totpSecrets || converted.recoveryCodes) log.info(converted, 'secrets at rest protected');

  if (config.demo) {
    if (await seedDemoIfEmpty(ctx)) log.info('demo installation created');
    log.warn(
      `DEMO MODE: embedded database in ${config.dataDir} with demo agencies. Never enter real client data. ` +
        `Demo log-ins (password "${DEMO_PASSWORD}"): ${demoLogins().join('; ')}`,
    );
  }

  const { app } = await buildApp(ctx);
  await app.listen({ port: config.port, host: config.host });
  prepareSpreadsheetWorker();
  const stopHousekeeping = scheduleHousekeeping(ctx);
  log.info({ database: db.kind }, `Lotse is running at http://${config.host}:${config.port}`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    try {
      stopHousekeeping();
      await app.close(); // stops accepting and waits for requests in flight
      await db.close();
    } finally {
      unlock();
      clearTimeout(force);
    }
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError || err instanceof AuditKeyError) {
    console.error(err.message);
  } else {
    console.error('Lotse could not start:', err);
  }
  process.exit(1);
});
