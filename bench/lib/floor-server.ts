/**
 * The floor of the load benchmark: a bare Fastify server with one route that runs one primary-key
 * SELECT on the same database, with the same pool size as Lotse. Started as its own process exactly
 * like the Lotse server (DATABASE_URL or LOTSE_DATA_DIR, PORT); prints "ready" when it listens.
 */
import path from 'node:path';
import Fastify from 'fastify';
import { type Database, openPglite, openPostgres } from '../../packages/server/src/platform/db.ts';

const url = process.env.DATABASE_URL;
const db: Database = url
  ? await openPostgres(url, Number(process.env.DATABASE_POOL_SIZE ?? 10))
  : await openPglite(path.join(process.env.LOTSE_DATA_DIR ?? './data', 'pglite'));
const app = Fastify({ logger: false });
app.get<{ Params: { id: string } }>('/floor/:id', async (req) => {
  const r = await db.query('SELECT id, client_number, first_name, last_name FROM clients WHERE id = $1', [
    req.params.id,
  ]);
  return r.rows[0] ?? {};
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
console.log('ready');
const stop = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
