import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import type { CalendarFailure } from './CalendarFailures';
import { CalendarStore } from './CalendarStore';
import { CalendarsCollection, calendarResource } from './CalendarsCollection';
import type { ConferenceOutcome } from './conference';
import { EventsCollection } from './EventsCollection';
import { writeCalendarFiles } from './icsFiles';
import type { InvitationMailer } from './invitations';
import { type CalendarLimits, CONSUMER_LIMITS } from './limits';
import { type CalendarEvent, type CalendarResource, copy } from './types';

export interface CalendarOptions {
  /** The account that installed the script: its calendar is listed first. */
  owner: string;
  /** The default time zone (of primary calendars and of new calendars without one). */
  timeZone: string;
  limits?: Partial<CalendarLimits>;
}

/**
 * The Calendar advanced service (v3): `Calendar.Calendars` and `Calendar.Events`, each calendar
 * reachable only by the account it belongs to (the execution's user), with Google's invitation
 * emails handed to the mail module and the events written as .ics files.
 */
export class CalendarModule implements ServiceModule {
  /** Host-side fault injection (see CalendarFailure): hooks run before every API call. */
  readonly failures: CalendarFailure[] = [];
  /** Host-side: how strict Google is (see CalendarLimits); tests may change it at any time. */
  readonly limits: CalendarLimits;
  /** Host-side: what Meet makes of a room request once it is done (default: a room). */
  conferenceOutcome: (requestId: string) => ConferenceOutcome = () => 'success';
  private readonly store: CalendarStore;
  private readonly service: { Calendars: CalendarsCollection; Events: EventsCollection };

  constructor(rt: Runtime, mail: InvitationMailer, options: CalendarOptions) {
    this.store = new CalendarStore(options.owner, options.timeZone);
    this.limits = { ...CONSUMER_LIMITS, ...options.limits };
    const deps = { rt, store: this.store, failures: this.failures };
    this.service = {
      Calendars: new CalendarsCollection(deps),
      Events: new EventsCollection({
        ...deps,
        mailer: mail,
        limits: this.limits,
        outcome: (requestId) => this.conferenceOutcome(requestId),
      }),
    };
  }

  globals(): Record<string, unknown> {
    return { Calendar: this.service };
  }

  /** Host-side: every calendar of every account, the installer's primary one first. */
  calendars(): CalendarResource[] {
    return this.store.calendars().map(calendarResource);
  }

  /**
   * Host-side: the events as stored, in creation order; of one calendar or of all. Deleted
   * (cancelled) events are left out unless `includeCancelled`. A Meet room still being made shows
   * as pending until the script reads the event again.
   */
  events(calendarId?: string, options: { includeCancelled?: boolean } = {}): CalendarEvent[] {
    const resolved =
      calendarId === undefined ? undefined : (this.store.anyCalendar(calendarId)?.id ?? calendarId);
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
