import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDatabase } from '../../testing/test-db.ts';
import { ARRAY_ELEMENTS, TS_TYPES } from './generate.ts';

/** A value of each type the generator maps, as SQL. */
const SAMPLES: Record<string, string> = {
  bool: 'true',
  int2: '2',
  int4: '4',
  int8: '8',
  float4: '0.5',
  float8: '0.25',
  numeric: '12.50',
  text: `'t'`,
  varchar: `'v'`,
  bpchar: `'b'`,
  uuid: `'00000000-0000-4000-8000-000000000000'`,
  date: `'2026-12-03'`,
  timestamptz: `'2026-12-03T10:00:00Z'`,
  timestamp: `'2026-12-03T10:00:00'`,
  json: `'{"a":1}'`,
  jsonb: `'{"a":1}'`,
  bytea: `'\\x0102'`,
};

/** Whether a value the driver returned has the TypeScript type the generator writes. */
function hasType(value: unknown, tsType: string): boolean {
  if (tsType.endsWith('[]'))
    return Array.isArray(value) && value.every((element) => hasType(element, tsType.slice(0, -2)));
  if (tsType === 'Date') return value instanceof Date;
  if (tsType === 'Uint8Array') return value instanceof Uint8Array;
  // Parsed JSON, not its text.
  if (tsType === 'unknown') return typeof value === 'object' && value !== null;
  return typeof value === tsType;
}

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

describe('row types of schema.generated.ts', () => {
  it('have a sample for every type the generator maps', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(TS_TYPES).sort());
  });

  it('are what the driver returns for each column type, scalars and arrays', async () => {
    const wrong: string[] = [];
    for (const [type, tsType] of Object.entries(TS_TYPES)) {
      const scalar = await t.appDb.query<{ v: unknown }>(`SELECT ${SAMPLES[type]}::${type} AS v`);
      if (!hasType(scalar.rows[0]?.v, tsType)) wrong.push(`${type}: ${String(scalar.rows[0]?.v)}`);
      if (!ARRAY_ELEMENTS.has(type)) continue;
      const array = await t.appDb.query<{ v: unknown }>(`SELECT ARRAY[${SAMPLES[type]}::${type}] AS v`);
      if (!hasType(array.rows[0]?.v, `${tsType}[]`)) wrong.push(`${type}[]: ${String(array.rows[0]?.v)}`);
    }
    expect(wrong).toEqual([]);
  });
});
