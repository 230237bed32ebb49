import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/language.ts';
import { formatDate, formatDateTime, formatTime } from './dates.ts';

afterEach(async () => {
  await setLanguage('de');
});

describe('formatDate', () => {
  it('writes a life-event date in the UI language without shifting the day', async () => {
    expect(formatDate('2027-01-05')).toBe('05.01.2027');
    expect(formatDate('2027-01-05', 'en-GB')).toBe('5 Jan 2027');
    await setLanguage('en');
    expect(formatDate('2027-12-31')).toBe('31 Dec 2027');
  });

  it('gives nothing for no date and the text itself for one it cannot read', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('bald')).toBe('bald');
  });
});

describe('formatDateTime', () => {
  it('writes a moment to the second in the given zone', async () => {
    const at = '2027-03-01T09:05:07Z';
    expect(formatDateTime(at, { timeZone: 'Europe/Berlin' })).toBe('01.03.2027, 10:05:07');
    await setLanguage('en');
    expect(formatDateTime(at, { timeZone: 'Europe/Berlin' })).toBe('1 Mar 2027, 10:05:07');
  });

  it('writes an appointment with its weekday, in the agency zone', () => {
    const at = '2027-03-01T09:05:00Z';
    expect(formatDateTime(at, { locale: 'de-DE', timeZone: 'Europe/Berlin', style: 'event' })).toBe(
      'Montag, 1. März 2027 um 10:05',
    );
    expect(formatDateTime(at, { locale: 'en-GB', timeZone: 'Europe/Berlin', style: 'event' })).toBe(
      'Monday, 1 March 2027 at 10:05',
    );
    expect(formatTime(at, { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe('10:05');
  });

  it('gives nothing for no moment and the text itself for one it cannot read', () => {
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('gestern')).toBe('gestern');
  });
});
