import { apiError } from './GoogleJsonResponseException';
import { ApiReason } from './types';

/** The calls a test can make fail. */
export type CalendarCallKind =
  | 'insert'
  | 'patch'
  | 'update'
  | 'get'
  | 'list'
  | 'remove'
  | 'calendars.insert'
  | 'calendars.get';

export interface CalendarCall {
  method: CalendarCallKind;
  calendarId: string;
  eventId?: string;
}

/**
 * Host-side fault injection: a hook that returns a string makes the call throw
 * `GoogleJsonResponseException: API call to calendar.<rest method> failed with error: <string>`
 * (e.g. 'Rate Limit Exceeded', 'Calendar usage limits exceeded.'), and nothing changes.
 */
export type CalendarFailure = (call: CalendarCall) => string | undefined;

const REST: Record<CalendarCallKind, string> = {
  insert: 'calendar.events.insert',
  patch: 'calendar.events.patch',
  update: 'calendar.events.update',
  get: 'calendar.events.get',
  list: 'calendar.events.list',
  remove: 'calendar.events.delete',
  'calendars.insert': 'calendar.calendars.insert',
  'calendars.get': 'calendar.calendars.get',
};

/**
 * Runs one API call as Apps Script surfaces it: injected failures first, then the work, with the
 * module's ApiReason turned into Google's exception naming the REST method.
 */
export function apiCall<T>(failures: readonly CalendarFailure[], call: CalendarCall, work: () => T): T {
  const rest = REST[call.method];
  for (const failure of failures) {
    const reason = failure(call);
    if (reason !== undefined) throw apiError(rest, reason);
  }
  try {
    return work();
  } catch (e) {
    if (e instanceof ApiReason) throw apiError(rest, e.reason);
    throw e;
  }
}
