/** Wall-clock fields of one instant in one time zone, as Java's Calendar would give them. */
export interface ZonedFields {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
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
const formatters = new Map<string, Intl.DateTimeFormat>();

function isIana(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

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
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
    offsetMinutes,
    shortName,
    longName,
  };
}

function offsetIn(ms: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  const part: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const wall = Date.UTC(
    part.year ?? 1970,
    (part.month ?? 1) - 1,
    part.day ?? 1,
    part.hour ?? 0,
    part.minute ?? 0,
    part.second ?? 0,
  );
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60000);
}

function zoneName(ms: number, timeZone: string, style: 'short' | 'long', offset: number): string {
  for (const locale of style === 'short' ? ['en-GB', 'en-US'] : ['en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')?.value;
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
  if (!isIana(timeZone)) return fieldsAt(ms, 0, 'GMT', 'Greenwich Mean Time');
  const offset = offsetIn(ms, timeZone);
  return fieldsAt(
    ms,
    offset,
    zoneName(ms, timeZone, 'short', offset),
    zoneName(ms, timeZone, 'long', offset),
  );
}
