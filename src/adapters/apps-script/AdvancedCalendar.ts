import type { EventChanges } from '../../domain/calendar/eventChanges';
import { isWholeDay } from '../../domain/calendar/eventInput';
import type { CalendarEvent, CalendarEventInput, CalendarPort, MeetRoom } from '../../ports';

type EventResource = GoogleAppsScript.Calendar.Schema.Event;
type EventDateTime = GoogleAppsScript.Calendar.Schema.EventDateTime;
type Attendee = GoogleAppsScript.Calendar.Schema.EventAttendee;

/** The advanced service is a global only once enabled in appsscript.json. */
function service(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined')
    throw new Error('The Calendar advanced service is not enabled for this script (appsscript.json).');
  return Calendar;
}

/** A guest as Google takes one: the address, and the name shown beside it when we know it. */
function attendee(email: string, names: Readonly<Record<string, string>> | undefined): Attendee {
  const name = names?.[email];
  return name ? { email, displayName: name } : { email };
}

/**
 * Our events carry these private properties (seen only on this calendar): a mark to list them all
 * at once, the programme row's key and whose copy it is, so an event whose id was never written
 * back is found again and never made twice.
 */
const MARK = 'cohort';
const KEY = 'cohortKey';
const PERSON = 'cohortPerson';
const DEFAULT_ZONE = 'Europe/London';
/** Google's largest page: one list call for a programme of up to 2,500 events. */
const PAGE = 2500;
/** Every write tells the guests: the only guest of a copy is the person it concerns. */
const NOTIFY = { sendUpdates: 'all' };

/**
 * 'YYYY-MM-DD' is a whole day; 'YYYY-MM-DDTHH:mm:ss' a wall-clock time in `timeZone`. In a patch,
 * nested objects merge field by field, so switching between a whole day and a timed event must clear
 * the other field with an explicit JSON null (the typings have no null, hence the cast).
 */
function when(value: string, timeZone: string, clearOther: boolean): EventDateTime {
  const cleared = null as unknown as undefined;
  if (isWholeDay(value))
    return clearOther ? { date: value, dateTime: cleared, timeZone: cleared } : { date: value };
  return clearOther ? { dateTime: value, timeZone, date: cleared } : { dateTime: value, timeZone };
}

/** Google answers a missing or deleted calendar or event with "Not Found" / "Resource has been deleted". */
function isGone(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /Not Found|notFound|has been deleted/i.test(message);
}

/**
 * Reminders: a session by email the day before and on screen 15 minutes before; a whole-day
 * reminder at 09:00 the day before (Google counts a whole day's reminders back from its midnight).
 */
function reminders(input: Pick<CalendarEventInput, 'free' | 'start'>): EventResource['reminders'] {
  if (input.free && isWholeDay(input.start)) {
    return {
      useDefault: false,
      overrides: [
        { method: 'email', minutes: 15 * 60 },
        { method: 'popup', minutes: 15 * 60 },
      ],
    };
  }
  return {
    useDefault: false,
    overrides: [
      { method: 'email', minutes: 24 * 60 },
      { method: 'popup', minutes: 15 },
    ],
  };
}

const meetRequest = (requestId: string): EventResource['conferenceData'] => ({
  createRequest: { requestId, conferenceSolutionKey: { type: 'hangoutsMeet' } },
});

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

  listEvents(calendarId: string): CalendarEvent[] {
    return this.list(calendarId, [`${MARK}=1`]);
  }

  find(calendarId: string, key: string, person: string): CalendarEvent | null {
    return this.list(calendarId, [`${MARK}=1`, `${KEY}=${key}`, `${PERSON}=${person}`])[0] ?? null;
  }

  private list(calendarId: string, filters: string[]): CalendarEvent[] {
    const events: CalendarEvent[] = [];
    let pageToken: string | undefined;
    do {
      const page = service().Events!.list(calendarId, {
        privateExtendedProperty: filters,
        maxResults: PAGE,
        showDeleted: false,
        pageToken,
      });
      for (const item of page.items ?? []) {
        const event = this.toEvent(item, page.timeZone ?? '');
        if (event.key && event.status !== 'cancelled') events.push(event);
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
      guestsCanSeeOtherGuests: false,
      guestsCanInviteOthers: false,
      guestsCanModify: false,
      reminders: reminders(input),
      extendedProperties: { private: { [MARK]: '1', [KEY]: input.key, [PERSON]: input.person } },
    };
    if (input.location) r.location = input.location;
    if (input.free) r.transparency = 'transparent';
    // Google ignores a repeated requestId, so a retried insert never asks for a second room.
    if (input.wantsRoom) r.conferenceData = meetRequest(`cohort-${input.key}-1`);
    const created = service().Events!.insert(
      r,
      calendarId,
      input.wantsRoom ? { ...NOTIFY, conferenceDataVersion: 1 } : NOTIFY,
    );
    return this.toEvent(created, created.start?.timeZone ?? '');
  }

  patch(calendarId: string, eventId: string, changes: EventChanges): CalendarEvent {
    const zone = changes.timeZone || DEFAULT_ZONE;
    const r: EventResource = {};
    if (changes.summary !== undefined) r.summary = changes.summary;
    if (changes.description !== undefined) r.description = changes.description;
    if (changes.location !== undefined) r.location = changes.location;
    if (changes.free !== undefined) r.transparency = changes.free ? 'transparent' : 'opaque';
    if (changes.start !== undefined) r.start = when(changes.start, zone, true);
    if (changes.end !== undefined) r.end = when(changes.end, zone, true);
    if (changes.guests !== undefined) {
      const known = this.attendees.get(eventId) ?? [];
      r.attendees = changes.guests.map(
        (email) => known.find((a) => sameAddress(a.email, email)) ?? attendee(email, changes.guestNames),
      );
    }
    const patched = service().Events!.patch(r, calendarId, eventId, NOTIFY);
    return this.toEvent(patched, patched.start?.timeZone ?? '');
  }

  remove(calendarId: string, eventId: string): void {
    try {
      service().Events!.remove(calendarId, eventId, NOTIFY);
    } catch (e) {
      // Deleted already (by a run cut off after the call, or by hand): what was wanted is done.
      if (!isGone(e)) throw e;
    }
  }

  requestRoom(calendarId: string, eventId: string, requestId: string): CalendarEvent {
    const patched = service().Events!.patch({ conferenceData: meetRequest(requestId) }, calendarId, eventId, {
      ...NOTIFY,
      conferenceDataVersion: 1,
    });
    return this.toEvent(patched, patched.start?.timeZone ?? '');
  }

  /** `calendarZone`: the zone Google wrote the list's times in ('' when not known). */
  private toEvent(e: EventResource, calendarZone: string): CalendarEvent {
    const guests = (e.attendees ?? []).filter((a) => !a.organizer && !a.resource);
    if (e.id) this.attendees.set(e.id, guests);
    const request = e.conferenceData?.createRequest;
    return {
      id: e.id ?? '',
      key: e.extendedProperties?.private?.[KEY] ?? '',
      person: e.extendedProperties?.private?.[PERSON] ?? '',
      summary: e.summary ?? '',
      description: e.description ?? '',
      location: e.location ?? '',
      start: wall(e.start, calendarZone),
      end: wall(e.end, calendarZone),
      timeZone: e.start?.timeZone ?? '',
      // The organiser (a secondary calendar's own address) is not a guest we invited.
      guests: guests.map((a) => a.email ?? '').filter(Boolean),
      wantsRoom: request !== undefined,
      free: e.transparency === 'transparent',
      meetLink: meetLinkOf(e),
      room: roomOf(e),
      roomRequest: request?.requestId ?? '',
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

/** Meet's answer: "pending" until the room is made, then "success" with the link, or "failure". */
function roomOf(e: EventResource): MeetRoom {
  const status = e.conferenceData?.createRequest?.status?.statusCode;
  if (meetLinkOf(e)) return 'ready';
  if (status === 'pending') return 'pending';
  if (status === 'failure') return 'failed';
  return 'none';
}

function statusOf(e: EventResource): CalendarEvent['status'] {
  return e.status === 'tentative' || e.status === 'cancelled' ? e.status : 'confirmed';
}

function sameAddress(a: string | undefined, b: string): boolean {
  return (a ?? '').toLowerCase() === b.toLowerCase();
}
