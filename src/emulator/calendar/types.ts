/** Shapes shared by the Calendar emulator's files. Event and calendar shapes are Google's own. */
export type CalendarEvent = GoogleAppsScript.Calendar.Schema.Event;
export type EventDateTime = GoogleAppsScript.Calendar.Schema.EventDateTime;
export type EventAttendee = GoogleAppsScript.Calendar.Schema.EventAttendee;
export type CalendarResource = GoogleAppsScript.Calendar.Schema.Calendar;

/** A calendar as stored: Google's fields (id, summary, timeZone, description?, location?). */
export interface CalendarRecord {
  id: string;
  summary: string;
  timeZone: string;
  description?: string;
  location?: string;
  /** True for the owner's own calendar (id = the owner's address, reachable as `primary`). */
  primary: boolean;
  /**
   * The account the calendar belongs to. Only that account reaches it: sharing is not emulated, so
   * any other account gets "Not Found", as Google answers for a calendar it may not see.
   */
  owner: string;
}

/** An event as stored: exactly what the API returns, plus the calendar it lives in. */
export interface EventRecord {
  calendarId: string;
  event: CalendarEvent;
}

/** Thrown inside the module with the API's error text; the collection adds the REST method name. */
export class ApiReason extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ApiReason';
  }
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Copies a value the script passed into plain host-realm JSON. A `Date` becomes its ISO string
 * (JSON.stringify calls toJSON), which is how the advanced service serialises a request body.
 * [uncertain] Google may reject a Date where a string is expected; scripts should pass strings.
 */
export function fromScript(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
}

/** A deep copy for handing out (the script must not reach into stored state). */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
