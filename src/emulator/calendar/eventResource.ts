import { NotImplemented } from '../runtime/errors';
import { resolveAttendees } from './attendees';
import { meetLinkOf, resolveConference } from './conference';
import { resolveSpan } from './eventTimes';
import { etagFor, htmlLinkFor } from './ids';
import {
  ApiReason,
  type CalendarEvent,
  type CalendarRecord,
  copy,
  isJsonObject,
  type JsonObject,
  type JsonValue,
} from './types';

/** Plain fields a caller may set; copied as they come (strings for the text ones). */
const TEXT_FIELDS = ['summary', 'description', 'location', 'colorId', 'transparency', 'visibility'] as const;
const FLAG_FIELDS = [
  'guestsCanInviteOthers',
  'guestsCanModify',
  'guestsCanSeeOtherGuests',
  'anyoneCanAddSelf',
] as const;
/** Fields the emulator does not model: a body that sets one is refused, never half-applied. */
const NOT_EMULATED = [
  'recurrence',
  'attachments',
  'gadget',
  'workingLocationProperties',
  'focusTimeProperties',
];
const STATUSES = new Set(['confirmed', 'tentative', 'cancelled']);

export interface BuildContext {
  mode: 'insert' | 'update' | 'patch';
  calendar: CalendarRecord;
  /** The account making the call (the creator; only the calendar's owner gets this far). */
  owner: string;
  now: number;
  conferenceDataVersion: number;
  id: string;
  /** The stored event for update/patch. */
  existing?: CalendarEvent;
  /** The request body as the script sent it (a patch's own fields, before merging). */
  request: JsonObject;
}

/** Patch semantics: objects merge field by field, arrays replace, `null` clears. */
export function mergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  const out: JsonObject = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    if (value === null) delete out[key];
    else if (isJsonObject(value) && isJsonObject(current)) out[key] = mergePatch(current, value);
    else out[key] = value;
  }
  return out;
}

/** The fields of a stored event a caller could have set: what a patch is merged onto. */
export function writableView(event: CalendarEvent): JsonObject {
  const view: JsonObject = {};
  const source = copy(event) as unknown as JsonObject;
  for (const key of [
    ...TEXT_FIELDS,
    ...FLAG_FIELDS,
    'status',
    'start',
    'end',
    'attendees',
    'reminders',
    'extendedProperties',
    'source',
  ]) {
    const value = source[key];
    if (value !== undefined) view[key] = value;
  }
  return view;
}

function extendedProperties(value: JsonValue | undefined): CalendarEvent['extendedProperties'] {
  if (!isJsonObject(value)) return undefined;
  const out: NonNullable<CalendarEvent['extendedProperties']> = {};
  for (const scope of ['private', 'shared'] as const) {
    const map = value[scope];
    if (!isJsonObject(map)) continue;
    out[scope] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, String(v)]));
  }
  return out;
}

function organizerOf(calendar: CalendarRecord): NonNullable<CalendarEvent['organizer']> {
  // Events of a secondary calendar are organised by the calendar itself [observed].
  return calendar.primary
    ? { email: calendar.id, self: true }
    : { email: calendar.id, displayName: calendar.summary, self: true };
}

/**
 * Builds the stored event from a request body (for a patch: the stored fields with the patch merged
 * on). Server fields (id, iCalUID, htmlLink, created, updated, sequence, etag, organizer, creator) are
 * set here; read-only fields in the body are ignored, as the API ignores them.
 */
export function buildEvent(body: JsonObject, ctx: BuildContext): CalendarEvent {
  for (const key of NOT_EMULATED) {
    const v = body[key];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) {
      throw new NotImplemented(`Calendar.Events (field ${key})`);
    }
  }
  const { existing, calendar } = ctx;
  const status = body.status == null ? 'confirmed' : String(body.status);
  if (!STATUSES.has(status)) throw new ApiReason('Invalid value for: status');
  const span = resolveSpan(body.start, body.end, calendar.timeZone);
  const organizer = organizerOf(calendar);
  const attendees = resolveAttendees(body.attendees, { organizer: organizer.email ?? '', owner: ctx.owner });
  const conferenceData = resolveConference(
    ctx.request.conferenceData,
    'conferenceData' in ctx.request,
    existing?.conferenceData,
    { version: ctx.conferenceDataVersion, replace: ctx.mode === 'update' },
  );
  const updated = new Date(ctx.now).toISOString();
  const event: CalendarEvent = {
    kind: 'calendar#event',
    etag: '',
    id: ctx.id,
    status,
    htmlLink: htmlLinkFor(ctx.id, calendar.id),
    created: existing?.created ?? updated,
    updated,
  };
  for (const key of TEXT_FIELDS) if (body[key] != null) event[key] = String(body[key]);
  event.creator = { email: ctx.owner, self: true };
  event.organizer = organizer;
  event.start = span.start.value;
  event.end = span.end.value;
  event.iCalUID =
    existing?.iCalUID ??
    (typeof body.iCalUID === 'string' && body.iCalUID ? body.iCalUID : `${ctx.id}@google.com`);
  event.sequence = 0;
  if (attendees && attendees.length > 0) event.attendees = attendees;
  for (const key of FLAG_FIELDS) if (typeof body[key] === 'boolean') event[key] = body[key] as boolean;
  const ext = extendedProperties(body.extendedProperties);
  if (ext) event.extendedProperties = ext;
  if (conferenceData) event.conferenceData = conferenceData;
  const link = meetLinkOf(event);
  if (link) event.hangoutLink = link;
  event.reminders = isJsonObject(body.reminders)
    ? (copy(body.reminders) as CalendarEvent['reminders'])
    : { useDefault: true };
  if (isJsonObject(body.source)) event.source = copy(body.source) as CalendarEvent['source'];
  event.eventType = 'default';
  event.sequence = sequenceFor(event, ctx);
  event.etag = etagFor(ctx.now, event.sequence);
  return event;
}

/**
 * The iCalendar revision counter. It starts at 0 (or a caller's value) and rises by one when a change
 * matters to guests: time, summary, description, location, Meet link or status (RFC 5546 §2.1.4 names
 * time and status; Google also re-sends for the text fields). Adding or removing guests alone does
 * not raise it [uncertain]. A caller's sequence below the stored one is refused, as Google does.
 */
function sequenceFor(event: CalendarEvent, ctx: BuildContext): number {
  const asked = typeof ctx.request.sequence === 'number' ? ctx.request.sequence : undefined;
  if (!ctx.existing) return asked !== undefined && asked >= 0 ? Math.floor(asked) : 0;
  const current = ctx.existing.sequence ?? 0;
  if (asked !== undefined) {
    if (asked < current) {
      throw new ApiReason(
        'Invalid sequence value. The specified sequence number is below the current sequence number of the resource.',
      );
    }
    return Math.floor(asked);
  }
  return current + (changedFields(ctx.existing, event).length > 0 ? 1 : 0);
}

export type ChangedField = 'time' | 'summary' | 'description' | 'location' | 'conference' | 'status';

/** What changed between two versions of an event that a guest would want to hear about. */
export function changedFields(before: CalendarEvent, after: CalendarEvent): ChangedField[] {
  const out: ChangedField[] = [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const when = (e: CalendarEvent) => [e.start?.dateTime ?? e.start?.date, e.end?.dateTime ?? e.end?.date];
  if (!same(when(before), when(after))) out.push('time');
  if (!same(before.summary, after.summary)) out.push('summary');
  if (!same(before.description, after.description)) out.push('description');
  if (!same(before.location, after.location)) out.push('location');
  if (!same(meetLinkOf(before), meetLinkOf(after))) out.push('conference');
  if (!same(before.status, after.status)) out.push('status');
  return out;
}

/** True when a write would leave the event as it was (then nothing is stored or counted). */
export function sameContent(before: CalendarEvent, after: CalendarEvent): boolean {
  const strip = (e: CalendarEvent) => ({ ...e, etag: '', updated: '', sequence: 0 });
  return JSON.stringify(strip(before)) === JSON.stringify(strip(after));
}
