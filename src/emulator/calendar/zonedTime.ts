/**
 * Wall-clock time in an IANA zone ↔ instants, through Intl (never hand-rolled offsets).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: callers turn that into the API's error.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock in `timeZone` at instant `ms`. */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (BST → 60). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallClockAt(Math.floor(ms / 1000) * 1000, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `w`. In the autumn overlap the first
 * (summer-time) occurrence wins; in the spring-forward gap (a time that does not exist) the time is
 * read with the offset before the change, so 01:30 on the last Sunday of March in London is 02:30 BST
 * (the `compatible` rule of Temporal). [uncertain] how Google resolves these; programme dates never
 * fall there.
 */
export function instantOf(w: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const day = 24 * 3600 * 1000;
  const before = asUtc - offsetMinutes(asUtc - day, timeZone) * 60000;
  const after = asUtc - offsetMinutes(asUtc + day, timeZone) * 60000;
  const shows = (t: number): boolean => {
    const v = wallClockAt(t, timeZone);
    return (
      v.year === w.year &&
      v.month === w.month &&
      v.day === w.day &&
      v.hour === w.hour &&
      v.minute === w.minute
    );
  };
  const valid = [before, after].filter(shows);
  return valid.length > 0 ? Math.min(...valid) : before;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** RFC 3339 with the zone's offset, as the API returns it: `2025-05-07T10:00:00+01:00` (or `…Z`). */
export function rfc3339InZone(ms: number, timeZone: string): string {
  const w = wallClockAt(ms, timeZone);
  const off = offsetMinutes(ms, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const zone = off === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${zone}`;
}

/** `YYYY-MM-DD` of the wall clock in the zone. */
export function dateInZone(ms: number, timeZone: string): string {
  const w = wallClockAt(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i;

export interface ParsedDateTime {
  wall: WallClock;
  /** The instant when the string carried an offset; null for a bare wall-clock time. */
  instant: number | null;
}

/** Parses an RFC 3339 date-time, with or without offset; null when it is not one. */
export function parseDateTime(text: string): ParsedDateTime | null {
  const m = RFC3339.exec(text.trim());
  if (!m) return null;
  const wall: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31 || wall.hour > 23) return null;
  if (wall.minute > 59 || wall.second > 59) return null;
  const zone = m[7];
  if (!zone) return { wall, instant: null };
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (zone.toUpperCase() === 'Z') return { wall, instant: asUtc };
  const sign = zone.startsWith('-') ? -1 : 1;
  const minutes = Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6));
  return { wall, instant: asUtc - sign * minutes * 60000 };
}

/** `YYYY-MM-DD` → the date parts, or null. */
export function parseDate(text: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return { year, month, day };
}
