import type { Config } from './config.ts';
import { type Database, openPglite, openPostgres } from './db.ts';

export function openDatabase(config: Config): Promise<Database> {
  return config.database.kind === 'postgres'
    ? openPostgres(config.database.url, config.database.poolSize)
    : openPglite(config.database.dataDir);
}
