import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import type { CalendarFailure } from './CalendarFailures';
import { CalendarStore } from './CalendarStore';
import { CalendarsCollection, calendarResource } from './CalendarsCollection';
import { EventsCollection } from './EventsCollection';
import { writeCalendarFiles } from './icsFiles';
import type { InvitationMailer } from './invitations';
import { type CalendarEvent, type CalendarResource, copy } from './types';

export interface CalendarOptions {
  /** The account the script runs as: organiser of its events, sender of the invitations. */
  owner: string;
  /** The owner's default time zone (of the primary calendar and of new calendars without one). */
  timeZone: string;
}

/**
 * The Calendar advanced service (v3): `Calendar.Calendars` and `Calendar.Events`, with Google's
 * invitation emails handed to the mail module and the events written as .ics files.
 */
export class CalendarModule implements ServiceModule {
  /** Host-side fault injection (see CalendarFailure): hooks run before every API call. */
  readonly failures: CalendarFailure[] = [];
  private readonly store: CalendarStore;
  private readonly service: { Calendars: CalendarsCollection; Events: EventsCollection };

  constructor(rt: Runtime, mail: InvitationMailer, options: CalendarOptions) {
    this.store = new CalendarStore(options.owner, options.timeZone);
    const deps = { rt, store: this.store, failures: this.failures };
    this.service = {
      Calendars: new CalendarsCollection(deps),
      Events: new EventsCollection({ ...deps, mailer: mail }),
    };
  }

  globals(): Record<string, unknown> {
    return { Calendar: this.service };
  }

  /** Host-side: every calendar, the owner's primary one first. */
  calendars(): CalendarResource[] {
    return this.store.calendars().map(calendarResource);
  }

  /**
   * Host-side: the events as the API would return them, in creation order; of one calendar or of
   * all. Deleted (cancelled) events are left out unless `includeCancelled`.
   */
  events(calendarId?: string, options: { includeCancelled?: boolean } = {}): CalendarEvent[] {
    const resolved =
      calendarId === undefined ? undefined : (this.store.calendar(calendarId)?.id ?? calendarId);
    return this.store
      .records()
      .filter((r) => resolved === undefined || r.calendarId === resolved)
      .map((r) => r.event)
      .filter((e) => options.includeCancelled || e.status !== 'cancelled')
      .map(copy);
  }

  /** Host-side: event inserts, updates, patches and removes that changed something. */
  get writeCount(): number {
    return this.store.writeCount;
  }

  toState(): unknown {
    return this.store.toState();
  }

  fromState(state: unknown): void {
    this.store.fromState(state);
  }

  async writeFiles(dir: string): Promise<void> {
    await writeCalendarFiles(dir, this.store);
  }
}
