import { describe, expect, it } from 'vitest';
import { textColumns } from './columns.ts';

describe('textColumns', () => {
  const t = (key: string) => `<${key}>`;

  it('heads each column with the text of its key under the prefix, in order', () => {
    expect(textColumns(t, 'audit', ['at', 'action'])).toEqual([
      { label: '<audit.at>' },
      { label: '<audit.action>' },
    ]);
  });

  it('gives each column the flags', () => {
    expect(textColumns(t, 'budgets', ['spent'], { numeric: true })).toEqual([
      { label: '<budgets.spent>', numeric: true },
    ]);
  });
});
