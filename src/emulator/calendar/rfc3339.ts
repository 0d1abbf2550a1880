/**
 * RFC 3339 date-times as the Calendar API reads and writes them: `2025-05-07T10:00:00+01:00`, with
 * or without an offset, and all-day `YYYY-MM-DD` dates.
 */
import { offsetMinutes, pad, type WallClock, wallAsUtc, wallClockAt } from '../runtime/timeZone';

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
  const asUtc = wallAsUtc(wall);
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
