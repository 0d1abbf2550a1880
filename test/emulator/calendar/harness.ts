import { CalendarModule } from '../../../src/emulator/calendar/CalendarModule';
import type { InvitationMessage } from '../../../src/emulator/calendar/invitations';
import { Runtime } from '../../../src/emulator/runtime/Runtime';

export const OWNER = 'coordinator@example.org';
/** 1 April 2025, 09:00 UTC: before every programme date. */
export const APRIL = Date.UTC(2025, 3, 1, 9, 0, 0);

export interface Harness {
  rt: Runtime;
  module: CalendarModule;
  Calendar: GoogleAppsScript.Calendar;
  sent: InvitationMessage[];
}

/** A Calendar module with a fake mail module recording what `deliver` receives. */
export function harness(now = APRIL): Harness {
  const rt = new Runtime(now);
  const sent: InvitationMessage[] = [];
  const module = new CalendarModule(
    rt,
    { deliver: (m) => sent.push(m) },
    { owner: OWNER, timeZone: 'Europe/London' },
  );
  const Calendar = module.globals().Calendar as GoogleAppsScript.Calendar;
  return { rt, module, Calendar, sent };
}

export const launch = (attendees: Array<{ email: string; displayName?: string }> = []) => ({
  summary: 'Launch event and speed dating',
  description: 'Mentors speak for two minutes each; mentees choose three.',
  start: { dateTime: '2025-05-07T10:00:00', timeZone: 'Europe/London' },
  end: { dateTime: '2025-05-07T11:30:00', timeZone: 'Europe/London' },
  attendees,
  extendedProperties: { private: { cohortKey: 'launch-2025' } },
});

export const finale = (attendees: Array<{ email: string; displayName?: string }> = []) => ({
  summary: 'Finale event',
  start: { dateTime: '2025-11-25T10:00:00', timeZone: 'Europe/London' },
  end: { dateTime: '2025-11-25T11:30:00', timeZone: 'Europe/London' },
  attendees,
  extendedProperties: { private: { cohortKey: 'finale-2025' } },
});

/** Runs `fn` and returns the message of what it threw. */
export function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  throw new Error('expected an exception');
}
