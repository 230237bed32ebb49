import { PASSWORD_MAX, PASSWORD_MIN } from '@lotse/domain';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password rules after NIST SP 800-63B: length 12..128, no composition rules, no rotation, but
 * rejected when the password is a known common password, a context word (agency, product, e-mail
 * name) with only digits or symbols around it, or a run of too few different characters.
 */

/** Common German passwords and words of this domain that the international lists miss. */
const germanAndDomainWords = [
  'passwort',
  'kennwort',
  'geheim',
  'hallo',
  'schatz',
  'sommer',
  'winter',
  'fruehling',
  'herbst',
  'schalke',
  'bayern',
  'borussia',
  'dortmund',
  'fussball',
  'deutschland',
  'berlin',
  'hamburg',
  'muenchen',
  'koeln',
  'ichliebedich',
  'schatzi',
  'mausi',
  'hase',
  'engel',
  'sonne',
  'blume',
  'jobcenter',
  'arbeitsagentur',
  'sozialamt',
  'rentenversicherung',
  'lotse',
  'lotsin',
  'teilhabe',
  'willkommen',
  'anmelden',
  'benutzer',
  'administrator',
  'admin',
  'qwertz',
  'qwertzuiop',
  'asdfgh',
  'ennepe',
  'ruhr',
  'maerkischer',
  'westfalen',
  'nordrhein',
  'montag',
  'freitag',
  'januar',
  'dezember',
];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    [...dictionary['passwords-common'], ...germanAndDomainWords].map((w) => w.toLowerCase()),
  );
  return common;
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'context' | 'repetitive';

/** Keyboard rows (US and German layout), alphabet and digits: runs along them are not secrets. */
const SEQUENCES = [
  'qwertyuiopasdfghjklzxcvbnm',
  'qwertzuiopasdfghjklyxcvbnm',
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789'.repeat(4),
];
const isSequence = (s: string) =>
  SEQUENCES.some((seq) => seq.includes(s) || [...seq].reverse().join('').includes(s));

/** "wordword" and "wordwordword" count as "word". */
function unrepeated(s: string): string {
  for (let size = 1; size <= s.length / 2; size++) {
    if (s.length % size === 0 && s.slice(0, size).repeat(s.length / size) === s) return s.slice(0, size);
  }
  return s;
}

const letterCore = (s: string) => s.toLowerCase().replace(/[^\p{L}]+/gu, '');
const foldUmlauts = (s: string) =>
  s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

/** Letters and digits only, lower case, umlauts folded: "Jobcenter EN (Demo)" -> "jobcenterendemo". */
const compact = (s: string) => foldUmlauts(s.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Checks a new password. `contextWords` are words an attacker would try first for this user:
 * agency name parts, the e-mail's local part, the display name.
 */
export function checkPassword(
  password: string,
  contextWords: readonly string[] = [],
): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5 || isSequence(lower.replace(/\s+/g, ''))) return 'repetitive';

  const core = unrepeated(foldUmlauts(letterCore(password)));
  const list = commonPasswords();
  const known = (s: string) => list.has(s) || list.has(unrepeated(s));
  if (known(lower) || known(foldUmlauts(lower)) || (core.length > 0 && list.has(core))) return 'common';

  const context = contextWords
    .flatMap((w) => foldUmlauts(w.toLowerCase()).split(/[^\p{L}]+/u))
    .filter((w) => w.length >= 3);
  if (core.length > 0 && context.includes(core)) return 'context';
  // The whole name, e-mail name or agency name anywhere in the password, whatever the spacing,
  // case or punctuation ("Wiebke Sturmhövel 1984 ok"): the first guesses of anybody who knows the user.
  const compactPassword = compact(password);
  if (contextWords.map(compact).some((phrase) => phrase.length >= 5 && compactPassword.includes(phrase)))
    return 'context';
  return null;
}

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: `Das Passwort muss mindestens ${PASSWORD_MIN} Zeichen lang sein.`,
  too_long: `Das Passwort darf höchstens ${PASSWORD_MAX} Zeichen lang sein.`,
  common: 'Dieses Passwort ist zu bekannt und leicht zu erraten. Bitte wählen Sie ein anderes.',
  context: 'Das Passwort enthält Ihren Namen, Ihre E-Mail-Adresse oder den Namen der Behörde.',
  repetitive: 'Das Passwort besteht aus zu wenigen verschiedenen Zeichen.',
};
