// `npm test`: the whole suite, in the order a reviewer would check it. Every step runs even after a
// failure so the totals are complete; the last line is always `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEnv } from './ensure-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.test-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const summary = [];
const totals = { passed: 0, failed: 0 };
const warnings = [];
let stepNumber = 0;

function record(name, passed, failed, note = '') {
  totals.passed += passed;
  totals.failed += failed;
  summary.push({ name, passed, failed, note });
}

function header(title, command) {
  stepNumber += 1;
  console.log(`\n${'='.repeat(100)}\n== ${stepNumber}. ${title}${command ? `: ${command.join(' ')}` : ''}`);
  console.log('='.repeat(100));
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('error', (error) => {
      console.error(`ERROR: could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A step that is a single check: it counts as 1 passed or 1 failed. */
async function check(title, command, args, env) {
  header(title, [command.startsWith(root) ? command.slice(root.length + 1) : command, ...args]);
  const code = await run(command, args, env);
  record(title, code === 0 ? 1 : 0, code === 0 ? 0 : 1, code === 0 ? '' : `exit code ${code}`);
}

/**
 * Counts a vitest JSON report. Tests skipped because their beforeAll failed and files that failed to
 * load have no failed test of their own, so each failed file without one counts as one failure.
 */
function countReport(report) {
  let failed = report.numFailedTests;
  for (const file of report.testResults) {
    const hasFailedTest = file.assertionResults.some((test) => test.status === 'failed');
    if (file.status === 'failed' && !hasFailedTest) failed += 1;
  }
  return { passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests };
}

async function vitest(project, env) {
  const outputFile = join(resultsDir, `vitest-${project}.json`);
  rmSync(outputFile, { force: true });
  // --passWithNoTests keeps the pipeline usable while a project has no files yet; we warn below.
  const args = ['run', '--project', project, '--passWithNoTests', '--reporter=default', '--reporter=json'];
  args.push(`--outputFile=${outputFile}`);
  header(`Vitest project ${project}`, ['vitest', ...args]);
  const code = await run(bin('vitest'), args, env);

  let counts = { passed: 0, failed: 0, skipped: 0 };
  let note = code === 0 ? '' : `exit code ${code}`;
  if (existsSync(outputFile)) {
    counts = countReport(JSON.parse(readFileSync(outputFile, 'utf8')));
  } else {
    note = `no JSON report, exit code ${code}`;
  }
  // Unhandled errors, crashes and failed setup make vitest exit non-zero without a failed test.
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  if (counts.skipped > 0) note = [note, `${counts.skipped} skipped/todo`].filter(Boolean).join(', ');
  if (code === 0 && counts.passed + counts.failed === 0) {
    const warning = `WARNING: project ${project} ran 0 tests`;
    console.log(`\n${warning}\n`);
    warnings.push(warning);
  }
  record(`vitest ${project}`, counts.passed, counts.failed, note);
}

mkdirSync(resultsDir, { recursive: true });

header('Environment (Chromium, PostgreSQL, pdftotext)');
const { env, problems } = await ensureEnv();
// A missing tool is a failure, not a skip; the affected tests still run and show what breaks.
for (const problem of problems) record(`environment: ${problem}`, 0, 1, 'see ERROR above');
for (const [key, value] of Object.entries(env)) console.log(`${key}=${value}`);

await check('Lint (biome check .)', bin('biome'), ['check', '.'], env);
// One project per package (tsconfig.json references them); declarations go to node_modules/.cache/tsc.
await check('Type-check (tsc -b)', bin('tsc'), ['-b'], env);
// The layers of docs/ARCHITECTURE.md: a forbidden import (see .dependency-cruiser.cjs) fails this step.
await check(
  'Dependency rules (depcruise)',
  bin('depcruise'),
  ['packages', '--config', '.dependency-cruiser.cjs'],
  env,
);
// Row types of the repositories come from the migrated schema (platform/schema.generated.ts): a
// migration that changes a column without `npm run db:types` fails here, and the type-check then
// shows every query the change breaks.
await check(
  'Row types match the migrations (db:types --check)',
  bin('tsx'),
  ['packages/server/src/platform/db-types/cli.ts', '--check'],
  env,
);
// Separate runs per project keep one database's trouble from hiding the other's results.
for (const project of ['unit', 'web', 'pglite', 'postgres']) await vitest(project, env);
await check('Build web app', 'npm', ['run', 'build', '--workspace', '@lotse/web'], env);
await vitest('e2e', env);

header('Summary');
const width = Math.max(...summary.map((step) => step.name.length));
for (const step of summary) {
  const status = step.failed > 0 ? 'FAIL' : 'ok  ';
  const counts = `${String(step.passed).padStart(5)} passed ${String(step.failed).padStart(4)} failed`;
  console.log(`${status} ${step.name.padEnd(width)} ${counts}${step.note ? `  (${step.note})` : ''}`);
}
for (const warning of warnings) console.log(warning);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
