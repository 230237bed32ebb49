import { describe, expect, it } from 'vitest';
import { checkPassword, commonPasswordCount } from './password-policy.ts';

describe('password policy (NIST SP 800-63B)', () => {
  it('checks against a list of at least 3,000 common passwords', () => {
    expect(commonPasswordCount()).toBeGreaterThanOrEqual(3000);
  });

  it('requires at least 12 characters and allows at least 64', () => {
    expect(checkPassword('kurz-aber-1')).toBe('too_short');
    expect(checkPassword('ein langer satz')).toBeNull();
    expect(
      checkPassword(`${'x'.repeat(10)}Lange Passphrasen sind erlaubt und gut, auch mit 64+ Zeichen!!!`),
    ).toBeNull();
    expect(checkPassword('a'.repeat(129))).toBe('too_long');
  });

  it('counts characters, not bytes', () => {
    expect(checkPassword('ÄÖÜäöüß€€€€')).toBe('too_short');
  });

  it('has no composition rules: lower-case words only are fine', () => {
    expect(checkPassword('pferd batterie heftklammer')).toBeNull();
  });

  it.each(['passwordpassword', 'Passwort12345', 'ichliebedich!!', 'Schalke04Schalke04'])(
    'rejects the common password %s',
    (pw) => {
      expect(checkPassword(pw)).toBe('common');
    },
  );

  it('rejects too few distinct characters and keyboard or alphabet runs', () => {
    expect(checkPassword('abababababababab')).toBe('repetitive');
    expect(checkPassword('111111111111')).toBe('repetitive');
    expect(checkPassword('qwertyuiopasdf')).toBe('repetitive');
    expect(checkPassword('qwertzuiopü')).toBe('too_short');
    expect(checkPassword('abcdefghijklmnop')).toBe('repetitive');
    expect(checkPassword('987654321098')).toBe('repetitive');
    expect(checkPassword('1234567890123')).toBe('repetitive');
  });

  it('rejects context words with digits or symbols around them', () => {
    const ctx = ['wiebke.sturmhoevel', 'jc-en.example', 'Wiebke Sturmhövel', 'Jobcenter Ennepe-Ruhr'];
    expect(checkPassword('Sturmhövel-2026!', ctx)).toBe('context');
    expect(checkPassword('Wiebke Wiebke 1984', ctx)).toBe('context');
    expect(checkPassword('Jobcenter#2026', ctx)).toBe('common');
    expect(checkPassword('Wiebke segelt gern auf dem See', ctx)).toBeNull();
  });

  it('[trust #13] rejects the whole name, e-mail name or agency name anywhere in the password', () => {
    const ctx = ['wiebke.sturmhoevel', 'jc-en.example', 'Wiebke Sturmhövel', 'Jobcenter Ennepe-Ruhr'];
    expect(checkPassword('Ich bin Wiebke Sturmhövel, 1984', ctx)).toBe('context');
    expect(checkPassword('wiebke.sturmhoevel hat ein Boot', ctx)).toBe('context');
    expect(checkPassword('Mein Amt: jobcenter ennepe ruhr!', ctx)).toBe('context');
    expect(checkPassword('Gruss an WIEBKESTURMHOEVEL und Co', ctx)).toBe('context');
    // A first name alone in a sentence stays allowed (it is not the whole name).
    expect(checkPassword('Wiebke segelt gern auf dem See', ctx)).toBeNull();
  });
});
