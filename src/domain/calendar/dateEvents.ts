/**
 * The events of one programme date. Each person has their own copy with them as the only guest,
 * so a late joiner's invitation or a withdrawal's cancellation reaches that person alone (Google
 * emails every guest of an event when its guest list changes). One host event per date holds the
 * date's Meet room; the copies carry its link as text. The coordinator's own dates are free-time
 * reminders with no guests at all. Pure.
 */
import { COACH, HOST, nextDay, REMINDER, type WantedEvent } from './eventInput';
import type { Coach, Member } from './guests';
import type { ProgrammeEntry } from './programmeRow';

/** What every event of the programme shares. */
export interface EventContext {
  /** Ends every description, e.g. "Part of the Libraries Connected Peer Mentoring Scheme 2025." */
  readonly footer: string;
  readonly coach: Coach;
}

/** The coordinator's dates (deadlines, announcements) are reminders, not sessions. */
export function isReminder(entry: ProgrammeEntry): boolean {
  return entry.audience === 'coordinator';
}

const join = (...parts: string[]) => parts.filter((s) => s.trim() !== '').join('\n\n');

function times(entry: ProgrammeEntry): Pick<WantedEvent, 'start' | 'end' | 'timeZone'> {
  const timed = entry.start !== '' && entry.end !== '';
  return {
    start: timed ? `${entry.date}T${entry.start}:00` : entry.date,
    end: timed ? `${entry.date}T${entry.end}:00` : nextDay(entry.date),
    timeZone: entry.timeZone,
  };
}

/** "With Dr Alex Morgan, the scheme's professional coach." on the dates marked for the coach. */
export function coachLine(entry: ProgrammeEntry, coach: Coach): string {
  if (!entry.coach) return '';
  const name = coach.name.trim();
  if (name) return `With ${name}, the scheme's professional coach.`;
  return coach.email.trim() ? "With the scheme's professional coach." : '';
}

const base = (entry: ProgrammeEntry, person: string) => ({
  key: entry.key,
  person,
  summary: entry.title,
  ...times(entry),
});

/**
 * The coordinator's event of a date: for a session, the host event that asks Meet for the date's
 * one room (no guests: the calendar is the coordinator's own); for a coordinator date, a reminder
 * shown as free time. A reminder keeps the times the row gives; the scheme's are whole days.
 *
 * Example: the launch → { person: 'host', wantsRoom: true, guests: [], free: false, … }
 */
export function mainEvent(entry: ProgrammeEntry, ctx: EventContext): WantedEvent {
  if (isReminder(entry)) {
    return {
      ...base(entry, REMINDER),
      description: join(
        entry.description,
        'A reminder in your own calendar, shown as free time: nobody else is invited.',
        ctx.footer,
      ),
      location: '',
      guests: [],
      wantsRoom: false,
      free: true,
    };
  }
  return {
    ...base(entry, HOST),
    description: join(
      entry.description,
      coachLine(entry, ctx.coach),
      'Host event: start the Meet from here. Each guest has their own copy of this date, with this Meet link.',
      ctx.footer,
    ),
    location: '',
    guests: [],
    wantsRoom: true,
    free: false,
  };
}

/**
 * A person's own copy of a session: them as the only guest, the date's Meet link in the location
 * and the description (Google warns against copying one event's conferenceData to another).
 */
export function personEvent(
  entry: ProgrammeEntry,
  member: Member,
  meetLink: string,
  ctx: EventContext,
): WantedEvent {
  return {
    ...base(entry, member.person),
    description: join(
      entry.description,
      coachLine(entry, ctx.coach),
      meetLink ? `Join with Google Meet: ${meetLink}` : '',
      ctx.footer,
    ),
    location: meetLink,
    guests: [member.email],
    ...(member.name ? { guestNames: { [member.email]: member.name } } : {}),
    wantsRoom: false,
    free: false,
  };
}

export const isCoach = (person: string): boolean => person === COACH;
