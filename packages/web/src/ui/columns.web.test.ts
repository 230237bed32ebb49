import { describe, expect, it } from 'vitest';
import { textColumns } from './columns.ts';

describe('textColumns', () => {
  it('heads each column with the text of its key under the prefix, in order', () => {
    const t = (key: string) => `<${key}>`;
    expect(textColumns(t, 'audit', ['at', 'action'])).toEqual([
      { label: '<audit.at>' },
      { label: '<audit.action>' },
    ]);
  });
});
