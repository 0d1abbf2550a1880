import type { CalendarEvent, CalendarEventInput, CalendarPort } from '../../ports';

type EventResource = GoogleAppsScript.Calendar.Schema.Event;
type EventDateTime = GoogleAppsScript.Calendar.Schema.EventDateTime;
type Attendee = GoogleAppsScript.Calendar.Schema.EventAttendee;
type Changes = Partial<Omit<CalendarEventInput, 'key'>>;

/** The advanced service is a global only once enabled in appsscript.json. */
function service(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined')
    throw new Error('The Calendar advanced service is not enabled for this script (appsscript.json).');
  return Calendar;
}

/** A guest as Google takes one: the address, and the name shown beside it when we know it. */
function attendee(
  email: string,
  names: Readonly<Record<string, string>> | undefined,
): GoogleAppsScript.Calendar.Schema.EventAttendee {
  const name = names?.[email];
  return name ? { email, displayName: name } : { email };
}

/** Our events carry this private property, so a lost event id can be found again by key. */
const MARK = 'cohort';
const KEY = 'cohortKey';
const DEFAULT_ZONE = 'Europe/London';

/**
 * 'YYYY-MM-DD' is a whole day; 'YYYY-MM-DDTHH:mm:ss' a wall-clock time in `timeZone`. In a patch,
 * nested objects merge field by field, so switching between a whole day and a timed event must clear
 * the other field with an explicit JSON null (the typings have no null, hence the cast).
 */
function when(value: string, timeZone: string, clearOther: boolean): EventDateTime {
  const cleared = null as unknown as undefined;
  if (value.length === 10)
    return clearOther ? { date: value, dateTime: cleared, timeZone: cleared } : { date: value };
  return clearOther ? { dateTime: value, timeZone, date: cleared } : { dateTime: value, timeZone };
}

/** Google answers a missing or deleted calendar with "Not Found" (a 404); other errors may pass. */
function isGone(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /Not Found|notFound|has been deleted/i.test(message);
}

/** The CalendarPort on the Advanced Calendar service (v3). Guests hear of changes from Google itself. */
export class AdvancedCalendar implements CalendarPort {
  /**
   * The attendee records Google returned, by event id (this execution only). A patch of the guest
   * list replaces the whole array, so the people who stay are sent back as Google had them: their
   * answers (accepted, declined) are kept.
   */
  private readonly attendees = new Map<string, Attendee[]>();

  ensureCalendar(name: string, timeZone: string, existingId: string | null): string {
    if (existingId) {
      try {
        const found = service().Calendars!.get(existingId);
        if (found.id) return found.id;
      } catch (e) {
        // Only a calendar that is gone is replaced: a busy or failing Google must not make a second one.
        if (!isGone(e)) throw e;
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
        const event = this.toEvent(item, page.timeZone ?? '');
        if (event.key && event.status !== 'cancelled') events.set(event.key, event);
      }
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return events;
  }

  create(calendarId: string, input: CalendarEventInput): CalendarEvent {
    const zone = input.timeZone || DEFAULT_ZONE;
    const r: EventResource = {
      summary: input.summary,
      description: input.description,
      start: when(input.start, zone, false),
      end: when(input.end, zone, false),
      attendees: input.guests.map((email) => attendee(email, input.guestNames)),
      // Guests need not learn each other's addresses from an invitation.
      guestsCanSeeOtherGuests: false,
      reminders: {
        useDefault: false,
        overrides: [
          { method: 'email', minutes: 24 * 60 },
          { method: 'popup', minutes: 15 },
        ],
      },
      extendedProperties: { private: { [MARK]: '1', [KEY]: input.key } },
      // Google ignores a repeated requestId, so a retried insert never makes a second Meet room.
      conferenceData: {
        createRequest: { requestId: `cohort-${input.key}`, conferenceSolutionKey: { type: 'hangoutsMeet' } },
      },
    };
    const created = service().Events!.insert(r, calendarId, { conferenceDataVersion: 1, sendUpdates: 'all' });
    this.remember(created);
    // What we asked for is what the event now holds; Google's copy only adds the id and Meet link.
    return {
      ...input,
      guests: [...input.guests],
      id: created.id ?? '',
      meetLink: meetLinkOf(created),
      status: statusOf(created),
    };
  }

  patch(calendarId: string, eventId: string, changes: Changes): CalendarEvent {
    const zone = changes.timeZone || DEFAULT_ZONE;
    const r: EventResource = {};
    if (changes.summary !== undefined) r.summary = changes.summary;
    if (changes.description !== undefined) r.description = changes.description;
    if (changes.start !== undefined) r.start = when(changes.start, zone, true);
    if (changes.end !== undefined) r.end = when(changes.end, zone, true);
    if (changes.guests !== undefined) {
      const known = this.attendees.get(eventId) ?? [];
      r.attendees = changes.guests.map(
        (email) => known.find((a) => sameAddress(a.email, email)) ?? attendee(email, changes.guestNames),
      );
    }
    const patched = service().Events!.patch(r, calendarId, eventId, { sendUpdates: 'all' });
    // Only the id, the Meet link and the guests of this copy are used: read its times as written.
    return this.toEvent(patched, patched.start?.timeZone ?? '');
  }

  private remember(e: EventResource): void {
    if (e.id)
      this.attendees.set(
        e.id,
        (e.attendees ?? []).filter((a) => !a.organizer && !a.resource),
      );
  }

  /** `calendarZone`: the zone Google wrote the list's times in ('' when not known). */
  private toEvent(e: EventResource, calendarZone: string): CalendarEvent {
    this.remember(e);
    const timeZone = e.start?.timeZone ?? '';
    return {
      id: e.id ?? '',
      key: e.extendedProperties?.private?.[KEY] ?? '',
      summary: e.summary ?? '',
      description: e.description ?? '',
      start: wall(e.start, calendarZone),
      end: wall(e.end, calendarZone),
      timeZone,
      // The organiser (a secondary calendar's own address) is not a guest we invited.
      guests: (e.attendees ?? [])
        .filter((a) => !a.organizer && !a.resource)
        .map((a) => a.email ?? '')
        .filter(Boolean),
      meetLink: meetLinkOf(e),
      status: statusOf(e),
    };
  }
}

/**
 * The wall-clock reading of a start or end in the event's own zone: '2025-05-07T10:00:00+01:00' →
 * '2025-05-07T10:00:00'. Google writes the time with the offset of the calendar's zone (or of the
 * event's; either way the digits are right when the two zones are the same); otherwise the instant
 * is read in the event's zone by Utilities.formatDate.
 */
function wall(t: EventDateTime | undefined, calendarZone: string): string {
  if (!t) return '';
  if (t.date) return t.date;
  const dateTime = t.dateTime ?? '';
  if (!t.timeZone || t.timeZone === calendarZone || !/[+-]\d\d:\d\d$|Z$/.test(dateTime))
    return dateTime.slice(0, 19);
  return Utilities.formatDate(new Date(dateTime), t.timeZone, "yyyy-MM-dd'T'HH:mm:ss");
}

function meetLinkOf(e: EventResource): string {
  const video = e.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri;
  return e.hangoutLink ?? video ?? '';
}

function statusOf(e: EventResource): CalendarEvent['status'] {
  return e.status === 'tentative' || e.status === 'cancelled' ? e.status : 'confirmed';
}

function sameAddress(a: string | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}
