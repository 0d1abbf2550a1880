/**
 * Wall-clock conversions in an IANA time zone. A spreadsheet stores dates as wall-clock times in
 * its own time zone; the script sees instants (JavaScript Dates).
 */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, f);
  }
  return f;
}

export function wallClockOf(instant: number, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

function wallAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset of the zone from UTC at an instant, in ms (BST: +3,600,000). Whole seconds. */
function offsetAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallAsUtc(wallClockOf(whole, timeZone)) - whole;
}

/** The instant a wall-clock time in the zone names (in a DST gap, the later offset is used). */
export function instantOf(wall: WallClock, timeZone: string): number {
  const utc = wallAsUtc(wall);
  const first = utc - offsetAt(utc, timeZone);
  const second = utc - offsetAt(first, timeZone);
  return second;
}

/** A host Date whose UTC fields are the zone's wall clock: how xlsx files hold date-times. */
export function wallDate(instant: number, timeZone: string): Date {
  return new Date(wallAsUtc(wallClockOf(instant, timeZone)) + (((instant % 1000) + 1000) % 1000));
}

/** Reverse of wallDate. */
export function fromWallDate(d: Date, timeZone: string): number {
  const wall: WallClock = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
  return instantOf(wall, timeZone) + d.getUTCMilliseconds();
}
