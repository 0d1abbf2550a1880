import type { SimClock } from './Clock';
import { instantOfTwoStep, utcWallClock, wallClockAt } from './timeZone';

/**
 * The script's `Date`: `new Date()` reads the simulated clock, and local time (getHours,
 * toString, `new Date(2025, 3, 25)`) is the script's time zone from the manifest, whatever the
 * machine's `TZ`. Apps Script's V8 runtime works in the project's zone ([official]
 * AS/reference/base/session#getScriptTimeZone: "the time zone of the script"; its Date objects
 * print in it), so code that passes here under any TZ behaves the same on Google.
 */
export type ScriptDateConstructor = DateConstructor;

/** The local fields of an instant in `zone`, milliseconds included. */
interface Fields {
  year: number;
  month: number; // 0..11, as Date's setters take it
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function fieldsAt(ms: number, zone: string): Fields {
  const w = wallClockAt(ms, zone);
  return {
    year: w.year,
    month: w.month - 1,
    day: w.day,
    hour: w.hour,
    minute: w.minute,
    second: w.second,
    ms: ((ms % 1000) + 1000) % 1000,
  };
}

/** The instant whose local fields (which may overflow, as Date allows) are `f` in `zone`. */
function instantOfFields(f: Fields, zone: string): number {
  const asUtc = Date.UTC(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms);
  if (Number.isNaN(asUtc)) return Number.NaN;
  const d = new Date(asUtc);
  return instantOfTwoStep(utcWallClock(d), zone) + d.getUTCMilliseconds();
}

/** A string that names its own zone (Z, +01:00, GMT, UTC) or is a date-only ISO form (read as UTC). */
const ZONED = /(?:Z|[+-]\d{2}:?\d{2}|\bGMT\b|\bUTC\b)\s*(?:\([^)]*\))?\s*$|^\d{4}-\d{2}-\d{2}$/i;

const LONG_NAME: Intl.DateTimeFormatOptions = { timeZoneName: 'long' };
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

export function scriptDateClass(clock: SimClock, zone: () => string): ScriptDateConstructor {
  const offsetMinutesAt = (ms: number): number => {
    const f = fieldsAt(ms, zone());
    return Math.round((Date.UTC(f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms) - ms) / 60_000);
  };

  /** Date.parse as the script sees it: a string without a zone is local time in the script's zone. */
  const parse = (text: string): number => {
    const host = Date.parse(text);
    if (Number.isNaN(host) || ZONED.test(text.trim())) return host;
    // The host read it in the machine's zone: take its wall clock back out, read it in ours.
    const d = new Date(host);
    return instantOfFields(
      {
        year: d.getFullYear(),
        month: d.getMonth(),
        day: d.getDate(),
        hour: d.getHours(),
        minute: d.getMinutes(),
        second: d.getSeconds(),
        ms: d.getMilliseconds(),
      },
      zone(),
    );
  };

  /** The time value `new Date(...args)` stands for, local time read in the script's zone. */
  const timeOf = (args: unknown[]): number => {
    if (args.length === 0) return clock.now();
    if (args.length === 1) {
      const v = args[0];
      if (v instanceof Date) return v.getTime();
      if (typeof v === 'string') return parse(v);
      return new Date(v as number).getTime();
    }
    const [y, m, d = 1, h = 0, mi = 0, s = 0, ms = 0] = args.map(Number) as number[];
    const year = y! >= 0 && y! <= 99 ? 1900 + y! : y!;
    return instantOfFields({ year, month: m!, day: d, hour: h, minute: mi, second: s, ms }, zone());
  };

  class ScriptDate extends Date {
    constructor(...args: unknown[]) {
      super(timeOf(args));
    }

    static override now(): number {
      return clock.now();
    }

    static override parse(text: string): number {
      return parse(String(text));
    }

    #fields(): Fields {
      return fieldsAt(this.getTime(), zone());
    }

    #set(change: (f: Fields) => void): number {
      if (Number.isNaN(this.getTime())) return Number.NaN;
      const f = this.#fields();
      change(f);
      return this.setTime(instantOfFields(f, zone()));
    }

    override getFullYear(): number {
      return Number.isNaN(this.getTime()) ? Number.NaN : this.#fields().year;
    }
    override getMonth(): number {
      return Number.isNaN(this.getTime()) ? Number.NaN : this.#fields().month;
    }
    override getDate(): number {
      return Number.isNaN(this.getTime()) ? Number.NaN : this.#fields().day;
    }
    override getDay(): number {
      if (Number.isNaN(this.getTime())) return Number.NaN;
      const f = this.#fields();
      return new Date(Date.UTC(f.year, f.month, f.day)).getUTCDay();
    }
    override getHours(): number {
      return Number.isNaN(this.getTime()) ? Number.NaN : this.#fields().hour;
    }
    override getMinutes(): number {
      return Number.isNaN(this.getTime()) ? Number.NaN : this.#fields().minute;
    }
    override getSeconds(): number {
      return Number.isNaN(this.getTime()) ? Number.NaN : this.#fields().second;
    }
    override getMilliseconds(): number {
      return Number.isNaN(this.getTime()) ? Number.NaN : this.#fields().ms;
    }
    override getTimezoneOffset(): number {
      return Number.isNaN(this.getTime()) ? Number.NaN : -offsetMinutesAt(this.getTime());
    }

    override setFullYear(year: number, month?: number, day?: number): number {
      return this.#set((f) => {
        f.year = year;
        if (month !== undefined) f.month = month;
        if (day !== undefined) f.day = day;
      });
    }
    override setMonth(month: number, day?: number): number {
      return this.#set((f) => {
        f.month = month;
        if (day !== undefined) f.day = day;
      });
    }
    override setDate(day: number): number {
      return this.#set((f) => {
        f.day = day;
      });
    }
    override setHours(hour: number, minute?: number, second?: number, ms?: number): number {
      return this.#set((f) => {
        f.hour = hour;
        if (minute !== undefined) f.minute = minute;
        if (second !== undefined) f.second = second;
        if (ms !== undefined) f.ms = ms;
      });
    }
    override setMinutes(minute: number, second?: number, ms?: number): number {
      return this.#set((f) => {
        f.minute = minute;
        if (second !== undefined) f.second = second;
        if (ms !== undefined) f.ms = ms;
      });
    }
    override setSeconds(second: number, ms?: number): number {
      return this.#set((f) => {
        f.second = second;
        if (ms !== undefined) f.ms = ms;
      });
    }
    override setMilliseconds(ms: number): number {
      return this.#set((f) => {
        f.ms = ms;
      });
    }

    /** As V8 prints it: "Fri Apr 25 2025 09:00:00 GMT+0100 (British Summer Time)". */
    override toString(): string {
      if (Number.isNaN(this.getTime())) return 'Invalid Date';
      return `${this.toDateString()} ${this.toTimeString()}`;
    }
    override toDateString(): string {
      if (Number.isNaN(this.getTime())) return 'Invalid Date';
      const f = this.#fields();
      return `${WEEKDAYS[this.getDay()]} ${MONTHS[f.month]} ${two(f.day)} ${String(f.year).padStart(4, '0')}`;
    }
    override toTimeString(): string {
      if (Number.isNaN(this.getTime())) return 'Invalid Date';
      const f = this.#fields();
      const off = offsetMinutesAt(this.getTime());
      const sign = off < 0 ? '-' : '+';
      const abs = Math.abs(off);
      const name =
        new Intl.DateTimeFormat('en-US', { ...LONG_NAME, timeZone: zone() })
          .formatToParts(this)
          .find((p) => p.type === 'timeZoneName')?.value ?? zone();
      return `${two(f.hour)}:${two(f.minute)}:${two(f.second)} GMT${sign}${two(Math.floor(abs / 60))}${two(abs % 60)} (${name})`;
    }
    override toLocaleString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleString(locales, { timeZone: zone(), ...options });
    }
    override toLocaleDateString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleDateString(locales, { timeZone: zone(), ...options });
    }
    override toLocaleTimeString(locales?: string | string[], options?: Intl.DateTimeFormatOptions): string {
      return super.toLocaleTimeString(locales, { timeZone: zone(), ...options });
    }
  }

  // Called as a function, Date returns the current time as a string.
  return new Proxy(ScriptDate, {
    apply: () => new ScriptDate().toString(),
  }) as unknown as ScriptDateConstructor;
}
