import { NotImplemented } from '../runtime/errors';
import { instantOfStored } from './eventTimes';
import { parseDateTime } from './rfc3339';
import { ApiReason, type CalendarEvent, isJsonObject, type JsonValue } from './types';

export interface ListQuery {
  timeMin?: number;
  timeMax?: number;
  updatedMin?: number;
  showDeleted: boolean;
  orderBy?: 'startTime' | 'updated';
  maxResults: number;
  offset: number;
  privateProps: Array<[string, string]>;
  sharedProps: Array<[string, string]>;
  q?: string;
  iCalUID?: string;
}

const DEFAULT_PAGE = 250;
const MAX_PAGE = 2500;

function instantParam(value: JsonValue | undefined): number | undefined {
  if (value == null) return undefined;
  // The API wants an offset on timeMin/timeMax ("must be an RFC3339 timestamp with mandatory time
  // zone offset") [official]; a bare time is a Bad Request.
  const parsed = parseDateTime(String(value));
  if (!parsed || parsed.instant === null) throw new ApiReason('Bad Request');
  return parsed.instant;
}

function propertyFilters(value: JsonValue | undefined): Array<[string, string]> {
  if (value == null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    const text = String(item);
    const at = text.indexOf('=');
    if (at <= 0) throw new ApiReason('Invalid extended property constraint.');
    return [text.slice(0, at), text.slice(at + 1)];
  });
}

/** Encodes where the next page starts; opaque to the script, like Google's. */
export const pageToken = (offset: number): string => Buffer.from(`cohort:${offset}`).toString('base64url');

function offsetOf(token: JsonValue | undefined): number {
  if (token == null || token === '') return 0;
  const m = /^cohort:(\d+)$/.exec(Buffer.from(String(token), 'base64url').toString());
  if (!m) throw new ApiReason('Invalid page token value.');
  return Number(m[1]);
}

/** Reads Events.list's optional arguments. `singleEvents` is accepted: no event here recurs. */
export function parseListQuery(args: JsonValue | undefined): ListQuery {
  const a = isJsonObject(args) ? args : {};
  if (a.syncToken != null) throw new NotImplemented('Calendar.Events.list (syncToken)');
  // The response's zone changes how every dateTime is written; not modelled, so refused.
  if (a.timeZone != null) throw new NotImplemented('Calendar.Events.list (timeZone)');
  const orderBy = a.orderBy == null ? undefined : String(a.orderBy);
  if (orderBy !== undefined && orderBy !== 'startTime' && orderBy !== 'updated') {
    throw new ApiReason('Invalid value for: orderBy');
  }
  if (orderBy === 'startTime' && a.singleEvents !== true) {
    throw new ApiReason('The requested ordering is not available for the particular query.');
  }
  const max = a.maxResults == null ? DEFAULT_PAGE : Number(a.maxResults);
  if (!Number.isInteger(max) || max < 1) throw new ApiReason('Invalid value for: maxResults');
  return {
    timeMin: instantParam(a.timeMin),
    timeMax: instantParam(a.timeMax),
    updatedMin: instantParam(a.updatedMin),
    showDeleted: a.showDeleted === true,
    orderBy,
    maxResults: Math.min(max, MAX_PAGE),
    offset: offsetOf(a.pageToken),
    privateProps: propertyFilters(a.privateExtendedProperty),
    sharedProps: propertyFilters(a.sharedExtendedProperty),
    q: a.q == null ? undefined : String(a.q),
    iCalUID: a.iCalUID == null ? undefined : String(a.iCalUID),
  };
}

function matchesText(event: CalendarEvent, q: string): boolean {
  const hay = [
    event.summary,
    event.description,
    event.location,
    ...(event.attendees ?? []).flatMap((a) => [a.email, a.displayName]),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
  return q
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => hay.includes(word));
}

/**
 * The events that answer the query, in order. timeMin bounds the end (exclusive) and timeMax the
 * start (exclusive) [official]; every property filter must match. Without orderBy the order is
 * creation order (Google's is "unspecified" but stable).
 */
export function selectEvents(
  events: CalendarEvent[],
  query: ListQuery,
  calendarZone: string,
): CalendarEvent[] {
  const start = (e: CalendarEvent): number => instantOfStored(e.start, calendarZone);
  const end = (e: CalendarEvent): number => instantOfStored(e.end, calendarZone);
  const picked = events.filter((e) => {
    if (!query.showDeleted && e.status === 'cancelled') return false;
    if (query.timeMin !== undefined && !(end(e) > query.timeMin)) return false;
    if (query.timeMax !== undefined && !(start(e) < query.timeMax)) return false;
    if (query.updatedMin !== undefined && Date.parse(e.updated ?? '') < query.updatedMin) return false;
    if (query.iCalUID !== undefined && e.iCalUID !== query.iCalUID) return false;
    for (const [k, v] of query.privateProps) if (e.extendedProperties?.private?.[k] !== v) return false;
    for (const [k, v] of query.sharedProps) if (e.extendedProperties?.shared?.[k] !== v) return false;
    return query.q === undefined || matchesText(e, query.q);
  });
  if (query.orderBy === 'startTime') picked.sort((a, b) => start(a) - start(b));
  if (query.orderBy === 'updated')
    picked.sort((a, b) => Date.parse(a.updated ?? '') - Date.parse(b.updated ?? ''));
  return picked;
}
