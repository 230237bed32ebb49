import { describe, expect, it } from 'vitest';
import { isTimeZone, wallTimeIn, zonedToUtc } from './time-zone.ts';

describe('agency time zone', () => {
  it('reads a Berlin wall time as UTC in winter (+1) and summer (+2)', () => {
    expect(zonedToUtc('2027-01-20T14:00', 'Europe/Berlin')?.toISOString()).toBe('2027-01-20T13:00:00.000Z');
    expect(zonedToUtc('2027-01-20T16:00', 'Europe/Berlin')?.toISOString()).toBe('2027-01-20T15:00:00.000Z');
    expect(zonedToUtc('2027-07-20T14:00', 'Europe/Berlin')?.toISOString()).toBe('2027-07-20T12:00:00.000Z');
    expect(zonedToUtc('2027-07-20T14:00', 'America/New_York')?.toISOString()).toBe(
      '2027-07-20T18:00:00.000Z',
    );
    expect(zonedToUtc('2027-07-20T14:00', 'UTC')?.toISOString()).toBe('2027-07-20T14:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 2027-03-28: 02:00 -> 03:00 in Berlin; 02:30 does not exist and reads as 03:30 summer time.
    expect(zonedToUtc('2027-03-28T01:30', 'Europe/Berlin')?.toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(zonedToUtc('2027-03-28T02:30', 'Europe/Berlin')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(zonedToUtc('2027-03-28T03:30', 'Europe/Berlin')?.toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // 2027-10-31: 02:30 happens twice; the earlier (summer time) is taken.
    expect(zonedToUtc('2027-10-31T02:30', 'Europe/Berlin')?.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(zonedToUtc('2027-10-31T03:30', 'Europe/Berlin')?.toISOString()).toBe('2027-10-31T02:30:00.000Z');
  });

  it('reads instants back as wall time and refuses malformed input', () => {
    expect(wallTimeIn('2027-01-20T13:00:00Z', 'Europe/Berlin')).toEqual({
      date: '2027-01-20',
      time: '14:00',
    });
    expect(wallTimeIn('2027-07-20T22:30:00Z', 'Europe/Berlin')).toEqual({
      date: '2027-07-21',
      time: '00:30',
    });
    for (const bad of ['2027-02-30T10:00', '2027-01-20T24:00', '2027-01-20 14:00', ''])
      expect(zonedToUtc(bad, 'Europe/Berlin')).toBeUndefined();
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('../etc')).toBe(false);
  });
});
