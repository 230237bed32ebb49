import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, fold, toIcs, utc } from './ics.ts';

describe('iCalendar writer (RFC 5545)', () => {
  it('escapes backslashes, semicolons, commas and line breaks in TEXT', () => {
    expect(escapeText('a\\b; c, d\r\ne\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('writes UTC times in the basic format', () => {
    expect(utc(new Date('2026-04-14T08:05:09.123Z'))).toBe('20260414T080509Z');
  });

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'ä'.repeat(100)}`;
    const folded = fold(line).split('\r\n');
    for (const part of folded) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });

  it('produces a calendar that ical.js reads back with the same values, control characters removed', () => {
    const text = toIcs(
      [
        {
          uid: 'e1@lotse',
          stamp: new Date('2026-03-01T00:00:00Z'),
          start: new Date('2026-04-14T08:00:00Z'),
          end: new Date('2026-04-14T10:30:00Z'),
          summary: 'V 26/203 Runder Tisch; Witten, Nord',
          description: `Zeile 1\nZeile 2 \u0007mit Glocke\n${'lang '.repeat(40)}`,
          location: 'Rathaus, Raum 2',
          url: 'https://example.org/a?b=c',
          categories: ['Runder Tisch'],
          sequence: 2,
        },
      ],
      'Netzwerk',
    );
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const cal = new ICAL.Component(ICAL.parse(text));
    const [vevent] = cal.getAllSubcomponents('vevent');
    const e = new ICAL.Event(vevent);
    expect(e.uid).toBe('e1@lotse');
    expect(e.summary).toBe('V 26/203 Runder Tisch; Witten, Nord');
    expect(e.description).toBe(`Zeile 1\nZeile 2 mit Glocke\n${'lang '.repeat(40)}`);
    expect(e.location).toBe('Rathaus, Raum 2');
    expect(e.sequence).toBe(2);
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-04-14T08:00:00.000Z');
    expect(vevent?.getFirstPropertyValue('url')).toBe('https://example.org/a?b=c');
  });
});
