/**
 * `npm run db:types` writes schema.generated.ts from the migrated schema; `-- --check` only compares
 * (npm test). `--out <file>` writes or checks another file (tests).
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { generateSchemaTypes, SCHEMA_TYPES_FILE, staleness } from './generate.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean' }, out: { type: 'string' } } });
const file = values.out ?? SCHEMA_TYPES_FILE;
const source = await generateSchemaTypes();
if (values.check) {
  const problem = await staleness(file, source);
  if (problem) {
    console.error(`ERROR: ${problem}`);
    process.exitCode = 1;
  } else {
    console.log(`${file} matches the migrated schema.`);
  }
} else {
  await writeFile(file, source);
  console.log(`wrote ${file}`);
}
