/**
 * What to change on an existing event so it matches what is wanted: only the fields that differ,
 * so an unchanged date costs no write and a moved date touches only its times. Pure.
 */
import { isWholeDay, type WantedEvent } from './eventInput';
import { sameGuests } from './guests';

/** What the calendar holds for an event (a CalendarPort CalendarEvent has these fields). */
export type ExistingEvent = Omit<WantedEvent, 'key' | 'person' | 'guestNames' | 'wantsRoom'>;

/** The fields a patch may carry (never the key or person, which find the event). */
export type EventChanges = {
  -readonly [K in Exclude<keyof WantedEvent, 'key' | 'person' | 'wantsRoom'>]?: WantedEvent[K];
};

/**
 * The patch for `existing`, or null when nothing differs. Times go together (start, end and zone),
 * so the calendar never sees an end before a new start; guests are compared as sets, ignoring case.
 */
export function eventChanges(existing: ExistingEvent, wanted: WantedEvent): EventChanges | null {
  const changes: EventChanges = {};
  if (existing.summary !== wanted.summary) changes.summary = wanted.summary;
  if (existing.description !== wanted.description) changes.description = wanted.description;
  if (existing.location !== wanted.location) changes.location = wanted.location;
  if (existing.free !== wanted.free) changes.free = wanted.free;
  const zoneMatters = !isWholeDay(wanted.start);
  if (
    existing.start !== wanted.start ||
    existing.end !== wanted.end ||
    (zoneMatters && existing.timeZone !== wanted.timeZone)
  ) {
    changes.start = wanted.start;
    changes.end = wanted.end;
    changes.timeZone = wanted.timeZone;
  }
  if (!sameGuests(existing.guests, wanted.guests)) {
    changes.guests = [...wanted.guests];
    if (wanted.guestNames) changes.guestNames = wanted.guestNames;
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/** Guests added, kept and removed by a change (lower-cased). */
export function guestDifference(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; kept: string[]; removed: string[] } {
  const was = new Set(before.map((e) => e.trim().toLowerCase()));
  const is = new Set(after.map((e) => e.trim().toLowerCase()));
  return {
    added: [...is].filter((e) => !was.has(e)),
    kept: [...is].filter((e) => was.has(e)),
    removed: [...was].filter((e) => !is.has(e)),
  };
}
