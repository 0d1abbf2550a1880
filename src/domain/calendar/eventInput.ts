/**
 * A programme date as a calendar event: wall-clock times in the date's own time zone (Google turns
 * them into instants), or whole days for milestones. Pure.
 */
import type { ProgrammeEntry } from './programmeRow';

/** The event Cohort wants for a programme date (the CalendarPort's CalendarEventInput). */
export interface WantedEvent {
  readonly key: string;
  readonly summary: string;
  readonly description: string;
  /** 'YYYY-MM-DDTHH:mm:ss' wall clock, or 'YYYY-MM-DD' for a whole day. */
  readonly start: string;
  /** For a whole day: the next day (iCalendar and Google end whole days exclusively). */
  readonly end: string;
  readonly timeZone: string;
  readonly guests: readonly string[];
  /** Names shown beside guests' addresses, by address; not compared (a name alone changes nothing). */
  readonly guestNames?: Readonly<Record<string, string>>;
}

/** '2025-04-18' → '2025-04-19' (calendar arithmetic in UTC, which has no daylight saving). */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  return next.toISOString().slice(0, 10);
}

export function isWholeDay(value: string): boolean {
  return value.length === 10;
}

/**
 * The event for one programme date. `footer` (e.g. the programme name and who to ask) ends the
 * description, after a blank line.
 *
 * Example: launch, 2025-05-07 10:00–11:30 Europe/London →
 * { start: '2025-05-07T10:00:00', end: '2025-05-07T11:30:00', timeZone: 'Europe/London', … }
 */
export function eventFor(
  entry: ProgrammeEntry,
  guests: readonly string[],
  footer = '',
  guestNames: Readonly<Record<string, string>> = {},
): WantedEvent {
  const timed = entry.start !== '' && entry.end !== '';
  return {
    key: entry.key,
    summary: entry.title,
    description: [entry.description, footer].filter((s) => s.trim() !== '').join('\n\n'),
    start: timed ? `${entry.date}T${entry.start}:00` : entry.date,
    end: timed ? `${entry.date}T${entry.end}:00` : nextDay(entry.date),
    timeZone: entry.timeZone,
    guests: [...guests],
    ...(Object.keys(guestNames).length > 0 ? { guestNames } : {}),
  };
}

/** The wall-clock start as 'YYYY-MM-DD HH:mm' (midnight for a whole day), for comparing with now. */
export function startWallClock(start: string): string {
  return isWholeDay(start) ? `${start} 00:00` : `${start.slice(0, 10)} ${start.slice(11, 16)}`;
}
