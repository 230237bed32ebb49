/**
 * A small iCalendar (RFC 5545) writer for network events: CRLF line ends, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped, all times in UTC.
 */
export interface IcsEvent {
  uid: string;
  /** Last change of the entry (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  categories?: string[];
  sequence?: number;
  /** A cancelled event stays in the feed with STATUS:CANCELLED, so calendar apps remove it. */
  cancelled?: boolean;
}

const CRLF = '\r\n';

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** UTC date-time in the basic format, e.g. 20260302T080000Z. */
export function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** Folds one content line into chunks of at most 75 octets (RFC 5545 3.1). */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The first line may hold 75 octets; continuation lines start with a space, leaving 74.
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Keeps control characters out of values (they are not allowed in TEXT). */
const clean = (value: string) =>
  [...value]
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0x7f);
    })
    .join('');

export function toIcs(events: readonly IcsEvent[], calendarName: string): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Lotse//Netzwerkveranstaltungen//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(clean(calendarName))}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${clean(e.uid)}`,
      `DTSTAMP:${utc(e.stamp)}`,
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.end)}`,
      `SUMMARY:${escapeText(clean(e.summary))}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(clean(e.description))}`);
    if (e.location) lines.push(`LOCATION:${escapeText(clean(e.location))}`);
    if (e.url) lines.push(`URL:${clean(e.url)}`);
    if (e.categories?.length)
      lines.push(`CATEGORIES:${e.categories.map((c) => escapeText(clean(c))).join(',')}`);
    lines.push(
      `SEQUENCE:${e.sequence ?? 0}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join(CRLF) + CRLF;
}
