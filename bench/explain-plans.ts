/**
 * Writes the query plans of the guide's read paths next to their code, like Immich keeps its SQL:
 * every SELECT a request runs, with EXPLAIN (ANALYZE, BUFFERS) on a loaded data set, as the app role
 * with the actor's agency set (row-level security in the plan, as in production).
 *
 * The real service functions run (client page, progress, caseload, search, lists); a wrapper around
 * the transaction runs each SELECT once (warm-up), then explains it; the transaction is rolled back at
 * the end, so nothing (not even the audit entries) stays behind.
 *
 * Run: BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/lotse_bench node --import tsx bench/explain-plans.ts
 *      (a database loaded with bench/data-set.ts, or a kept bench/query-latency.ts database)
 *      BENCH_GUIDE=email BENCH_LEAD=email choose the actors (default: the guide with the median
 *      open caseload of the first agency, and that agency's lead).
 * Writes packages/server/src/features/{caseload,clients,assessments}/*.plans.md
 */

import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as assessments from '../packages/server/src/features/assessments/assessments.service.ts';
import { caseload } from '../packages/server/src/features/caseload/caseload.service.ts';
import * as clients from '../packages/server/src/features/clients/clients.service.ts';
import * as contacts from '../packages/server/src/features/contacts/contacts.service.ts';
import * as goals from '../packages/server/src/features/goals/goals.service.ts';
import * as referrals from '../packages/server/src/features/referrals/referrals.service.ts';
import { ManualClock } from '../packages/server/src/platform/clock.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import type { Actor, AppContext } from '../packages/server/src/platform/context.ts';
import {
  type Database,
  openPostgres,
  type Queryable,
  type TransactionSettings,
} from '../packages/server/src/platform/db.ts';
import { createLogger } from '../packages/server/src/platform/logger.ts';

type Role = Actor['roles'][number];

interface Explained {
  sql: string;
  params: readonly unknown[];
  plan: string;
}

class RolledBack extends Error {}

/** A database whose transactions explain every SELECT they run and are always rolled back. */
function explaining(db: Database, sink: Explained[]): Database {
  return {
    ...db,
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, settings?: TransactionSettings): Promise<T> {
      let result: T | undefined;
      await db
        .transaction(async (tx) => {
          const wrapped: Queryable = {
            exec: (sql) => tx.exec(sql),
            async query<R>(sql: string, params: readonly unknown[] = []) {
              const r = await tx.query<R>(sql, params);
              const head = sql.trim().slice(0, 6).toUpperCase();
              if ((head === 'SELECT' || head.startsWith('WITH')) && !sql.includes('set_config(')) {
                const plan = await tx.query<{ 'QUERY PLAN': string }>(
                  `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
                  params,
                );
                sink.push({ sql, params, plan: plan.rows.map((p) => p['QUERY PLAN']).join('\n') });
              }
              return r;
            },
          };
          result = await fn(wrapped);
          throw new RolledBack();
        }, settings)
        .catch((e) => {
          if (!(e instanceof RolledBack)) throw e;
        });
      return result as T;
    },
  };
}

const compact = (sql: string) =>
  sql
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n');

function section(title: string, route: string, runs: Explained[]) {
  const total = runs.reduce((s, r) => s + Number(/Execution Time: ([\d.]+)/.exec(r.plan)?.[1] ?? 0), 0);
  return [
    `## ${title}`,
    '',
    `\`${route}\`: ${runs.length} SELECT statement(s) in the request's transaction, execution ${total.toFixed(1)} ms in sum.`,
    '',
    ...runs.flatMap((r, i) => [
      `### ${i + 1}.`,
      '',
      '```sql',
      compact(r.sql),
      '```',
      '',
      `Parameters: \`${JSON.stringify(r.params).slice(0, 300)}\``,
      '',
      '```',
      r.plan,
      '```',
      '',
    ]),
  ].join('\n');
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lotse_bench';
  const raw = await openPostgres(url, 1);
  const sink: Explained[] = [];
  const db = explaining(raw, sink);
  const config = loadConfig({
    LOTSE_DATA_DIR: '/nonexistent',
    LOTSE_WEB_DIST: '/nonexistent',
    LOG_LEVEL: 'silent',
    LOTSE_SECRET_KEY: randomBytes(32).toString('base64'),
    LOTSE_AUDIT_KEY: 'a0'.repeat(32),
  });
  const ctx: AppContext = { config, db, clock: new ManualClock(new Date()), log: createLogger('silent') };

  const sys = async <T>(sql: string, params: unknown[] = []) =>
    raw.transaction(async (tx) => {
      await tx.query(`SELECT set_config('lotse.scope', 'system', true)`);
      return (await tx.query<T>(sql, params)).rows;
    });
  const userBy = async (where: string, params: unknown[]) =>
    (
      await sys<{ id: string; agency_id: string; roles: Role[]; email: string }>(
        `SELECT id, agency_id, roles, email FROM users WHERE ${where} LIMIT 1`,
        params,
      )
    )[0];
  // The guide with the median open caseload of the agency with the most clients (a typical guide).
  const guideRow = process.env.BENCH_GUIDE
    ? await userBy('email = $1', [process.env.BENCH_GUIDE])
    : await userBy(
        `id = (SELECT guide_user_id FROM (
                 SELECT k.guide_user_id, count(*) AS n, percent_rank() OVER (ORDER BY count(*)) AS pr
                   FROM cases k WHERE k.status = 'open' AND k.guide_user_id IS NOT NULL
                    AND k.agency_id = (SELECT agency_id FROM clients GROUP BY agency_id ORDER BY count(*) DESC LIMIT 1)
                  GROUP BY k.guide_user_id) g ORDER BY abs(pr - 0.5) LIMIT 1)`,
        [],
      );
  if (!guideRow) throw new Error('no guide found');
  const leadRow = process.env.BENCH_LEAD
    ? await userBy('email = $1', [process.env.BENCH_LEAD])
    : await userBy(`agency_id = $1 AND 'lead' = ANY (roles) AND status = 'active' ORDER BY email`, [
        guideRow.agency_id,
      ]);
  const client = (
    await sys<{ id: string }>(
      `SELECT k.client_id AS id FROM cases k LEFT JOIN assessments a ON a.client_id = k.client_id
        WHERE k.guide_user_id = $1 AND k.status = 'open'
        GROUP BY k.client_id ORDER BY count(a.id) DESC, k.client_id LIMIT 1`,
      [guideRow.id],
    )
  )[0]?.id as string;
  const actor = (u: NonNullable<typeof guideRow>): Actor => ({
    userId: u.id,
    agencyId: u.agency_id,
    roles: u.roles,
    sessionKey: 'explain',
  });
  const guide = actor(guideRow);
  const counts = (
    await sys<{ clients: number; assessments: number; agencies: number; open: number }>(
      `SELECT (SELECT count(*) FROM clients)::int AS clients, (SELECT count(*) FROM assessments)::int AS assessments,
              (SELECT count(DISTINCT agency_id) FROM clients)::int AS agencies,
              (SELECT count(*) FROM cases WHERE status = 'open' AND guide_user_id = $1)::int AS open`,
      [guideRow.id],
    )
  )[0];
  const version = (await raw.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]
    ?.v;
  const header = (what: string) =>
    [
      `# Query plans: ${what}`,
      '',
      `Generated by \`bench/explain-plans.ts\` (EXPLAIN (ANALYZE, BUFFERS), warm cache, as the app role`,
      `with row-level security) on PostgreSQL ${version}: ${counts?.clients} clients in ${counts?.agencies} agencies,`,
      `${counts?.assessments} assessments; the guide has ${counts?.open} open cases. Regenerate after changing`,
      'a query (see the script header for the command).',
      '',
    ].join('\n');

  const run = async (fn: () => Promise<unknown>) => {
    sink.length = 0;
    await fn();
    return [...sink];
  };
  /** One feature's `<feature>.plans.md`: the header, then a section per query. */
  const out = (feature: string, what: string, sections: Parameters<typeof section>[]) => {
    const file = fileURLToPath(
      new URL(`../packages/server/src/features/${feature}/${feature}.plans.md`, import.meta.url),
    );
    writeFileSync(file, [header(what), ...sections.map((s) => section(...s))].join('\n'));
    console.log(`wrote ${file}`);
  };

  const caseloadGuide = await run(() => caseload(ctx, guide, { weeks: 6, days: 14 }));
  const caseloadTeam = leadRow ? await run(() => caseload(ctx, actor(leadRow), { weeks: 6, days: 14 })) : [];
  out('caseload', 'caseload', [
    ['Caseload of a guide', 'GET /api/caseload', caseloadGuide],
    ['Caseload of a team lead (the whole agency)', 'GET /api/caseload (lead)', caseloadTeam],
  ]);

  const page = await run(() => clients.read(ctx, guide, client));
  const list = await run(() => clients.list(ctx, guide, { page: 1, pageSize: 50, scope: 'all' }));
  const mine = await run(() => clients.list(ctx, guide, { page: 1, pageSize: 50, scope: 'mine' }));
  const search = await run(() =>
    clients.list(ctx, guide, { page: 1, pageSize: 50, scope: 'all', query: 'Schmitt' }),
  );
  const goalsOf = await run(() => goals.list(ctx, guide, client));
  const contactsOf = await run(() => contacts.list(ctx, guide, client, 1, 50));
  const referralsOf = await run(() => referrals.list(ctx, guide, client, { page: 1, pageSize: 50 }));
  out('clients', 'client page, client list and search, lists of a client', [
    ['Client page', 'GET /api/clients/:id', page],
    ['Client list (first page)', 'GET /api/clients', list],
    ['My clients', 'GET /api/clients?scope=mine', mine],
    ['Search', 'GET /api/clients?query=Schmitt', search],
    ['Goals of a client', 'GET /api/clients/:id/goals', goalsOf],
    ['Contacts of a client', 'GET /api/clients/:id/contacts', contactsOf],
    ['Referrals of a client', 'GET /api/clients/:id/referrals', referralsOf],
  ]);

  const progress = await run(() => assessments.progress(ctx, guide, client));
  const assessmentList = await run(() => assessments.list(ctx, guide, client));
  out('assessments', 'progress and assessments of a client', [
    ['Progress', 'GET /api/clients/:id/progress', progress],
    ['Assessments of a client', 'GET /api/clients/:id/assessments', assessmentList],
  ]);
  await raw.close();
}

await main();
