// `npm start`: builds the web app when its sources are newer than the build, then runs the server
// (TypeScript via tsx, no compile step) and mirrors its lifetime: signals go to it, its exit code is ours.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const web = join(root, 'packages', 'web');
const builtIndex = join(web, 'dist', 'index.html');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function webBuildIsStale() {
  if (!existsSync(builtIndex)) return true;
  const sources = Math.max(newestMtime(join(web, 'src')), newestMtime(join(web, 'index.html')));
  return sources > statSync(builtIndex).mtimeMs;
}

if (!existsSync(join(web, 'index.html'))) {
  console.warn('WARNING: packages/web/index.html does not exist yet; starting the server without a web app.');
} else if (webBuildIsStale()) {
  console.log('Building the web app (npm run build --workspace @lotse/web)');
  const build = spawnSync('npm', ['run', 'build', '--workspace', '@lotse/web'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    // The API is still useful without the UI, so a broken build should not keep the server down.
    console.warn('WARNING: the web app build failed; the server starts with the previous build, if any.');
  }
}

const server = spawn(
  process.execPath,
  ['--import', 'tsx', 'packages/server/src/main.ts', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

// Forward the signal instead of dying with it, so the server can shut down cleanly first.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}

server.on('error', (error) => {
  console.error(`Could not start the server: ${error.message}`);
  process.exit(1);
});
server.on('exit', (code, signal) => {
  // A child killed by a signal gets the conventional shell code 128 + signal number.
  process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
});
