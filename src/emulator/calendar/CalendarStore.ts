import { z } from 'zod';
import { base32hexId, calendarIdFor } from './ids';
import type { CalendarEvent, CalendarRecord, EventRecord } from './types';

const stateSchema = z.object({
  calendars: z.array(
    z.object({
      id: z.string(),
      summary: z.string(),
      timeZone: z.string(),
      description: z.string().optional(),
      location: z.string().optional(),
      primary: z.boolean(),
    }),
  ),
  events: z.array(z.object({ calendarId: z.string(), event: z.record(z.string(), z.unknown()) })),
  counter: z.number().int().nonnegative(),
  writeCount: z.number().int().nonnegative(),
});

export type CalendarState = z.infer<typeof stateSchema>;

/**
 * The calendars and events of the emulated account, in plain maps. Events are never dropped: a
 * deleted event stays with status `cancelled`, as Google keeps it (Events.get still returns it).
 */
export class CalendarStore {
  private readonly calendarsById = new Map<string, CalendarRecord>();
  private readonly eventsByKey = new Map<string, EventRecord>();
  private counter = 0;
  /** Inserts, updates, patches and removes that changed something. */
  writeCount = 0;

  constructor(
    readonly owner: string,
    readonly timeZone: string,
  ) {
    this.reset();
  }

  private reset(): void {
    this.calendarsById.clear();
    this.eventsByKey.clear();
    this.counter = 0;
    this.writeCount = 0;
    // The owner's own calendar: its id is the owner's address; scripts reach it as `primary`.
    this.calendarsById.set(this.owner, {
      id: this.owner,
      summary: this.owner,
      timeZone: this.timeZone,
      primary: true,
    });
  }

  calendar(id: string): CalendarRecord | undefined {
    return this.calendarsById.get(id === 'primary' ? this.owner : id);
  }

  calendars(): CalendarRecord[] {
    return [...this.calendarsById.values()];
  }

  addCalendar(fields: Omit<CalendarRecord, 'id' | 'primary'>): CalendarRecord {
    const record: CalendarRecord = {
      id: calendarIdFor(`${this.owner}:${++this.counter}`),
      ...fields,
      primary: false,
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

  toState(): CalendarState {
    return {
      calendars: this.calendars(),
      events: this.records() as CalendarState['events'],
      counter: this.counter,
      writeCount: this.writeCount,
    };
  }

  fromState(state: unknown): void {
    const parsed = stateSchema.parse(state);
    this.reset();
    for (const c of parsed.calendars) this.calendarsById.set(c.id, c);
    for (const r of parsed.events) this.putEvent(r.calendarId, r.event as CalendarEvent);
    this.counter = parsed.counter;
    this.writeCount = parsed.writeCount;
  }
}

const key = (calendarId: string, eventId: string): string => `${calendarId}\u0000${eventId}`;
