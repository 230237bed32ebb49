/**
 * Kölner Phonetik (Hans Joachim Postel, "Die Kölner Phonetik", IBM-Nachrichten 19, 1969): a phonetic
 * code for German names, so "Meier", "Mayr" and "Meyer" (67) or "Brinkmann" and "Brinkman" (176466)
 * get the same code. Used to warn about possible duplicates of a person before a record is created.
 *
 * Step 1 codes every letter by the table below (with its neighbours in the same word), step 2 collapses
 * runs of the same code, step 3 drops every 0 except a leading one.
 *
 * | letter                 | context                                         | code |
 * |------------------------|-------------------------------------------------|------|
 * | A E I J O U Y (Ä Ö Ü)  |                                                 | 0    |
 * | H                      |                                                 | -    |
 * | B                      |                                                 | 1    |
 * | P                      | not before H                                    | 1    |
 * | D T                    | not before C S Z                                | 2    |
 * | F V W; P               | P before H                                      | 3    |
 * | G K Q                  |                                                 | 4    |
 * | C                      | word start before A H K L O Q R U X             | 4    |
 * | C                      | before A H K O Q U X, not after S Z             | 4    |
 * | X                      | not after C K Q                                 | 48   |
 * | L                      |                                                 | 5    |
 * | M N                    |                                                 | 6    |
 * | R                      |                                                 | 7    |
 * | S Z (ß)                |                                                 | 8    |
 * | C                      | after S Z; word start otherwise; not before A H K O Q U X | 8 |
 * | D T                    | before C S Z                                    | 8    |
 * | X                      | after C K Q                                     | 8    |
 *
 * Letters with accents count as the base letter (é as E, ç as C), umlauts as vowels and ß as S.
 * Anything that is not a letter (hyphen, space, apostrophe) separates words: it gets no code, and the
 * letter after it is a word start for the C rules ("Anlaut"). Codes of all words are joined before
 * steps 2 and 3, as in the published example "Müller-Lüdenscheidt" → 60550750206880022 → 65752682.
 */
export interface KoelnerPhonetikSteps {
  /** Step 1: the code of each letter, joined. */
  coded: string;
  /** Step 2: runs of the same digit collapsed. */
  collapsed: string;
  /** Step 3: zeros removed except at the start: the Kölner Phonetik. */
  code: string;
}

const VOWELS = 'AEIJOUY';

/** Upper-case letters without accents; ß becomes S; every non-letter splits words. */
function wordsOf(text: string): string[][] {
  const folded = text.replaceAll('ß', 's').replaceAll('ẞ', 'S').normalize('NFD').replace(/\p{M}/gu, '');
  return folded
    .toUpperCase()
    .split(/\P{L}+/u)
    .map((word) => [...word].filter((ch) => ch >= 'A' && ch <= 'Z'))
    .filter((word) => word.length > 0);
}

function letterCode(word: string[], i: number): string {
  const ch = word[i] as string;
  const prev = word[i - 1] ?? '';
  const next = word[i + 1] ?? '';
  const nextIn = (set: string) => next !== '' && set.includes(next);
  const prevIn = (set: string) => prev !== '' && set.includes(prev);
  if (VOWELS.includes(ch)) return '0';
  switch (ch) {
    case 'H':
      return '';
    case 'B':
      return '1';
    case 'P':
      return next === 'H' ? '3' : '1';
    case 'D':
    case 'T':
      return nextIn('CSZ') ? '8' : '2';
    case 'F':
    case 'V':
    case 'W':
      return '3';
    case 'G':
    case 'K':
    case 'Q':
      return '4';
    case 'C':
      if (i === 0) return nextIn('AHKLOQRUX') ? '4' : '8';
      if (prevIn('SZ')) return '8';
      return nextIn('AHKOQUX') ? '4' : '8';
    case 'X':
      return prevIn('CKQ') ? '8' : '48';
    case 'L':
      return '5';
    case 'M':
    case 'N':
      return '6';
    case 'R':
      return '7';
    default:
      // S and Z: the only letters left.
      return '8';
  }
}

/** The three steps of the Kölner Phonetik for a text (a name, possibly with several words). */
export function koelnerPhonetikSteps(text: string): KoelnerPhonetikSteps {
  const coded = wordsOf(text)
    .map((word) => word.map((_, i) => letterCode(word, i)).join(''))
    .join('');
  const collapsed = coded.replace(/(\d)\1+/g, '$1');
  const code = collapsed.charAt(0) + collapsed.slice(1).replaceAll('0', '');
  return { coded, collapsed, code };
}

/** The Kölner Phonetik of a text: "Müller-Lüdenscheidt" → "65752682", "Wikipedia" → "3412". */
export function koelnerPhonetik(text: string): string {
  return koelnerPhonetikSteps(text).code;
}

/** The phonetic codes of each word of a name ("Müller-Lüdenscheidt" → 657 and 52682). */
export function phoneticWords(name: string): Set<string> {
  return new Set(
    wordsOf(name)
      .map((word) => koelnerPhonetik(word.join('')))
      .filter((code) => code !== ''),
  );
}

/** Two names sound alike: some word of one has the Kölner Phonetik of some word of the other. */
export function soundAlike(a: string, b: string): boolean {
  const codes = phoneticWords(a);
  return [...phoneticWords(b)].some((code) => codes.has(code));
}

/**
 * Two persons' names sound alike: first and last name each (double names match on one part),
 * or crosswise when first and last name were swapped on entry.
 */
export function namesSoundAlike(
  a: { firstName: string; lastName: string },
  b: { firstName: string; lastName: string },
): boolean {
  return (
    (soundAlike(a.firstName, b.firstName) && soundAlike(a.lastName, b.lastName)) ||
    (soundAlike(a.firstName, b.lastName) && soundAlike(a.lastName, b.firstName))
  );
}
