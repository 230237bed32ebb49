// Runs every benchmark in bench/ one after another; each prints its own figures (and the floor it
// measured in the same run). bench/data-set.ts builds the data set the benchmarks use: not a benchmark.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const files = readdirSync(new URL('../bench/', import.meta.url))
  .filter((f) => /\.(ts|mjs)$/.test(f) && f !== 'data-set.ts' && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== bench/${file}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
