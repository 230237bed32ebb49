/**
 * The load generator of bench/load-mixed.ts, run as its own process so that it does not take the
 * server's CPU: one autocannon instance per connection, each pinned to one signed-in guide, picks a
 * request kind by weight for every request and times it (start at request set-up, end at response).
 * Reads its plan (JSON) from the file named in argv[2], writes the results (JSON) to argv[3].
 */
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadSession {
  cookie: string;
  clientIds: string[];
}
export interface LoadKind {
  name: string;
  weight: number;
  method: 'GET' | 'POST';
  /** `:client` is replaced by one of the guide's clients, `:search` by a search term. */
  path: string;
  body?: unknown;
}
export interface LoadPlan {
  baseUrl: string;
  durationSeconds: number;
  sessions: LoadSession[];
  kinds: LoadKind[];
  searchTerms: string[];
}
export interface KindResult {
  name: string;
  latencies: number[];
  non2xx: number;
  ok: number;
  /** Requests sent; sent - answered were still in flight when the run stopped. */
  sent: number;
}

async function main() {
  const plan = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as LoadPlan;
  const results = new Map<string, KindResult>(
    plan.kinds.map((k) => [k.name, { name: k.name, latencies: [], non2xx: 0, ok: 0, sent: 0 }]),
  );
  const totalWeight = plan.kinds.reduce((a, k) => a + k.weight, 0);
  const pickKind = () => {
    let x = Math.random() * totalWeight;
    for (const k of plan.kinds) {
      x -= k.weight;
      if (x < 0) return k;
    }
    return plan.kinds[0] as LoadKind;
  };
  let errors = 0;
  const runs = plan.sessions.map(
    (session) =>
      new Promise<void>((resolve, reject) => {
        const instance = autocannon(
          {
            url: plan.baseUrl,
            connections: 1,
            duration: plan.durationSeconds,
            requests: [
              {
                setupRequest: (req, ctx) => {
                  const context = ctx as Record<string, unknown>;
                  const kind = pickKind();
                  const client = session.clientIds[Math.floor(Math.random() * session.clientIds.length)];
                  const term = plan.searchTerms[Math.floor(Math.random() * plan.searchTerms.length)];
                  context.kind = kind.name;
                  const counted = results.get(kind.name);
                  if (counted) counted.sent++;
                  context.t0 = performance.now();
                  return {
                    ...req,
                    method: kind.method,
                    path: kind.path
                      .replace(':client', client as string)
                      .replace(':search', encodeURIComponent(term as string)),
                    headers: {
                      cookie: session.cookie,
                      ...(kind.body ? { 'content-type': 'application/json' } : {}),
                    },
                    ...(kind.body ? { body: JSON.stringify(kind.body) } : {}),
                  };
                },
                onResponse: (status, _body, ctx) => {
                  const context = ctx as Record<string, unknown>;
                  const r = results.get(context.kind as string);
                  if (!r) return;
                  r.latencies.push(performance.now() - (context.t0 as number));
                  if (status >= 200 && status < 300) r.ok++;
                  else r.non2xx++;
                },
              },
            ],
          },
          (err, result) => {
            if (err) return reject(err);
            errors += result.errors + result.timeouts;
            resolve();
          },
        );
        void instance;
      }),
  );
  const started = performance.now();
  await Promise.all(runs);
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(process.argv[3] as string, JSON.stringify({ seconds, errors, kinds: [...results.values()] }));
}

await main();
