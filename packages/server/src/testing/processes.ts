import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface RunningProcess {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts the server's main or CLI as a real process, the way `npm start` / `npm run lotse` do. */
export function startProcess(
  entry: 'main' | 'cli',
  args: string[],
  env: Record<string, string>,
  stdin?: string,
): RunningProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', `packages/server/src/${entry}.ts`, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  if (stdin !== undefined) child.stdin?.end(stdin);
  else child.stdin?.end();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** Bound for a test that starts processes: generous, because it only has to catch a hang. */
export const PROCESS_TEST_TIMEOUT = 20 * 60_000;

/**
 * Waits until the server answers its health check. Readiness, not a stopwatch: on a loaded machine
 * start-up (migrations, demo seeding) can take minutes, so the wait ends when the server is ready or
 * its process has exited. The overall bound only catches a process that hangs for good.
 */
export async function waitForHealth(baseUrl: string, proc: RunningProcess, hangGuardMs = 15 * 60_000) {
  const until = Date.now() + hangGuardMs;
  while (Date.now() < until) {
    if (proc.child.exitCode !== null) throw new Error(`process exited early:\n${proc.output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return (await res.json()) as { status: string; database: string };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `no health answer within ${hangGuardMs} ms (process still running, hung?):\n${proc.output()}`,
  );
}

export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}
