/**
 * Helpers for the wording and guard tests: dialogs recorded with their buttons (a question has
 * YES/NO, a statement only OK), a cohort that applies through the forms, and the clock moved to a
 * day of the scheme.
 */
import type { Emulator } from '../../src/emulator/Emulator';
import type { DialogResponder } from '../../src/emulator/runtime/Runtime';
import { type Applicant, apply, edit, newCohort, rows, setUp } from '../support/cohort';

export interface Shown {
  readonly title: string;
  readonly text: string;
  /** 'YES_NO' for a question, 'OK' for a statement, 'OK_CANCEL' for a prompt. */
  readonly buttons: string;
}

/** Answers every question `confirm` (default YES), and keeps what each dialog said. */
export function recordDialogs(emulator: Emulator, confirm: 'YES' | 'NO' = 'YES'): Shown[] {
  const seen: Shown[] = [];
  const responder: DialogResponder = {
    alert: (title, text, buttons) => {
      seen.push({ title, text, buttons });
      return buttons.includes('YES') ? confirm : 'OK';
    },
    prompt: (title, text, buttons) => {
      seen.push({ title, text, buttons });
      return { button: 'CANCEL', text: '' };
    },
  };
  emulator.rt.dialogs = responder;
  return seen;
}

export const questions = (shown: readonly Shown[]) => shown.filter((d) => d.buttons.includes('YES'));

/** The text of every question asked, one per line. */
export const asked = (shown: readonly Shown[]) =>
  questions(shown)
    .map((d) => d.text)
    .join('\n');

/** Midday (UTC) of a day in 2025, e.g. on(6, 5) is 5 June 2025. */
export const on = (month: number, day: number) => Date.UTC(2025, month - 1, day, 12, 0, 0);

/** Moves the clock to `when`, running the triggers due on the way (the morning run, the retention check). */
export function moveTo(emulator: Emulator, when: number): void {
  const ms = when - emulator.rt.clock.now();
  if (ms < 0) throw new Error('the clock only moves forward');
  emulator.advance(ms);
}

/** A set-up cohort (24 March 2025) with the coordinator's name and address in Settings. */
export function cohort(): Emulator {
  return setUp(newCohort({ mailQuota: 100_000 }));
}

export const person = (name: string, extra: Partial<Applicant> = {}): Applicant => ({
  name,
  email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`,
  ...extra,
});

/** The cast of the wording and guard tests: two mentees and two mentors in other library services. */
export const SIAN = person('Sian Early');
export const WYN = person('Wyn Later');
export const MO = person('Mo Mentor', { libraryService: 'Mold Libraries' });
export const CAI = person('Cai Mentor', { libraryService: 'Conwy Libraries' });

export function applyAll(emulator: Emulator, role: 'mentor' | 'mentee', people: readonly Applicant[]): void {
  for (const p of people) apply(emulator, role, p);
}

export function setStatus(
  emulator: Emulator,
  email: string,
  status: string,
  role?: 'Mentor' | 'Mentee',
): void {
  const n = edit(
    emulator,
    'Applicants',
    (r) => String(r.Email).toLowerCase() === email.toLowerCase() && (!role || r.Role === role),
    { Status: status },
  );
  if (n === 0) throw new Error(`no applicant ${email}`);
}

export function applicant(emulator: Emulator, email: string, role?: 'Mentor' | 'Mentee') {
  const row = rows(emulator, 'Applicants').find(
    (r) => String(r.Email).toLowerCase() === email.toLowerCase() && (!role || r.Role === role),
  );
  if (!row) throw new Error(`no applicant ${email}`);
  return row;
}

/** Every email a person received, subject and body as one text each. */
export function inbox(emulator: Emulator, email: string): Array<{ subject: string; body: string }> {
  return emulator.mail.sent
    .filter((m) => m.to.some((t) => t.toLowerCase() === email.toLowerCase()))
    .map((m) => ({ subject: m.subject, body: m.body }));
}
