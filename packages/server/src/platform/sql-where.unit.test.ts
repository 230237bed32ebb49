import { describe, expect, it } from 'vitest';
import { filteredPage, Where } from './sql-where.ts';

describe('Where', () => {
  it('is empty without conditions', () => {
    const where = new Where();
    expect(where.sql).toBe('');
    expect(where.params).toEqual([]);
  });

  it('numbers each value once, however often its condition uses it', () => {
    const where = new Where();
    where.add('a = $?', 1);
    where.add('(b > 0)');
    where.add('(c = $? OR d = $?)', 'x');
    expect(where.sql).toBe('WHERE a = $1 AND (b > 0) AND (c = $2 OR d = $2)');
    expect(where.params).toEqual([1, 'x']);
  });
});

describe('filteredPage', () => {
  it('puts limit and offset after the filter values and counts with the filter alone', async () => {
    const calls: [string, readonly unknown[] | undefined][] = [];
    const tx = {
      query: async (sql: string, params?: readonly unknown[]) => {
        calls.push([sql, params]);
        return { rows: sql.startsWith('SELECT count') ? [{ n: 7 }] : [{ id: 'a' }], rowCount: 1 };
      },
      exec: async () => {},
    };
    const where = new Where();
    where.add('t.kind = $?', 'k');
    const page = await filteredPage(
      tx as never,
      { select: 'SELECT t.id FROM t', from: 't', order: 't.id' },
      where,
      10,
      20,
    );
    expect(page).toEqual({ rows: [{ id: 'a' }], total: 7 });
    expect(calls).toEqual([
      ['SELECT t.id FROM t WHERE t.kind = $1 ORDER BY t.id LIMIT $2 OFFSET $3', ['k', 10, 20]],
      ['SELECT count(*)::int AS n FROM t WHERE t.kind = $1', ['k']],
    ]);
  });
});
