import type { Settings } from '../../domain/settings';
import type { Ports } from '../../ports';
import { readSettings } from '../context';
import { withRetry } from './retry';

/** Where the programme calendar's id is kept (script properties). */
export const CALENDAR_ID_KEY = 'calendar:id';
/** The account the programme calendar belongs to (script properties). */
export const CALENDAR_OWNER_KEY = 'calendar:owner';

/**
 * A calendar belongs to the account that made it: Google answers any other account "Not Found"
 * (the emulator too). So another editor running the sync must be stopped with a sentence, never
 * left to take "Not Found" for a deleted calendar and make a second one that invites everyone
 * again. Returns the sentence, or null when the running account owns the calendar (or none is kept).
 */
export function notTheOwner(ports: Pick<Ports, 'store' | 'account'>, settings: Settings): string | null {
  const owner = ports.store.get(CALENDAR_OWNER_KEY) ?? '';
  const me = ports.account.email();
  if (!owner || !me || owner.toLowerCase() === me.toLowerCase()) return null;
  return `The programme calendar "${settings.calendarName}" belongs to ${owner}, and Google shows it to no other account. Run "Send calendar invites" signed in as ${owner}.`;
}

/**
 * The programme calendar: the one whose id is stored if it still exists, else a new one named as
 * Settings says. Returns its id and whether it was made now. Another account's calendar is never
 * replaced (see notTheOwner).
 */
export function ensureCalendarId(ports: Ports, settings: Settings): { id: string; created: boolean } {
  const stored = ports.store.get(CALENDAR_ID_KEY);
  const stop = notTheOwner(ports, settings);
  if (stop && stored) throw new Error(stop);
  const id = withRetry(ports.clock, () =>
    ports.calendar.ensureCalendar(settings.calendarName, settings.timeZone, stored),
  );
  if (!id)
    throw new Error(
      'Google Calendar did not return an id for the programme calendar. Try again in a minute.',
    );
  if (id !== stored) ports.store.set(CALENDAR_ID_KEY, id);
  const me = ports.account.email();
  if (me && (id !== stored || !ports.store.get(CALENDAR_OWNER_KEY))) ports.store.set(CALENDAR_OWNER_KEY, me);
  return { id, created: id !== stored };
}

/** The stored calendar id, or a new calendar when there is none yet. */
export function calendarIdOf(ports: Ports, settings: Settings): string {
  return ports.store.get(CALENDAR_ID_KEY) || ensureCalendarId(ports, settings).id;
}

/**
 * Set-up's step for the calendar: makes sure the programme calendar named in Settings
 * (`calendarName`) exists, in the programme's time zone. Running it again keeps the same calendar;
 * run by another account, it leaves the calendar to its owner.
 */
export function ensureProgrammeCalendar(ports: Ports): string {
  const { settings } = readSettings(ports);
  const stop = notTheOwner(ports, settings);
  if (stop && ports.store.get(CALENDAR_ID_KEY)) return stop;
  const { created } = ensureCalendarId(ports, settings);
  return created
    ? `Programme calendar "${settings.calendarName}" created.`
    : `Programme calendar "${settings.calendarName}" is in place.`;
}
