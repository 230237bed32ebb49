import { describe, expect, it } from 'vitest';
import {
  koelnerPhonetik,
  koelnerPhonetikSteps,
  namesSoundAlike,
  phoneticWords,
  soundAlike,
} from './name-match.ts';

describe('Kölner Phonetik', () => {
  it('follows the three published steps for "Müller-Lüdenscheidt" (letters, runs, zeros)', () => {
    expect(koelnerPhonetikSteps('Müller-Lüdenscheidt')).toEqual({
      coded: '60550750206880022',
      collapsed: '6050750206802',
      code: '65752682',
    });
  });

  it('gives the published examples (Wikipedia, Postel 1969 as implemented by Apache Commons Codec)', () => {
    const examples: [string, string][] = [
      ['Wikipedia', '3412'],
      ['Breschnew', '17863'],
      ['Müller', '657'],
      ['schmidt', '862'],
      ['schneider', '8627'],
      ['fischer', '387'],
      ['weber', '317'],
      ['wagner', '3467'],
      ['becker', '147'],
      ['hoffmann', '0366'],
      ['Schäfer', '837'],
      ['peter', '127'],
      ['pharma', '376'],
      ['mönchengladbach', '664645214'],
      ['deutsch', '28'],
      ['deutz', '28'],
      ['hamburg', '06174'],
      ['hannover', '0637'],
      ['christstollen', '478256'],
      ['Xanthippe', '48621'],
      ['Zacharias', '8478'],
      ['Holzbau', '0581'],
      ['matsch', '68'],
      ['matz', '68'],
      ['Arbeitsamt', '071862'],
      ['Eberhard', '01772'],
      ['Eberhardt', '01772'],
      ['heithabu', '021'],
      ['Aabjoe', '01'],
      ['Aaclan', '0856'],
      ['Aychlmajr', '04567'],
      ['bergisch-gladbach', '174845214'],
    ];
    for (const [name, code] of examples) expect([name, koelnerPhonetik(name)]).toEqual([name, code]);
  });

  it('codes single letters and pairs by the table', () => {
    const table: [string, string][] = [
      ['a', '0'],
      ['ä', '0'],
      ['ö', '0'],
      ['ü', '0'],
      ['y', '0'],
      ['j', '0'],
      ['aa', '0'],
      ['h', ''],
      ['ha', '0'],
      ['aha', '0'],
      ['b', '1'],
      ['p', '1'],
      ['ph', '3'],
      ['f', '3'],
      ['v', '3'],
      ['w', '3'],
      ['g', '4'],
      ['k', '4'],
      ['q', '4'],
      ['x', '48'],
      ['ax', '048'],
      ['cx', '48'],
      ['kx', '48'],
      ['l', '5'],
      ['cl', '45'],
      ['acl', '085'],
      ['mn', '6'],
      ['r', '7'],
      ['s', '8'],
      ['z', '8'],
      ['ß', '8'],
      ['dc', '8'],
      ['ts', '8'],
      ['tz', '8'],
      ['ta', '2'],
      ['sc', '8'],
      ['zc', '8'],
      ['ca', '4'],
      ['ce', '8'],
      ['ack', '04'],
    ];
    for (const [text, code] of table) expect([text, koelnerPhonetik(text)]).toEqual([text, code]);
  });

  it('gives the same code to spellings that sound alike', () => {
    for (const group of [
      ['Meier', 'Maier', 'Mair', 'Meyer', 'Meyr', 'Mejer', 'Major'],
      ['mella', 'milah', 'moulla', 'mellah', 'muehle', 'mule'],
      ['Katharina', 'Katarina', 'Catharina'],
      ['Brinkmann', 'Brinkman'],
      ['Strauß', 'Strauss', 'Straus'],
      ['Müller', 'Mueller', 'MÜLLER', 'Muller'],
      ['ganz', 'Gans', 'Gänse'],
    ]) {
      expect(new Set(group.map(koelnerPhonetik)).size, group.join(', ')).toBe(1);
    }
    expect(koelnerPhonetik('Schmidt')).not.toBe(koelnerPhonetik('Schneider'));
  });

  it('ignores accents, case and everything that is not a letter; an empty name has no code', () => {
    expect(koelnerPhonetik('José')).toBe(koelnerPhonetik('jose'));
    expect(koelnerPhonetik("O'Neill")).toBe(koelnerPhonetik('O Neill'));
    expect(koelnerPhonetik('')).toBe('');
    expect(koelnerPhonetik(' - 42 ')).toBe('');
  });

  it('treats the letter after a space or hyphen as a word start for C', () => {
    // "Clara" alone: C at the start before L is 4; inside a word after a vowel it would be 8.
    expect(koelnerPhonetik('Ana Clara')).toBe('06457');
    expect(koelnerPhonetik('Anaclara')).toBe('06857');
  });
});

describe('names that sound alike', () => {
  it('splits a name into the codes of its words', () => {
    expect(phoneticWords('Müller-Lüdenscheidt')).toEqual(new Set(['657', '52682']));
    expect(phoneticWords('  ')).toEqual(new Set());
  });

  it('matches a double name on one of its parts', () => {
    expect(soundAlike('Müller-Lüdenscheidt', 'Mueller')).toBe(true);
    expect(soundAlike('Schmidt', 'Schneider')).toBe(false);
  });

  it('finds "Katarina Brinkman" for "Katharina Brinkmann", also with first and last name swapped', () => {
    const existing = { firstName: 'Katharina', lastName: 'Brinkmann' };
    expect(namesSoundAlike(existing, { firstName: 'Katarina', lastName: 'Brinkman' })).toBe(true);
    expect(namesSoundAlike(existing, { firstName: 'Brinkman', lastName: 'Katarina' })).toBe(true);
    // A sibling with the same last name but another first name is not a match.
    expect(namesSoundAlike(existing, { firstName: 'Jonas', lastName: 'Brinkmann' })).toBe(false);
    expect(namesSoundAlike(existing, { firstName: 'Katharina', lastName: 'Becker' })).toBe(false);
  });
});
