import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX, PASSWORD_MIN } from '@lotse/domain';

/**
 * Password rules after NIST SP 800-63B: length 12..128, no composition rules, no rotation, but
 * rejected when the password is a known common password, a context word (agency, product, e-mail
 * name) with only digits or symbols around it, or a run of too few different characters.
 */

/** Common German passwords and words of this domain that the international lists miss. */
const germanAndDomainWords = [
  'passwort', 'kennwort', 'geheim', 'hallo', 'schatz', 'sommer', 'winter', 'fruehling', 'herbst',
  'schalke', 'bayern', 'borussia', 'dortmund', 'fussball', 'deutschland', 'berlin', 'hamburg',
  'muenchen', 'koeln', 'ichliebedich', 'schatzi', 'mausi', 'hase', 'engel', 'sonne', 'blume',
  'jobcenter', 'arbeitsagentur', 'sozialamt', 'rentenversicherung', 'lotse', 'lotsin', 'teilhabe',
  'willkommen', 'anmelden', 'benutzer', 'administrator', 'admin', 'qwertz', 'qwertzuiop', 'asdfgh',
  'ennepe', 'ruhr', 'maerkischer', 'westfalen', 'nordrhein', 'montag', 'freitag', 'januar', 'dezember',
];

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set([...dictionary['passwords-common'], ...germanAndDomainWords].map((w) => w.toLowerCase()));
  return common;
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'context' | 'repetitive';

const letterCore = (s: string) => s.toLowerCase().replace(/[^\p{L}]+/gu, '');
const foldUmlauts = (s: string) =>
  s.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');

/**
 * Checks a new password. `contextWords` are words an attacker would try first for this user:
 * agency name parts, the e-mail's local part, the display name.
 */
export function checkPassword(password: string, contextWords: readonly string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  if (new Set(password.toLowerCase()).size < 5) return 'repetitive';

  const lower = password.toLowerCase();
  const core = foldUmlauts(letterCore(password));
  const list = commonPasswords();
  if (list.has(lower) || list.has(foldUmlauts(lower)) || (core.length > 0 && list.has(core))) return 'common';

  const context = contextWords
    .flatMap((w) => foldUmlauts(w.toLowerCase()).split(/[^\p{L}]+/u))
    .filter((w) => w.length >= 3);
  if (core.length > 0 && context.some((w) => core === w || core === w + w)) return 'context';
  return null;
}

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: `Das Passwort muss mindestens ${PASSWORD_MIN} Zeichen lang sein.`,
  too_long: `Das Passwort darf höchstens ${PASSWORD_MAX} Zeichen lang sein.`,
  common: 'Dieses Passwort ist zu bekannt und leicht zu erraten. Bitte wählen Sie ein anderes.',
  context: 'Das Passwort besteht im Kern aus Ihrem Namen, Ihrer E-Mail oder dem Namen der Behörde.',
  repetitive: 'Das Passwort besteht aus zu wenigen verschiedenen Zeichen.',
};
