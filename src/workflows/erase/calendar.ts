import { startWallClock } from '../../domain/calendar/eventInput';
import type { CalendarEvent, Ports } from '../../ports';
import { CALENDAR_ID_KEY } from '../calendar/programmeCalendar';
import { reasonOf, withRetry } from '../calendar/retry';
import { isAddress } from './scrub';

export interface CalendarErasure {
  readonly calendarId: string;
  /** Events still to come that have the person as a guest. */
  readonly events: readonly CalendarEvent[];
  /** Why the calendar could not be read ('' when it was, or there is none). */
  readonly problem: string;
}

/**
 * The future programme events that invite the person: their own copies of the dates still to
 * come. Past copies stay (they are the record of who was invited); the person is Withdrawn from
 * now on, so no later sync invites them again. Only the stored calendar is looked at: erasing
 * never creates a calendar.
 */
export function findFutureInvitations(ports: Ports, email: string, timeZone: string): CalendarErasure {
  const calendarId = ports.store.get(CALENDAR_ID_KEY) ?? '';
  return findFutureGuests(ports, calendarId, (g) => isAddress(g, email), timeZone);
}

/** The events still to come in a calendar that invite one of the guests `theirs` picks. */
export function findFutureGuests(
  ports: Ports,
  calendarId: string,
  theirs: (guest: string) => boolean,
  timeZone: string,
): CalendarErasure {
  if (!calendarId) return { calendarId, events: [], problem: '' };
  try {
    const events = withRetry(ports.clock, () => ports.calendar.listEvents(calendarId));
    const now = ports.clock.now().getTime();
    const future = events.filter(
      (e) => e.status !== 'cancelled' && e.guests.some(theirs) && startsAfter(ports, e, timeZone, now),
    );
    return { calendarId, events: future, problem: '' };
  } catch (e) {
    return { calendarId, events: [], problem: reasonOf(e) };
  }
}

function startsAfter(
  ports: Pick<Ports, 'clock'>,
  event: CalendarEvent,
  timeZone: string,
  now: number,
): boolean {
  if (!event.start) return false;
  return ports.clock.instant(startWallClock(event.start), event.timeZone || timeZone).getTime() > now;
}

/**
 * Deletes the person's own copies (Google emails them, and only them, a cancellation). An event
 * that has other guests too (made before each person had their own copy) loses only this guest.
 */
export function removeFromEvents(
  ports: Ports,
  found: CalendarErasure,
  email: string,
): { removed: number; failed: string[] } {
  return removeGuests(ports, found, (g) => isAddress(g, email));
}

/** Takes the guests `theirs` picks off the events found (an event left with none is deleted). */
export function removeGuests(
  ports: Ports,
  found: CalendarErasure,
  theirs: (guest: string) => boolean,
): { removed: number; failed: string[] } {
  let removed = 0;
  const failed: string[] = [];
  for (const event of found.events) {
    try {
      const guests = event.guests.filter((g) => !theirs(g));
      withRetry(ports.clock, () =>
        guests.length === 0
          ? ports.calendar.remove(found.calendarId, event.id)
          : ports.calendar.patch(found.calendarId, event.id, { guests }),
      );
      removed++;
    } catch (e) {
      failed.push(`${event.summary}: ${reasonOf(e)}`);
    }
  }
  return { removed, failed };
}
