import type { Runtime } from '../runtime/Runtime';
import { apiCall, type CalendarFailure } from './CalendarFailures';
import type { CalendarStore } from './CalendarStore';
import { buildEvent, mergePatch, sameContent, writableView } from './eventResource';
import { instantOfStored } from './eventTimes';
import { isValidEventId } from './ids';
import { type InvitationMailer, invitationsFor, type SendUpdates } from './invitations';
import { pageToken, parseListQuery, selectEvents } from './listQuery';
import {
  ApiReason,
  type CalendarEvent,
  type CalendarRecord,
  copy,
  fromScript,
  isJsonObject,
  type JsonObject,
} from './types';

type Api = GoogleAppsScript.Calendar.Collection.EventsCollection;
type Events = GoogleAppsScript.Calendar.Schema.Events;

export interface EventsDeps {
  readonly rt: Runtime;
  readonly store: CalendarStore;
  readonly mailer: InvitationMailer;
  readonly failures: readonly CalendarFailure[];
}

function options(value: unknown): JsonObject {
  const v = fromScript(value);
  return isJsonObject(v) ? v : {};
}

function sendUpdatesOf(opts: JsonObject): SendUpdates {
  const v = opts.sendUpdates;
  if (v == null) return opts.sendNotifications === true ? 'all' : 'none';
  if (v === 'all' || v === 'externalOnly' || v === 'none') return v;
  throw new ApiReason('Invalid value for: sendUpdates');
}

/** `Calendar.Events` of the Calendar advanced service (v3). */
export class EventsCollection
  implements Pick<Api, 'insert' | 'get' | 'list' | 'patch' | 'update' | 'remove'>
{
  constructor(private readonly deps: EventsDeps) {}

  insert(
    resource: CalendarEvent,
    calendarId: string,
    optionalArgs?: object,
    _headers?: object,
  ): CalendarEvent {
    this.deps.rt.call('Calendar.Events.insert');
    return apiCall(this.deps.failures, { method: 'insert', calendarId }, () => {
      const calendar = this.calendar(calendarId);
      const body = this.body(resource);
      const opts = options(optionalArgs);
      const sendUpdates = sendUpdatesOf(opts);
      let id: string;
      if (typeof body.id === 'string') {
        if (!isValidEventId(body.id)) throw new ApiReason('Invalid resource id value.');
        if (this.deps.store.event(calendar.id, body.id))
          throw new ApiReason('The requested identifier already exists.');
        id = body.id;
      } else {
        id = this.deps.store.newEventId(calendar.id);
      }
      const event = buildEvent(body, {
        mode: 'insert',
        calendar,
        owner: this.deps.store.owner,
        now: this.deps.rt.clock.now(),
        conferenceDataVersion: Number(opts.conferenceDataVersion ?? 0),
        id,
        request: body,
      });
      return this.commit(calendar, null, event, sendUpdates);
    });
  }

  get(calendarId: string, eventId: string, _optionalArgs?: object, _headers?: object): CalendarEvent {
    this.deps.rt.call('Calendar.Events.get');
    return apiCall(this.deps.failures, { method: 'get', calendarId, eventId }, () => {
      // A deleted event is still returned, with status "cancelled" [observed].
      return copy(this.existing(this.calendar(calendarId), eventId));
    });
  }

  list(calendarId: string, optionalArgs?: object, _headers?: object): Events {
    this.deps.rt.call('Calendar.Events.list');
    return apiCall(this.deps.failures, { method: 'list', calendarId }, () => {
      const calendar = this.calendar(calendarId);
      const query = parseListQuery(fromScript(optionalArgs));
      const all = selectEvents(this.deps.store.events(calendar.id), query, calendar.timeZone);
      const items = all.slice(query.offset, query.offset + query.maxResults);
      const next = query.offset + items.length;
      const updatedMs = Math.max(0, ...all.map((e) => Date.parse(e.updated ?? '') || 0));
      const updated = new Date(updatedMs || this.deps.rt.clock.now()).toISOString();
      const page: Events = {
        kind: 'calendar#events',
        etag: `"${updatedMs * 1000}"`,
        summary: calendar.summary,
        updated,
        timeZone: calendar.timeZone,
        accessRole: 'owner',
        defaultReminders: [],
        items: copy(items),
      };
      if (calendar.description) page.description = calendar.description;
      if (next < all.length) page.nextPageToken = pageToken(next);
      return page;
    });
  }

  patch(
    resource: CalendarEvent,
    calendarId: string,
    eventId: string,
    optionalArgs?: object,
    _headers?: object,
  ): CalendarEvent {
    this.deps.rt.call('Calendar.Events.patch');
    return apiCall(this.deps.failures, { method: 'patch', calendarId, eventId }, () =>
      this.rewrite('patch', resource, calendarId, eventId, optionalArgs),
    );
  }

  update(
    resource: CalendarEvent,
    calendarId: string,
    eventId: string,
    optionalArgs?: object,
    _headers?: object,
  ): CalendarEvent {
    this.deps.rt.call('Calendar.Events.update');
    return apiCall(this.deps.failures, { method: 'update', calendarId, eventId }, () =>
      this.rewrite('update', resource, calendarId, eventId, optionalArgs),
    );
  }

  /**
   * Deletes an event. Google keeps it with status "cancelled" (Events.get returns it, Events.list
   * only with showDeleted); deleting it again is "Resource has been deleted" (410).
   */
  remove(calendarId: string, eventId: string, optionalArgs?: object, _headers?: object): void {
    this.deps.rt.call('Calendar.Events.remove');
    apiCall(this.deps.failures, { method: 'remove', calendarId, eventId }, () => {
      const calendar = this.calendar(calendarId);
      const before = this.existing(calendar, eventId);
      if (before.status === 'cancelled') throw new ApiReason('Resource has been deleted');
      const sendUpdates = sendUpdatesOf(options(optionalArgs));
      const after = buildEvent(mergePatch(writableView(before), { status: 'cancelled' }), {
        mode: 'patch',
        calendar,
        owner: this.deps.store.owner,
        now: this.deps.rt.clock.now(),
        conferenceDataVersion: 0,
        id: eventId,
        existing: before,
        request: { status: 'cancelled' },
      });
      this.commit(calendar, before, after, sendUpdates);
    });
  }

  private rewrite(
    mode: 'patch' | 'update',
    resource: CalendarEvent,
    calendarId: string,
    eventId: string,
    optionalArgs: object | undefined,
  ): CalendarEvent {
    const calendar = this.calendar(calendarId);
    const before = this.existing(calendar, eventId);
    const request = this.body(resource);
    const opts = options(optionalArgs);
    const sendUpdates = sendUpdatesOf(opts);
    const body = mode === 'patch' ? mergePatch(writableView(before), request) : request;
    const after = buildEvent(body, {
      mode,
      calendar,
      owner: this.deps.store.owner,
      now: this.deps.rt.clock.now(),
      conferenceDataVersion: Number(opts.conferenceDataVersion ?? 0),
      id: eventId,
      existing: before,
      request,
    });
    return this.commit(calendar, before, after, sendUpdates);
  }

  /** Stores a write (unless it changes nothing), counts it and sends Google's emails. */
  private commit(
    calendar: CalendarRecord,
    before: CalendarEvent | null,
    after: CalendarEvent,
    sendUpdates: SendUpdates,
  ): CalendarEvent {
    if (before && sameContent(before, after)) return copy(before);
    const { store, rt, mailer } = this.deps;
    store.putEvent(calendar.id, after);
    store.writeCount++;
    const messages = invitationsFor(before, after, {
      owner: store.owner,
      calendarZone: calendar.timeZone,
      now: rt.clock.now(),
      sendUpdates,
      endMs: instantOfStored(after.end, calendar.timeZone),
    });
    for (const message of messages) mailer.deliver(message);
    return copy(after);
  }

  private calendar(calendarId: string): CalendarRecord {
    const calendar = typeof calendarId === 'string' ? this.deps.store.calendar(calendarId) : undefined;
    if (!calendar) throw new ApiReason('Not Found');
    return calendar;
  }

  private existing(calendar: CalendarRecord, eventId: string): CalendarEvent {
    const event = typeof eventId === 'string' ? this.deps.store.event(calendar.id, eventId) : undefined;
    if (!event) throw new ApiReason('Not Found');
    return event;
  }

  private body(resource: unknown): JsonObject {
    const body = fromScript(resource);
    if (!isJsonObject(body)) throw new ApiReason('Invalid resource.');
    return body;
  }
}
