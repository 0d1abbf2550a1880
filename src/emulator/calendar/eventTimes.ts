import { instantOf, isTimeZone } from '../runtime/timeZone';
import { parseDate, parseDateTime, rfc3339InZone } from './rfc3339';
import { ApiReason, type EventDateTime, isJsonObject, type JsonValue } from './types';

/** A start or end as the API returns it, with the instant it stands for. */
export interface ResolvedTime {
  value: EventDateTime;
  /** The instant; for an all-day `date`, midnight of that day in the calendar's zone. */
  ms: number;
  allDay: boolean;
}

/**
 * Resolves one `start`/`end` of a request body. A `dateTime` without offset is wall-clock time in the
 * given `timeZone`; one with an offset is that instant. The result's `dateTime` carries the offset of
 * the event's zone (its `timeZone`, else the calendar's), as Google returns it.
 * Error texts: "Missing time zone definition for start time." and "Missing end time." are Google's
 * [observed]; the others follow their pattern [uncertain].
 */
export function resolveTime(
  input: JsonValue | undefined,
  which: 'start' | 'end',
  calendarZone: string,
): ResolvedTime {
  if (!isJsonObject(input) || (input.date == null && input.dateTime == null)) {
    throw new ApiReason(`Missing ${which} time.`);
  }
  const timeZone = input.timeZone == null ? undefined : String(input.timeZone);
  if (timeZone !== undefined && !isTimeZone(timeZone)) {
    throw new ApiReason(`Invalid time zone definition for ${which} time.`);
  }
  if (input.date != null && input.dateTime != null) throw new ApiReason(`Invalid ${which} time.`);
  if (input.date != null) {
    const d = parseDate(String(input.date));
    if (!d) throw new ApiReason(`Invalid ${which} time.`);
    const ms = instantOf({ ...d, hour: 0, minute: 0, second: 0 }, timeZone ?? calendarZone);
    const date = String(input.date).trim();
    return { value: timeZone ? { date, timeZone } : { date }, ms, allDay: true };
  }
  const parsed = parseDateTime(String(input.dateTime));
  if (!parsed) throw new ApiReason(`Invalid ${which} time.`);
  if (parsed.instant === null && timeZone === undefined) {
    throw new ApiReason(`Missing time zone definition for ${which} time.`);
  }
  const ms = parsed.instant ?? instantOf(parsed.wall, timeZone ?? calendarZone);
  const dateTime = rfc3339InZone(ms, timeZone ?? calendarZone);
  return { value: timeZone ? { dateTime, timeZone } : { dateTime }, ms, allDay: false };
}

/** Both ends of an event, checked against each other. */
export function resolveSpan(
  start: JsonValue | undefined,
  end: JsonValue | undefined,
  calendarZone: string,
): { start: ResolvedTime; end: ResolvedTime } {
  const s = resolveTime(start, 'start', calendarZone);
  const e = resolveTime(end, 'end', calendarZone);
  if (s.allDay !== e.allDay) {
    throw new ApiReason('Start and end times must either both be date or both be dateTime.');
  }
  if (e.ms < s.ms) throw new ApiReason('The specified time range is empty.');
  return { start: s, end: e };
}

/** The instant a stored start/end stands for (stored values always carry an offset or a date). */
export function instantOfStored(value: EventDateTime | undefined, calendarZone: string): number {
  return resolveTime((value ?? {}) as JsonValue, 'start', calendarZone).ms;
}
