import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseCell, restoreCell, toCsv } from './csv.ts';

describe('CSV writer', () => {
  it('[trust #6] prefixes cells that a spreadsheet would run as a formula with a single quote', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseCell(`${start}cmd|' /C calc'!A0`)).toBe(`'${start}cmd|' /C calc'!A0`);
    expect(neutraliseCell('=HYPERLINK("http://x.invalid","Klick")')).toBe(
      `'=HYPERLINK("http://x.invalid","Klick")`,
    );
    expect(neutraliseCell('Caritas Witten')).toBe('Caritas Witten');
    expect(neutraliseCell('a=b')).toBe('a=b');
  });

  it('[trust #6] no line of a written CSV has a field that starts a formula', () => {
    const csv = toCsv(
      ['name', 'note'],
      [
        { name: '=1+1', note: '@SUM(A1)' },
        { name: '-2;x', note: '\t=evil' },
      ],
    );
    expect(csv).toBe(`name;note\r\n'=1+1;'@SUM(A1)\r\n"'-2;x";'\t=evil\r\n`);
    fc.assert(fc.property(fc.string(), (cell) => !/^"?[=+\-@\t\r]/.test(csvField(cell))));
  });

  it('restores a neutralised cell on import, and leaves other cells alone', () => {
    fc.assert(fc.property(fc.string(), (s) => restoreCell(neutraliseCell(s)) === s));
    expect(restoreCell("'Anna")).toBe("'Anna");
    expect(restoreCell("'+49 2302 123")).toBe('+49 2302 123');
  });

  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('Sag "ja"')).toBe('"Sag ""ja"""');
    expect(csvField('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
  });
});
