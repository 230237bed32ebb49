import { describe, expect, it } from 'vitest';
import { type ColumnInfo, renderSchemaTypes, tsTypeOf } from './generate.ts';

const column = (type: string, nullable = false): ColumnInfo => ({ table: 't', column: 'c', type, nullable });

describe('row type generator', () => {
  it('maps each column type to what the driver returns, null for nullable columns', () => {
    expect(tsTypeOf(column('int8'))).toBe('number');
    expect(tsTypeOf(column('numeric'))).toBe('string');
    expect(tsTypeOf(column('date'))).toBe('string');
    expect(tsTypeOf(column('timestamptz', true))).toBe('Date | null');
    expect(tsTypeOf(column('jsonb'))).toBe('unknown');
    expect(tsTypeOf(column('_uuid'))).toBe('string[]');
    expect(tsTypeOf(column('_float8', true))).toBe('number[] | null');
  });

  it('refuses a type it has no mapping for, naming the column, instead of guessing', () => {
    expect(() => tsTypeOf(column('interval'))).toThrow(/t\.c has type interval/);
    // pg returns int8[] and date[] elements as strings or Dates, unlike the scalar parsers of db.ts.
    expect(() => tsTypeOf(column('_int8'))).toThrow(/t\.c has type _int8/);
    expect(() => tsTypeOf(column('_date'))).toThrow(/t\.c has type _date/);
  });

  it('renders one interface per table in name order and the Tables map', () => {
    const source = renderSchemaTypes([
      { table: 'sessions', column: 'id', type: 'text', nullable: false },
      { table: 'audit_log', column: 'id', type: 'int8', nullable: false },
      { table: 'audit_log', column: 'sealed_at', type: 'timestamptz', nullable: true },
    ]);
    expect(source).toMatch(/^\/\/ Generated .*do not edit\./);
    expect(source).toContain('`npm run db:types`');
    expect(source).toContain(
      [
        'export interface AuditLogTable {',
        '  id: number;',
        '  sealed_at: Date | null;',
        '}',
        '',
        'export interface SessionsTable {',
        '  id: string;',
        '}',
        '',
        'export interface Tables {',
        '  audit_log: AuditLogTable;',
        '  sessions: SessionsTable;',
        '}',
        '',
      ].join('\n'),
    );
  });
});
