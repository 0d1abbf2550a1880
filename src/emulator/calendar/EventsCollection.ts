import { addToday, usedToday } from '../base/dailyWindow';
import type { Runtime } from '../runtime/Runtime';
import { apiCall, type CalendarFailure } from './CalendarFailures';
import type { CalendarStore } from './CalendarStore';
import { type ConferenceOutcome, isPending, meetLinkOf, settledConference } from './conference';
import { buildEvent, mergePatch, sameContent, writableView } from './eventResource';
import { instantOfStored } from './eventTimes';
import { outsideDomain, usesGoogleCalendar } from './guestDomains';
import { etagFor, isValidEventId } from './ids';
import { type InvitationMailer, invitationsFor, type SendUpdates } from './invitations';
import { type CalendarLimits, USAGE_LIMITS } from './limits';
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
  readonly limits: CalendarLimits;
  readonly outcome: (requestId: string) => ConferenceOutcome;
}

function options(value: unknown): JsonObject {
  const v = fromScript(value);
  return isJsonObject(v) ? v : {};
}

/**
 * Who hears of a write. Omitted means nobody ([official] insert: "The default is false"; the
 * "some emails might still be sent" caveat is not modelled, which is the stricter choice for a
 * script that relies on Google's emails); the deprecated sendNotifications: true means all.
 */
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
      const { store, rt, limits } = this.deps;
      const calendar = this.calendar(calendarId);
      const body = this.body(resource);
      const opts = options(optionalArgs);
      const sendUpdates = sendUpdatesOf(opts);
      let id: string;
      if (typeof body.id === 'string') {
        if (!isValidEventId(body.id)) throw new ApiReason('Invalid resource id value.');
        if (store.event(calendar.id, body.id))
          throw new ApiReason('The requested identifier already exists.');
        id = body.id;
      } else {
        id = store.newEventId(calendar.id);
      }
      // The day's events created, per account (the one the script runs as).
      const created = store.window(store.created, rt.user);
      if (usedToday(created, rt.clock.now()) >= limits.eventsPerDay) throw new ApiReason(USAGE_LIMITS);
      const event = buildEvent(body, {
        mode: 'insert',
        calendar,
        owner: rt.user,
        now: rt.clock.now(),
        conferenceDataVersion: Number(opts.conferenceDataVersion ?? 0),
        id,
        request: body,
      });
      const out = this.commit(calendar, null, event, sendUpdates);
      addToday(created, rt.clock.now(), 1);
      return out;
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
      const stored = this.deps.store.events(calendar.id).map((e) => this.settled(calendar, e));
      const all = selectEvents(stored, query, calendar.timeZone);
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
        owner: this.deps.rt.user,
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
      owner: this.deps.rt.user,
      now: this.deps.rt.clock.now(),
      conferenceDataVersion: Number(opts.conferenceDataVersion ?? 0),
      id: eventId,
      existing: before,
      request,
    });
    return this.commit(calendar, before, after, sendUpdates);
  }

  /**
   * Stores a write (unless it changes nothing), counts it and sends Google's emails. Invitations
   * past the day's throttle for outside guests refuse the whole write, as Google answers 403.
   */
  private commit(
    calendar: CalendarRecord,
    before: CalendarEvent | null,
    after: CalendarEvent,
    sendUpdates: SendUpdates,
  ): CalendarEvent {
    if (before && sameContent(before, after)) return copy(before);
    const { store, rt, mailer, limits } = this.deps;
    const now = rt.clock.now();
    const messages = invitationsFor(before, after, {
      owner: calendar.owner,
      calendarZone: calendar.timeZone,
      now,
      sendUpdates,
      endMs: instantOfStored(after.end, calendar.timeZone),
      usesGoogleCalendar: (email) => usesGoogleCalendar(email, calendar.owner, limits.googleDomains),
    });
    const outside = messages.filter(
      (m) => m.kind === 'Invitation' && outsideDomain(m.to, calendar.owner),
    ).length;
    const external = store.window(store.external, calendar.owner);
    if (
      limits.externalInvitationsPerDay !== null &&
      outside > 0 &&
      usedToday(external, now) + outside > limits.externalInvitationsPerDay
    ) {
      throw new ApiReason(USAGE_LIMITS);
    }
    if (outside > 0) addToday(external, now, outside);
    store.putEvent(calendar.id, after);
    store.writeCount++;
    const asked =
      isPending(after) &&
      before?.conferenceData?.createRequest?.requestId !== after.conferenceData?.createRequest?.requestId;
    if (asked) {
      store.setPendingConference(calendar.id, after.id ?? '', {
        readyAt: now + limits.meetReadyAfterMs,
        askedIn: rt.execution?.id ?? null,
      });
    } else if (!isPending(after)) {
      store.setPendingConference(calendar.id, after.id ?? '', null);
    }
    for (const { message } of messages) mailer.deliver(message);
    return copy(after);
  }

  /**
   * The event as Google holds it now: a Meet room asked for is made once its time has passed and
   * the execution that asked is over (see CalendarLimits). Making it sends no email.
   */
  private settled(calendar: CalendarRecord, event: CalendarEvent): CalendarEvent {
    const { store, rt, limits } = this.deps;
    const pending = store.pendingConference(calendar.id, event.id ?? '');
    if (!pending || !isPending(event)) return event;
    const now = rt.clock.now();
    if (now < pending.readyAt) return event;
    const sameExecution = pending.askedIn !== null && pending.askedIn === (rt.execution?.id ?? null);
    if (sameExecution && !limits.meetReadyInSameExecution) return event;
    const requestId = event.conferenceData?.createRequest?.requestId ?? '';
    const conferenceData = settledConference(
      requestId,
      this.deps.outcome(requestId),
      `${calendar.id}/${event.id}`,
    );
    const done: CalendarEvent = { ...event, conferenceData, etag: etagFor(now, event.sequence ?? 0) };
    const link = meetLinkOf(done);
    if (link) done.hangoutLink = link;
    store.putEvent(calendar.id, done);
    store.setPendingConference(calendar.id, event.id ?? '', null);
    return done;
  }

  /** The calendar as the running account reaches it: another account's is "Not Found". */
  private calendar(calendarId: string): CalendarRecord {
    const calendar =
      typeof calendarId === 'string' ? this.deps.store.calendar(this.deps.rt.user, calendarId) : undefined;
    if (!calendar) throw new ApiReason('Not Found');
    return calendar;
  }

  private existing(calendar: CalendarRecord, eventId: string): CalendarEvent {
    const event = typeof eventId === 'string' ? this.deps.store.event(calendar.id, eventId) : undefined;
    if (!event) throw new ApiReason('Not Found');
    return this.settled(calendar, event);
  }

  private body(resource: unknown): JsonObject {
    const body = fromScript(resource);
    if (!isJsonObject(body)) throw new ApiReason('Invalid resource.');
    return body;
  }
}
