import * as v from 'valibot';
import type { DailyWindow } from '../base/dailyWindow';
import { count } from '../runtime/stateSchemas';
import { base32hexId, calendarIdFor } from './ids';
import type { CalendarEvent, CalendarRecord, EventRecord } from './types';

const windowSchema = v.object({ windowStart: v.nullable(v.number()), used: count });

const stateSchema = v.object({
  calendars: v.array(
    v.object({
      id: v.string(),
      summary: v.string(),
      timeZone: v.string(),
      description: v.optional(v.string()),
      location: v.optional(v.string()),
      primary: v.boolean(),
      owner: v.optional(v.string()),
    }),
  ),
  events: v.array(v.object({ calendarId: v.string(), event: v.record(v.string(), v.unknown()) })),
  counter: count,
  writeCount: count,
  conferences: v.optional(
    v.array(v.object({ calendarId: v.string(), eventId: v.string(), readyAt: v.number() })),
  ),
  created: v.optional(v.record(v.string(), windowSchema)),
  external: v.optional(v.record(v.string(), windowSchema)),
});

export type CalendarState = v.InferOutput<typeof stateSchema>;

/** A Meet room Google is still making: it is ready from `readyAt`, and not in the execution that asked. */
export interface PendingConference {
  readyAt: number;
  /** The execution that asked (null once saved: any later execution is another one). */
  askedIn: number | null;
}

/**
 * The calendars and events of every account, in plain maps. Events are never dropped: a deleted
 * event stays with status `cancelled`, as Google keeps it (Events.get still returns it).
 */
export class CalendarStore {
  private readonly calendarsById = new Map<string, CalendarRecord>();
  private readonly eventsByKey = new Map<string, EventRecord>();
  /** Meet rooms asked for and not made yet, by event. */
  readonly conferences = new Map<string, PendingConference>();
  /** Events each account created in its current day (the daily creation quota). */
  readonly created = new Map<string, DailyWindow>();
  /** Invitations each account sent to guests outside its domain in its current day (throttling). */
  readonly external = new Map<string, DailyWindow>();
  private counter = 0;
  /** Inserts, updates, patches and removes that changed something. */
  writeCount = 0;

  constructor(
    /** The first account (the coordinator who installed the script): listed first. */
    readonly owner: string,
    readonly timeZone: string,
  ) {
    this.reset();
  }

  private reset(): void {
    this.calendarsById.clear();
    this.eventsByKey.clear();
    this.conferences.clear();
    this.created.clear();
    this.external.clear();
    this.counter = 0;
    this.writeCount = 0;
    this.primaryOf(this.owner);
  }

  /** An account's own calendar: its id is the address; scripts reach it as `primary`. Made on first use. */
  private primaryOf(user: string): CalendarRecord {
    const found = this.calendarsById.get(user);
    if (found) return found;
    const record: CalendarRecord = {
      id: user,
      summary: user,
      timeZone: this.timeZone,
      primary: true,
      owner: user,
    };
    this.calendarsById.set(user, record);
    return record;
  }

  /** The calendar as `user` reaches it, or undefined when it does not exist or is another account's. */
  calendar(user: string, id: string): CalendarRecord | undefined {
    if (id === 'primary' || id === user) return this.primaryOf(user);
    const record = this.calendarsById.get(id);
    return record && record.owner === user ? record : undefined;
  }

  /** Host-side: a calendar whoever owns it. */
  anyCalendar(id: string): CalendarRecord | undefined {
    return this.calendarsById.get(id === 'primary' ? this.owner : id);
  }

  calendars(): CalendarRecord[] {
    return [...this.calendarsById.values()];
  }

  addCalendar(user: string, fields: Omit<CalendarRecord, 'id' | 'primary' | 'owner'>): CalendarRecord {
    const record: CalendarRecord = {
      id: calendarIdFor(`${user}:${++this.counter}`),
      ...fields,
      primary: false,
      owner: user,
    };
    this.calendarsById.set(record.id, record);
    return record;
  }

  newEventId(calendarId: string): string {
    return base32hexId(`${this.owner}:${calendarId}:event:${++this.counter}`);
  }

  event(calendarId: string, eventId: string): CalendarEvent | undefined {
    return this.eventsByKey.get(key(calendarId, eventId))?.event;
  }

  /** All events of a calendar (cancelled ones too), in creation order. */
  events(calendarId: string): CalendarEvent[] {
    return [...this.eventsByKey.values()].filter((r) => r.calendarId === calendarId).map((r) => r.event);
  }

  records(): EventRecord[] {
    return [...this.eventsByKey.values()];
  }

  putEvent(calendarId: string, event: CalendarEvent): void {
    this.eventsByKey.set(key(calendarId, event.id ?? ''), { calendarId, event });
  }

  pendingConference(calendarId: string, eventId: string): PendingConference | undefined {
    return this.conferences.get(key(calendarId, eventId));
  }

  setPendingConference(calendarId: string, eventId: string, pending: PendingConference | null): void {
    if (pending) this.conferences.set(key(calendarId, eventId), pending);
    else this.conferences.delete(key(calendarId, eventId));
  }

  /** The account's window of a daily count (made on first use). */
  window(counts: Map<string, DailyWindow>, user: string): DailyWindow {
    let w = counts.get(user);
    if (!w) {
      w = { windowStart: null, used: 0 };
      counts.set(user, w);
    }
    return w;
  }

  toState(): CalendarState {
    return {
      calendars: this.calendars(),
      events: this.records() as CalendarState['events'],
      counter: this.counter,
      writeCount: this.writeCount,
      conferences: [...this.conferences].map(([k, p]) => {
        const [calendarId = '', eventId = ''] = k.split('\u0000');
        return { calendarId, eventId, readyAt: p.readyAt };
      }),
      created: Object.fromEntries(this.created),
      external: Object.fromEntries(this.external),
    };
  }

  fromState(state: unknown): void {
    const parsed = v.parse(stateSchema, state);
    this.reset();
    for (const c of parsed.calendars) this.calendarsById.set(c.id, { ...c, owner: c.owner ?? this.owner });
    for (const r of parsed.events) this.putEvent(r.calendarId, r.event as CalendarEvent);
    for (const c of parsed.conferences ?? [])
      this.setPendingConference(c.calendarId, c.eventId, { readyAt: c.readyAt, askedIn: null });
    for (const [user, w] of Object.entries(parsed.created ?? {})) this.created.set(user, { ...w });
    for (const [user, w] of Object.entries(parsed.external ?? {})) this.external.set(user, { ...w });
    this.counter = parsed.counter;
    this.writeCount = parsed.writeCount;
  }
}

const key = (calendarId: string, eventId: string): string => `${calendarId}\u0000${eventId}`;
