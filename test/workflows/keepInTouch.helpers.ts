/**
 * Helpers for the keep-in-touch bundle tests: a cohort whose pairs were introduced on 20 May, and
 * what a participant does with a check-in or continuation email.
 */
import { personalLinkFor, submitFromLink } from '../../src/cli/participant';
import type { Emulator, EmulatorOptions, ExecutionResult } from '../../src/emulator/Emulator';
import { click, newCohort, rows, settings, setUp } from '../support/cohort';

export const at = (iso: string) => Date.parse(iso);
/** Announce pairs runs on 20 May at 09:00 London time. */
export const ANNOUNCED = at('2025-05-20T08:00:00Z');

/** Moves the clock to `when`, running the triggers that fall due on the way (the morning run too). */
export function moveTo(emulator: Emulator, when: number): ExecutionResult[] {
  const now = emulator.rt.clock.now();
  return when > now ? emulator.advance(when - now) : [];
}

/** Mentor i and mentee i, in different library services, all Selected. */
function addPeople(emulator: Emulator, pairs: number): void {
  emulator.spreadsheets.editSheet('Applicants', (values) => {
    const header = (values[0] ?? []).map(String);
    const person = (role: 'Mentor' | 'Mentee', i: number) => {
      const prefix = role === 'Mentor' ? 'MR' : 'ME';
      const cells: Record<string, unknown> = {
        ID: `${prefix}-${String(i).padStart(3, '0')}`,
        Role: role,
        Status: 'Selected',
        Name: `${role} ${i}`,
        Email: `${prefix.toLowerCase()}${i}@example.org`,
        'Library service': `${role} Service ${i}`,
        Areas: 'Budgeting',
        Capacity: 1,
      };
      return header.map((h) => cells[h] ?? '');
    };
    const added = Array.from({ length: pairs }, (_, k) => [
      person('Mentor', k + 1),
      person('Mentee', k + 1),
    ]).flat();
    return [values[0] ?? [], ...added];
  });
}

/**
 * A set-up cohort of `pairs` pairs (mentee i with some mentor), introduced on 20 May; the coach's
 * address in Settings unless `coach: false`.
 */
export function pairedCohort(
  pairs: number,
  options: Partial<EmulatorOptions> & { coach?: boolean; settings?: Record<string, string> } = {},
): Emulator {
  const { coach = true, settings: extra = {}, ...emulatorOptions } = options;
  const emulator = setUp(newCohort({ mailQuota: 100_000, ...emulatorOptions }));
  settings(emulator, {
    ...(coach ? { coachName: 'Dr Alex Morgan', coachEmail: 'coach@coaching.example' } : {}),
    ...extra,
  });
  addPeople(emulator, pairs);
  moveTo(emulator, ANNOUNCED - 3_600_000);
  click(emulator, 'Run matching');
  moveTo(emulator, ANNOUNCED);
  click(emulator, 'Announce pairs');
  return emulator;
}

/** The mentor ID a mentee was paired with. */
export function mentorOf(emulator: Emulator, menteeId: string): string {
  const row = rows(emulator, 'Matches').find((r) => r['Mentee ID'] === menteeId && r.Status === 'Announced');
  if (!row) throw new Error(`${menteeId} has no announced pair`);
  return String(row['Mentor ID']);
}

/** The mentor's address, from their ID ('MR-003' → 'mr3@example.org'). */
export const addressOf = (id: string) => `${id.slice(0, 2).toLowerCase()}${Number(id.slice(3))}@example.org`;

export const CHECK_IN = {
  met: 'Have you met since the last check-in?',
  rating: 'How is your mentoring going?',
  note: 'Is there anything the coordinator should know?',
  coach: 'Would you like a one-to-one with the coach?',
} as const;

export interface CheckInAnswer {
  met?: 'Yes' | 'No';
  rating?: number;
  note?: string;
  coach?: 'Yes' | 'No';
}

/** Opens the personal link in the person's latest check-in email and answers. */
export function answerCheckIn(emulator: Emulator, email: string, a: CheckInAnswer = {}): ExecutionResult[] {
  const link = personalLinkFor(emulator, email, /How is your mentoring going/);
  if (!link) throw new Error(`${email} has no check-in email`);
  return submitFromLink(emulator, link, {
    [CHECK_IN.met]: a.met ?? 'Yes',
    [CHECK_IN.rating]: String(a.rating ?? 4),
    ...(a.note ? { [CHECK_IN.note]: a.note } : {}),
    [CHECK_IN.coach]: a.coach ?? 'No',
  });
}

export const CONTINUES = 'Would you like to keep meeting after November?';

/** Opens the personal link in the person's continuation email and answers. */
export function answerContinuation(
  emulator: Emulator,
  email: string,
  answer: 'Yes' | 'No' | 'Not sure yet',
): ExecutionResult[] {
  const link = personalLinkFor(emulator, email, /keep meeting/);
  if (!link) throw new Error(`${email} has no continuation email`);
  return submitFromLink(emulator, link, { [CONTINUES]: answer });
}

/** Subjects of the emails sent to `email`, in order. */
export const subjectsTo = (emulator: Emulator, email: string) =>
  emulator.mail.sent.filter((m) => m.via === 'MailApp' && m.to.includes(email)).map((m) => m.subject);
