/** Shared moves and readings of the calendar workflow tests (run through the built bundle). */
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import { addApplicants, click, edit, newCohort, people, rows, setUp } from '../support/cohort';

export const SEND = 'Send calendar invites';
export const COORDINATOR = 'coordinator@example.org';
export const ALL = ['launch', 'training', 'finale'];
export const DROP_INS = ['drop-in-1', 'drop-in-2', 'drop-in-3'];
export const SESSIONS = [...ALL, ...DROP_INS];
export const COORDINATOR_ONLY = ['application-deadline', 'confirmation', 'pairs-announced'];
export const WITH_COACH = ['training', ...DROP_INS, 'finale'];
export const COACH = { name: 'Dr Alex Morgan', email: 'alex@coaching.example' };

export type Event = GoogleAppsScript.Calendar.Schema.Event;

/** A set-up cohort whose coordinator email is filled in, with these applicants. */
export function cohort(applicants: Parameters<typeof addApplicants>[1], options = {}): Emulator {
  const emulator = setUp(newCohort(options));
  edit(emulator, 'Settings', (r) => r.Key === 'coordinatorEmail', { Value: COORDINATOR });
  edit(emulator, 'Settings', (r) => r.Key === 'coordinatorName', { Value: 'Morgan Coordinator' });
  addApplicants(emulator, applicants);
  return emulator;
}

export const standard = () => [
  ...people('Mentor', 2),
  ...people('Mentee', 3),
  ...people('Mentee', 1, 'Waitlisted', 4),
  ...people('Mentor', 1, 'Withdrawn', 3),
];
export const SELECTED = [
  'me1@example.org',
  'me2@example.org',
  'me3@example.org',
  'mr1@example.org',
  'mr2@example.org',
];
export const MENTORS = ['mr1@example.org', 'mr2@example.org'];

const prop = (e: Event, name: string) => e.extendedProperties?.private?.[name] ?? '';
export const keyOf = (e: Event) => prop(e, 'cohortKey');
export const personOf = (e: Event) => prop(e, 'cohortPerson');

/** Every event of ours by "key/person"; two for the same key and person fail the test. */
export function events(emulator: Emulator): Map<string, Event> {
  const out = new Map<string, Event>();
  for (const e of emulator.calendar.events()) {
    const id = `${keyOf(e)}/${personOf(e)}`;
    if (out.has(id)) throw new Error(`two events for ${id}`);
    out.set(id, e);
  }
  return out;
}

/** The participants' and coach's own copies of a date. */
export const copies = (emulator: Emulator, key: string): Event[] =>
  emulator.calendar
    .events()
    .filter((e) => keyOf(e) === key && personOf(e) !== 'host' && personOf(e) !== 'reminder');

export const host = (emulator: Emulator, key: string) => events(emulator).get(`${key}/host`);

export const guests = (e: Event | undefined) => (e?.attendees ?? []).map((a) => a.email ?? '').sort();
/** The guests of a date: everyone who has a copy of it. */
export const guestsOf = (emulator: Emulator, key: string) => copies(emulator, key).flatMap(guests).sort();

export const invitations = (emulator: Emulator, since = 0) =>
  emulator.mail.sent.slice(since).filter((m) => m.via === 'Calendar');
export const lastAlert = (emulator: Emulator) =>
  [...emulator.rt.shown].reverse().find((m) => m.kind === 'alert')?.text ?? '';
export const programme = (emulator: Emulator, key: string) =>
  rows(emulator, 'Programme').find((r) => r.Key === key)!;

export function sync(emulator: Emulator): ExecutionResult {
  const result = click(emulator, SEND);
  expect(result.ok).toBe(true);
  return result;
}

/**
 * Clicks "Send calendar invites" and lets the continuations run: Meet makes a new date's room
 * after the click, and the invitations to that date go out then.
 */
export function syncAll(emulator: Emulator): ExecutionResult[] {
  const first = sync(emulator);
  const later = emulator.advance(10 * 60_000);
  for (const r of later) expect(r.ok).toBe(true);
  return [first, ...later];
}

/** Moves the clock to an instant (running the triggers that fall due). */
export function moveTo(emulator: Emulator, at: number): void {
  emulator.advance(Math.max(0, at - emulator.rt.clock.now()));
}

/** The Log lines of the calendar action. */
export const logLines = (emulator: Emulator) =>
  rows(emulator, 'Log')
    .filter((r) => r.Action === SEND)
    .map((r) => String(r.Message));

/** "Google is emailing 3 invitations, 1 update and 2 cancellations." summed over texts. */
export function emailsSaid(texts: readonly string[], verb: 'will email' | 'is emailing') {
  const sum = { invitations: 0, updates: 0, cancellations: 0 };
  for (const text of texts) {
    const line = text.split('\n').find((l) => l.startsWith(`Google ${verb} `)) ?? '';
    for (const kind of ['invitation', 'update', 'cancellation'] as const) {
      const m = new RegExp(`(\\d+) ${kind}s?\\b`).exec(line);
      if (m) sum[`${kind}s`] += Number(m[1]);
    }
  }
  return sum;
}

/** What Google sent, by kind. */
export function emailsSent(emulator: Emulator, since = 0) {
  const sent = invitations(emulator, since);
  return {
    invitations: sent.filter((m) => m.subject.startsWith('Invitation:')).length,
    updates: sent.filter((m) => m.subject.startsWith('Updated invitation:')).length,
    cancellations: sent.filter((m) => m.subject.startsWith('Canceled event:')).length,
  };
}
