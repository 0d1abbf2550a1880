import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { slug } from '../runtime/slug';
import { guestsOf } from './attendees';
import type { CalendarStore } from './CalendarStore';
import { instantOfStored } from './eventTimes';
import { toIcs } from './ics';
import { dateInZone } from './rfc3339';
import type { CalendarEvent } from './types';

export const CALENDAR_DIR = 'calendar';

function dateOf(event: CalendarEvent, zone: string): string {
  return event.start?.date ?? dateInZone(instantOfStored(event.start, zone), event.start?.timeZone ?? zone);
}

/**
 * Writes `calendar/<slug-of-summary>-<date>[-<the one guest>].ics` per event (METHOD:PUBLISH), cancelled ones too
 * (STATUS:CANCELLED), and removes .ics files there that no longer match an event (a moved date
 * renames the file). DTSTAMP is the event's last change, so an unchanged event gives the same bytes.
 */
export async function writeCalendarFiles(dir: string, store: CalendarStore): Promise<string[]> {
  const folder = join(dir, CALENDAR_DIR);
  await mkdir(folder, { recursive: true });
  const written = new Set<string>();
  for (const { calendarId, event } of store.records()) {
    const zone = store.anyCalendar(calendarId)?.timeZone ?? store.timeZone;
    // An event with one guest (a personal copy of a programme date) is named after that guest too.
    const guests = guestsOf(event.attendees);
    const guest = guests.length === 1 ? `-${slug(guests[0]?.email ?? '', 'guest', 60)}` : '';
    const base = `${slug(event.summary ?? '', 'event', 60)}-${dateOf(event, zone)}${guest}`;
    const name = written.has(`${base}.ics`) ? `${base}-${(event.id ?? '').slice(0, 8)}.ics` : `${base}.ics`;
    written.add(name);
    const stamp = Date.parse(event.updated ?? '') || 0;
    await writeFile(join(folder, name), toIcs([event], 'PUBLISH', stamp, zone));
  }
  for (const file of await readdir(folder)) {
    if (file.endsWith('.ics') && !written.has(file)) await rm(join(folder, file));
  }
  return [...written];
}
