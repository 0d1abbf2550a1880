/**
 * Calendar dates and wall-clock times as text, in British English. Pure: no clock, no time zone
 * database. Turning a wall-clock time into an instant needs the zone's offset, which the edge supplies.
 */
import type { Audience, ProgrammeDate } from './scheme';
import type { Role } from './status';

/**
 * Whether a value is a Date. A cell read through Apps Script, or a value from the emulator's script
 * realm, is a Date of another realm, for which `instanceof Date` is false.
 */
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

const MONTHS = [
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
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export type CalendarDate = { year: number; month: number; day: number };
export type WallClock = CalendarDate & { hour: number; minute: number };

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD' → parts, or null when it is not a real calendar date (e.g. 2025-02-30). */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** 'HH:mm' (24-hour) → minutes since midnight, or null. */
export function parseTime(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}

/** 'YYYY-MM-DD HH:mm' → parts, or null. This is how the Settings tab stores a deadline. */
export function parseWallClock(text: string): WallClock | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = parseIsoDate(m[1] ?? '');
  const minutes = parseTime(m[2] ?? '');
  if (!date || minutes === null) return null;
  return { ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 };
}

/**
 * The instant a wall-clock time denotes, given the zone's offset from UTC at that time in minutes
 * (Europe/London: 0 in winter, +60 in summer). The edge looks the offset up; this does the sum.
 */
export function wallClockToInstant(wall: WallClock, offsetMinutes: number): Date {
  const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return new Date(utc - offsetMinutes * 60_000);
}

/** Reads a date's wall-clock fields in the runtime's own zone (in Apps Script: the script's time zone). */
export function localWallClock(date: Date): WallClock {
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatWallClock(wall: WallClock): string {
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

function weekday(d: CalendarDate): string {
  return WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()] ?? '';
}

/** { 2025, 4, 18 } → '18 April 2025' */
export function formatLongDate(d: CalendarDate): string {
  return `${d.day} ${MONTHS[d.month - 1] ?? ''} ${d.year}`;
}

/** '2025-05-07' → 'Wednesday 7 May 2025'; text that is not a date comes back unchanged. */
export function formatDayDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${weekday(d)} ${formatLongDate(d)}` : iso;
}

/** '10:00' → '10am', '11:30' → '11.30am', '13:30' → '1.30pm': the scheme's own style. */
export function formatTime(hhmm: string): string {
  const minutes = parseTime(hhmm);
  if (minutes === null) return hhmm;
  const hour = Math.floor(minutes / 60);
  const minute = minutes % 60;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  const suffix = hour < 12 ? 'am' : 'pm';
  return minute === 0 ? `${h12}${suffix}` : `${h12}.${pad(minute)}${suffix}`;
}

/** 'Wednesday 7 May 2025, 10am to 11.30am' (or just the day for a whole-day milestone). */
export function formatProgrammeDate(p: ProgrammeDate): string {
  const day = formatDayDate(p.date);
  return p.start && p.end ? `${day}, ${formatTime(p.start)} to ${formatTime(p.end)}` : day;
}

/** Does a programme date concern someone with this role? */
export function concerns(audience: Audience, role: Role): boolean {
  if (audience === 'all participants') return true;
  return (audience === 'mentors' && role === 'mentor') || (audience === 'mentees' && role === 'mentee');
}

/**
 * The `{{dates}}` text of an email: one line per programme date that concerns this role, from
 * `fromDate` ('YYYY-MM-DD', inclusive) on. Example line:
 * "- Wednesday 7 May 2025, 10am to 11.30am: Launch event and speed dating (online)"
 */
export function programmeDatesText(dates: readonly ProgrammeDate[], role: Role, fromDate = ''): string {
  return dates
    .filter((p) => concerns(p.audience, role) && p.date >= fromDate)
    .map((p) => `- ${formatProgrammeDate(p)}: ${p.title}${p.online ? ' (online)' : ''}`)
    .join('\n');
}

/** '2025-05-12 23:59' → 'Monday 12 May 2025, 11.59pm'; text that is not a date and time comes back unchanged. */
export function formatWallClockLong(wall: string): string {
  const w = parseWallClock(wall);
  if (!w) return wall;
  const iso = formatWallClock(w);
  return `${formatDayDate(iso.slice(0, 10))}, ${formatTime(iso.slice(11, 16))}`;
}
