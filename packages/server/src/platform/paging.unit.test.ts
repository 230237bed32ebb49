import { describe, expect, it } from 'vitest';
import { pageOf, pageOffset } from './paging.ts';

describe('paging', () => {
  it('skips the rows of the pages before', () => {
    expect(pageOffset({ page: 1, pageSize: 25 })).toBe(0);
    expect(pageOffset({ page: 3, pageSize: 25 })).toBe(50);
  });

  it('answers the items with the page asked for and the total', () => {
    expect(pageOf({ page: 2, pageSize: 10 }, ['a'], 11)).toEqual({
      items: ['a'],
      page: 2,
      pageSize: 10,
      total: 11,
    });
  });
});
