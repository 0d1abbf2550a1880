/**
 * Wall-clock time in an IANA time zone ↔ instants, through Intl (never hand-rolled offsets). Shared by
 * every service: a spreadsheet stores wall-clock times in its own zone, Calendar writes RFC 3339 with
 * the zone's offset, daily triggers run at an hour of the script's zone, Utilities.formatDate prints
 * fields and zone names; the script itself only ever sees instants (Dates).
 */

/** The fields a clock on the wall shows. */
export interface WallClock {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** English month names, January first (index = month - 1). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** English weekday names, Sunday first (index = Date.getUTCDay()). */
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A wall-clock field written with at least `width` digits: pad(7) → '07', pad(25, 4) → '0025'. */
export const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 3600 * SECOND;

/** Intl formatters by option set (the key object), then by `locale|timeZone`. */
const formatters = new WeakMap<Intl.DateTimeFormatOptions, Map<string, Intl.DateTimeFormat>>();

function formatter(
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  let byZone = formatters.get(options);
  if (!byZone) {
    byZone = new Map();
    formatters.set(options, byZone);
  }
  const key = `${locale}|${timeZone}`;
  let f = byZone.get(key);
  if (!f) {
    // Throws RangeError for an unknown zone: callers turn that into the API's error.
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    byZone.set(key, f);
  }
  return f;
}

/**
 * The parts (not the literals) of instant `ms` as Intl formats it in `timeZone`, e.g.
 * `{ weekday: 'Wed', day: '7', timeZoneName: 'BST', … }`. Formatters are cached per `options` object,
 * so pass a module constant. Throws RangeError for an unknown zone.
 */
export function zonedParts(
  ms: number,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(locale, timeZone, options).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = p.value;
  }
  return out;
}

const WALL: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
};

/** True when Intl knows the zone (e.g. 'Europe/London', 'UTC'). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter('en-GB', timeZone, WALL);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at instant `ms` (to the whole second). */
export function wallClockAt(ms: number, timeZone: string): WallClock {
  const p = zonedParts(ms, timeZone, 'en-GB', WALL);
  return {
    year: Number(p.year ?? 0),
    month: Number(p.month ?? 0),
    day: Number(p.day ?? 0),
    hour: Number(p.hour ?? 0),
    minute: Number(p.minute ?? 0),
    second: Number(p.second ?? 0),
  };
}

/** The instant the wall clock names in UTC (Date.UTC of its fields). */
export function wallAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The UTC fields of a Date as a wall clock: how xlsx files and serial numbers hold date-times. */
export function utcWallClock(d: Date): WallClock {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms, to the whole second (BST: 3,600,000). */
export function offsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / SECOND) * SECOND;
  return wallAsUtc(wallClockAt(whole, timeZone)) - whole;
}

/** Offset of `timeZone` from UTC at instant `ms`, in whole minutes (BST → 60). */
export function offsetMinutes(ms: number, timeZone: string): number {
  return Math.round(offsetMs(ms, timeZone) / MINUTE);
}

/**
 * The instant at which the wall clock in `timeZone` shows `w` (Calendar's reading). In the autumn
 * overlap the first (summer-time) occurrence wins; in the spring-forward gap (a time that does not
 * exist) the time is read with the offset before the change, so 01:30 on the last Sunday of March in
 * London is 02:30 BST (the `compatible` rule of Temporal). [uncertain] how Google resolves these;
 * programme dates never fall there.
 */
export function instantOf(w: WallClock, timeZone: string): number {
  const asUtc = wallAsUtc(w);
  const before = asUtc - offsetMinutes(asUtc - DAY, timeZone) * MINUTE;
  const after = asUtc - offsetMinutes(asUtc + DAY, timeZone) * MINUTE;
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

/**
 * The instant at which the wall clock in `timeZone` shows `w`, as Sheets cells and clock triggers read
 * it: the offset at the wall time read as UTC, corrected once by the offset at that first guess. It
 * agrees with instantOf except at a clock change, where it leans on the zone's side of UTC: in London
 * or Berlin a skipped time maps forward (01:30 → 02:30 BST) and a repeated one to its second (winter)
 * occurrence; in New York a skipped time maps back (02:30 → 01:30 EST) and a repeated one to its first.
 * Before 1847 in London (local mean time, offsets in seconds) it keeps the seconds instantOf rounds
 * to minutes. [uncertain] what Google does; kept as the spreadsheet and trigger emulation did it.
 */
export function instantOfTwoStep(w: WallClock, timeZone: string): number {
  const utc = wallAsUtc(w);
  const first = utc - offsetMs(utc, timeZone);
  return utc - offsetMs(first, timeZone);
}
