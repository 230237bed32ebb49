/**
 * Wall-clock times in an agency's time zone. Event times are entered and shown in the agency's zone
 * (Europe/Berlin by default) whatever zone the browser or the server runs in, so every conversion goes
 * through the IANA zone explicitly (Intl), never through the process's local time.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

/** Whether `zone` is an IANA time zone this runtime knows (e.g. "Europe/Berlin"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = partsFormat.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(zone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in `zone`: { date: 'YYYY-MM-DD', time: 'HH:mm' }. */
export function wallTimeIn(instant: Date | string, zone: string): { date: string; time: string } {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  const p = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Offset of `zone` from UTC at an instant, in minutes (Berlin: +60 in winter, +120 in summer). */
function offsetMinutes(instant: number, zone: string): number {
  const p = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(new Date(instant))
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  const asUtc = Date.UTC(
    p.year as number,
    (p.month as number) - 1,
    p.day as number,
    p.hour as number,
    p.minute as number,
    p.second as number,
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant at which the clocks in `zone` show `local` ('YYYY-MM-DDTHH:mm'). In the autumn hour that
 * occurs twice the earlier instant is taken; a time skipped in spring is read with the offset before
 * the change (02:30 becomes 03:30 summer time). Undefined for malformed input.
 */
export function zonedToUtc(local: string, zone: string): Date | undefined {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return undefined;
  const [, y, mo, d, h, mi] = m.map(Number) as number[];
  const wall = Date.UTC(y as number, (mo as number) - 1, d as number, h as number, mi as number);
  const check = new Date(wall);
  if (
    check.getUTCFullYear() !== y ||
    check.getUTCMonth() !== (mo as number) - 1 ||
    check.getUTCDate() !== d ||
    (h as number) > 23 ||
    (mi as number) > 59
  )
    return undefined;
  // Try the offsets in force a day before and after; the earliest candidate that reads back as the
  // wall time wins (the earlier of an ambiguous autumn hour).
  const offsets = [
    ...new Set([offsetMinutes(wall - 86_400_000, zone), offsetMinutes(wall + 86_400_000, zone)]),
  ];
  const candidates = offsets
    .map((o) => wall - o * 60_000)
    .filter((t) => offsetMinutes(t, zone) === Math.round((wall - t) / 60_000))
    .sort((a, b) => a - b);
  const first = candidates[0];
  if (first !== undefined) return new Date(first);
  // Skipped in spring: use the offset before the change.
  return new Date(wall - offsetMinutes(wall - 86_400_000, zone) * 60_000);
}
