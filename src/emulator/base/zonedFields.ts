import { isTimeZone, offsetMinutes, utcWallClock, type WallClock, zonedParts } from '../runtime/timeZone';

/** Wall-clock fields of one instant in one time zone, as Java's Calendar would give them. */
export interface ZonedFields extends WallClock {
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes east of UTC. */
  offsetMinutes: number;
  /** Java's `z` (e.g. `BST`, `GMT`, `EDT`, `GMT+02:00`). */
  shortName: string;
  /** Java's `zzzz` (e.g. `British Summer Time`). */
  longName: string;
}

const FIXED = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i;
const ZONE_NAME: Record<'short' | 'long', Intl.DateTimeFormatOptions> = {
  short: { timeZoneName: 'short' },
  long: { timeZoneName: 'long' },
};

/** `GMT+02:00`, the name Java gives a zone that has no abbreviation. */
export function gmtName(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'GMT';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function fieldsAt(ms: number, offsetMinutes: number, shortName: string, longName: string): ZonedFields {
  const d = new Date(ms + offsetMinutes * 60000);
  return {
    ...utcWallClock(d),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
    shortName,
    longName,
  };
}

function zoneName(ms: number, timeZone: string, style: 'short' | 'long', offset: number): string {
  for (const locale of style === 'short' ? ['en-GB', 'en-US'] : ['en-GB']) {
    const name = zonedParts(ms, timeZone, locale, ZONE_NAME[style]).timeZoneName;
    if (name && !/^GMT[+-]/.test(name)) return name;
  }
  return gmtName(offset);
}

/**
 * The wall-clock fields of `ms` in `timeZone`: an IANA name (`Europe/London`) or a fixed offset
 * (`GMT+2`, `GMT-05:00`, `UTC`). DECISION: an unknown zone falls back to GMT, as Java's
 * TimeZone.getTimeZone does (Apps Script's formatDate is built on it).
 */
export function zonedFields(ms: number, timeZone: string): ZonedFields {
  const fixed = FIXED.exec(timeZone.trim());
  if (fixed) {
    const minutes = Number(fixed[2] ?? 0) * 60 + Number(fixed[3] ?? 0);
    const offset = fixed[1] === '-' ? -minutes : minutes;
    const utc = /^UTC$/i.test(timeZone.trim());
    return fieldsAt(
      ms,
      offset,
      utc ? 'UTC' : gmtName(offset),
      utc ? 'Coordinated Universal Time' : gmtName(offset),
    );
  }
  if (!isTimeZone(timeZone)) return fieldsAt(ms, 0, 'GMT', 'Greenwich Mean Time');
  const offset = offsetMinutes(ms, timeZone);
  return fieldsAt(
    ms,
    offset,
    zoneName(ms, timeZone, 'short', offset),
    zoneName(ms, timeZone, 'long', offset),
  );
}
