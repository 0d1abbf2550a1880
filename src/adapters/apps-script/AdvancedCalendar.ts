import type { CalendarEvent, CalendarEventInput, CalendarPort } from '../../ports';

type EventResource = GoogleAppsScript.Calendar.Schema.Event;

/** The advanced service is a global only once enabled in appsscript.json. */
function service(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined') throw new Error('The Calendar advanced service is not enabled for this script (appsscript.json).');
  return Calendar;
}

/** Our events carry this private property, so a lost event id can be found again by key. */
const MARK = 'cohort';
const KEY = 'cohortKey';

/** 'YYYY-MM-DD' is a whole day; 'YYYY-MM-DDTHH:mm:ss' a wall-clock time in `timeZone`. */
function when(value: string, timeZone: string): GoogleAppsScript.Calendar.Schema.EventDateTime {
  return value.length === 10 ? { date: value } : { dateTime: value, timeZone };
}

function resource(input: Partial<Omit<CalendarEventInput, 'key'>>, timeZone: string | undefined): EventResource {
  const r: EventResource = {};
  if (input.summary !== undefined) r.summary = input.summary;
  if (input.description !== undefined) r.description = input.description;
  if (input.start !== undefined) r.start = when(input.start, input.timeZone ?? timeZone ?? 'Europe/London');
  if (input.end !== undefined) r.end = when(input.end, input.timeZone ?? timeZone ?? 'Europe/London');
  if (input.guests !== undefined) r.attendees = input.guests.map((email) => ({ email }));
  return r;
}

/** The wall-clock part of what Google returns ('2025-05-07T10:00:00+01:00' → '2025-05-07T10:00:00'). */
function wall(t: GoogleAppsScript.Calendar.Schema.EventDateTime | undefined): string {
  if (!t) return '';
  return t.date ?? (t.dateTime ?? '').slice(0, 19);
}

function toEvent(e: EventResource): CalendarEvent {
  const video = e.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri;
  return {
    id: e.id ?? '',
    key: e.extendedProperties?.private?.[KEY] ?? '',
    summary: e.summary ?? '',
    description: e.description ?? '',
    start: wall(e.start),
    end: wall(e.end),
    timeZone: e.start?.timeZone ?? '',
    guests: (e.attendees ?? []).map((a) => a.email ?? '').filter(Boolean),
    meetLink: e.hangoutLink ?? video ?? '',
    status: (e.status as CalendarEvent['status']) ?? 'confirmed',
  };
}

/** The CalendarPort on the Advanced Calendar service (v3). Guests hear of changes from Google itself. */
export class AdvancedCalendar implements CalendarPort {
  ensureCalendar(name: string, timeZone: string, existingId: string | null): string {
    if (existingId) {
      try {
        const found = service().Calendars!.get(existingId);
        if (found.id) return found.id;
      } catch {
        // Deleted or no longer shared with us: make a new one below.
      }
    }
    const created = service().Calendars!.insert({ summary: name, timeZone });
    return created.id ?? '';
  }

  listByKey(calendarId: string): Map<string, CalendarEvent> {
    const events = new Map<string, CalendarEvent>();
    let pageToken: string | undefined;
    do {
      const page = service().Events!.list(calendarId, {
        privateExtendedProperty: `${MARK}=1`,
        maxResults: 250,
        showDeleted: false,
        pageToken,
      });
      for (const item of page.items ?? []) {
        const event = toEvent(item);
        if (event.key && event.status !== 'cancelled') events.set(event.key, event);
      }
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return events;
  }

  create(calendarId: string, input: CalendarEventInput): CalendarEvent {
    const r = resource(input, input.timeZone);
    r.reminders = { useDefault: false, overrides: [{ method: 'email', minutes: 24 * 60 }, { method: 'popup', minutes: 15 }] };
    r.extendedProperties = { private: { [MARK]: '1', [KEY]: input.key } };
    // Google ignores a repeated requestId, so a retried insert never makes a second Meet room.
    r.conferenceData = { createRequest: { requestId: `cohort-${input.key}`, conferenceSolutionKey: { type: 'hangoutsMeet' } } };
    return toEvent(service().Events!.insert(r, calendarId, { conferenceDataVersion: 1, sendUpdates: 'all' }));
  }

  patch(calendarId: string, eventId: string, changes: Partial<Omit<CalendarEventInput, 'key'>>): CalendarEvent {
    return toEvent(service().Events!.patch(resource(changes, changes.timeZone), calendarId, eventId, { sendUpdates: 'all' }));
  }
}
