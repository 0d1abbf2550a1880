/**
 * A calendar event as Cohort wants it: wall-clock times in the date's own time zone (Google turns
 * them into instants), or whole days for milestones. Pure.
 */

/**
 * Whose copy of a programme date an event is (its `person`): the coordinator's host event (which
 * holds the date's one Meet room), the coordinator's free-time reminder, the coach's own copy, or a
 * participant's own copy, by applicant ID.
 */
export const HOST = 'host';
export const REMINDER = 'reminder';
export const COACH = 'coach';

/** The event Cohort wants (the CalendarPort's CalendarEventInput). */
export interface WantedEvent {
  /** The programme date's key (the Programme row). */
  readonly key: string;
  /** HOST, REMINDER, COACH or an applicant ID: with `key`, it finds the event again. */
  readonly person: string;
  readonly summary: string;
  readonly description: string;
  /** Where to join: the date's Meet link on a guest's copy ('' for none). */
  readonly location: string;
  /** 'YYYY-MM-DDTHH:mm:ss' wall clock, or 'YYYY-MM-DD' for a whole day. */
  readonly start: string;
  /** For a whole day: the next day (iCalendar and Google end whole days exclusively). */
  readonly end: string;
  readonly timeZone: string;
  /** At most one: each guest has their own copy, so a change to one person emails only them. */
  readonly guests: readonly string[];
  /** Names shown beside guests' addresses, by address; not compared (a name alone changes nothing). */
  readonly guestNames?: Readonly<Record<string, string>>;
  /** Ask Google Meet for a room (the host event only). */
  readonly wantsRoom: boolean;
  /** Shown as free time, so it never blocks the calendar (the coordinator's reminders). */
  readonly free: boolean;
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

/** The wall-clock start as 'YYYY-MM-DD HH:mm' (midnight for a whole day), for comparing with now. */
export function startWallClock(start: string): string {
  return isWholeDay(start) ? `${start} 00:00` : `${start.slice(0, 10)} ${start.slice(11, 16)}`;
}
