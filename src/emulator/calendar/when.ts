import { zonedParts } from '../runtime/timeZone';
import { parseDate, parseDateTime } from './rfc3339';
import type { CalendarEvent } from './types';

const WHEN: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
};

const parts = (ms: number, timeZone: string): Record<string, string> =>
  zonedParts(ms, timeZone, 'en-GB', WHEN);

const day = (p: Record<string, string>): string => `${p.weekday} ${p.day} ${p.month} ${p.year}`;

/**
 * When an event happens, as Google's invitation subjects write it for an en-GB reader:
 * `Wed 7 May 2025 10:00 - 11:30 (BST)` [observed: "Tue 13 May 2025 14:00 - 15:00 (BST)"];
 * an all-day event is `Wed 7 May 2025`.
 */
export function describeWhen(event: CalendarEvent, calendarZone: string): string {
  if (event.start?.date) {
    const d = parseDate(event.start.date);
    if (!d) return event.start.date;
    return day(parts(Date.UTC(d.year, d.month - 1, d.day, 12), 'UTC'));
  }
  const zone = event.start?.timeZone ?? calendarZone;
  const start = parseDateTime(event.start?.dateTime ?? '')?.instant ?? 0;
  const end = parseDateTime(event.end?.dateTime ?? '')?.instant ?? start;
  const s = parts(start, zone);
  const e = parts(end, zone);
  const endText = day(s) === day(e) ? `${e.hour}:${e.minute}` : `${day(e)} ${e.hour}:${e.minute}`;
  return `${day(s)} ${s.hour}:${s.minute} - ${endText} (${s.timeZoneName})`;
}
