import type { Settings } from '../../domain/settings';
import type { Ports } from '../../ports';
import { readSettings } from '../context';
import { withRetry } from './retry';

/** Where the programme calendar's id is kept (script properties). */
export const CALENDAR_ID_KEY = 'calendar:id';

/**
 * The programme calendar: the one whose id is stored if it still exists, else a new one named as
 * Settings says. Returns its id and whether it was made now.
 */
export function ensureCalendarId(ports: Ports, settings: Settings): { id: string; created: boolean } {
  const stored = ports.store.get(CALENDAR_ID_KEY);
  const id = withRetry(ports.clock, () =>
    ports.calendar.ensureCalendar(settings.calendarName, settings.timeZone, stored),
  );
  if (!id)
    throw new Error(
      'Google Calendar did not return an id for the programme calendar. Try again in a minute.',
    );
  if (id !== stored) ports.store.set(CALENDAR_ID_KEY, id);
  return { id, created: id !== stored };
}

/** The stored calendar id, or a new calendar when there is none yet. */
export function calendarIdOf(ports: Ports, settings: Settings): string {
  return ports.store.get(CALENDAR_ID_KEY) || ensureCalendarId(ports, settings).id;
}

/**
 * Set-up's step for the calendar: makes sure the programme calendar named in Settings
 * (`calendarName`) exists, in the programme's time zone. Running it again keeps the same calendar.
 */
export function ensureProgrammeCalendar(ports: Ports): string {
  const { settings } = readSettings(ports);
  const { created } = ensureCalendarId(ports, settings);
  return created
    ? `Programme calendar "${settings.calendarName}" created.`
    : `Programme calendar "${settings.calendarName}" is in place.`;
}
