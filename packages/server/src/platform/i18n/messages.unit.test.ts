import { fileURLToPath } from 'node:url';
import { zodMessages } from '@lotse/domain';
import { describe, expect, it } from 'vitest';
import { messagesOf } from './extract-messages.ts';
import { isTranslated, languageOf, localize } from './messages.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe('server messages in the user language', () => {
  it('has an English text for every message the server and the domain schemas can send', () => {
    const messages = [
      ...messagesOf(
        [here('../../features'), here('../../platform'), here('../../../../domain/src')],
        ['config.ts'],
      ),
      ...Object.values(zodMessages),
    ];
    expect(messages.length).toBeGreaterThan(200);
    expect(messages.filter((m) => !isTranslated(m))).toEqual([]);
  });

  it('picks the preferred supported language from Accept-Language, German otherwise', () => {
    expect(languageOf('en, de;q=0.5')).toBe('en');
    expect(languageOf('en-GB,en;q=0.9')).toBe('en');
    expect(languageOf('fr, en;q=0.8, de;q=0.9')).toBe('de');
    expect(languageOf('de;q=0.4, en;q=0.6')).toBe('en');
    expect(languageOf('fr')).toBe('de');
    expect(languageOf(undefined)).toBe('de');
  });

  it('translates messages with values, keeping the values', () => {
    expect(localize('Höchstens 200 Zeichen.', 'en')).toBe('At most 200 characters.');
    expect(localize('Der Wert muss mindestens 0 sein.', 'en')).toBe('The value must be at least 0.');
    expect(localize('Frage „q1“: nur Ja oder Nein.', 'en')).toBe('Question “q1”: yes or no only.');
    expect(localize('Nicht gefunden.', 'de')).toBe('Nicht gefunden.');
    expect(localize('Something unknown', 'en')).toBe('Something unknown');
  });
});
