import type { Runtime } from '../runtime/Runtime';
import { isTimeZone } from '../runtime/timeZone';
import { apiCall, type CalendarFailure } from './CalendarFailures';
import type { CalendarStore } from './CalendarStore';
import { ApiReason, type CalendarRecord, type CalendarResource, fromScript, isJsonObject } from './types';

type Api = GoogleAppsScript.Calendar.Collection.CalendarsCollection;

export interface CalendarsDeps {
  readonly rt: Runtime;
  readonly store: CalendarStore;
  readonly failures: readonly CalendarFailure[];
}

/** The API's view of a stored calendar. */
export function calendarResource(c: CalendarRecord): CalendarResource {
  const out: CalendarResource = {
    kind: 'calendar#calendar',
    id: c.id,
    summary: c.summary,
    timeZone: c.timeZone,
    conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
  };
  if (c.description) out.description = c.description;
  if (c.location) out.location = c.location;
  return out;
}

/** `Calendar.Calendars` of the Calendar advanced service (v3). */
export class CalendarsCollection implements Pick<Api, 'insert' | 'get'> {
  constructor(private readonly deps: CalendarsDeps) {}

  /**
   * Creates a secondary calendar owned by the account the script runs as (only it reaches it). A missing time zone takes the owner's
   * [uncertain: Google may use UTC]; error wording [uncertain].
   */
  insert(resource: CalendarResource, _optionalArgs?: object, _headers?: object): CalendarResource {
    this.deps.rt.call('Calendar.Calendars.insert');
    return apiCall(this.deps.failures, { method: 'calendars.insert', calendarId: '' }, () => {
      const body = fromScript(resource);
      if (!isJsonObject(body) || typeof body.summary !== 'string' || body.summary.trim() === '') {
        throw new ApiReason('Missing title.');
      }
      const timeZone = body.timeZone == null ? this.deps.store.timeZone : String(body.timeZone);
      if (!isTimeZone(timeZone)) throw new ApiReason('Invalid time zone definition.');
      const record = this.deps.store.addCalendar(this.deps.rt.user, {
        summary: body.summary,
        timeZone,
        ...(typeof body.description === 'string' ? { description: body.description } : {}),
        ...(typeof body.location === 'string' ? { location: body.location } : {}),
      });
      return calendarResource(record);
    });
  }

  get(calendarId: string, _optionalArgs?: object, _headers?: object): CalendarResource {
    this.deps.rt.call('Calendar.Calendars.get');
    return apiCall(this.deps.failures, { method: 'calendars.get', calendarId }, () => {
      // Another account's calendar is "Not Found" (no sharing is emulated) [official, CAL/guides/errors].
      const calendar =
        typeof calendarId === 'string' ? this.deps.store.calendar(this.deps.rt.user, calendarId) : undefined;
      if (!calendar) throw new ApiReason('Not Found');
      return calendarResource(calendar);
    });
  }
}
