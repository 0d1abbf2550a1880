/**
 * Helpers for the "Send decisions" bundle tests: a cohort whose Applicants tab holds people with
 * decision statuses, and a reading of which Outbox key each sent email was.
 */
import type { Emulator, EmulatorOptions } from '../../src/emulator/Emulator';
import type { DialogResponder } from '../../src/emulator/runtime/Runtime';
import { click, edit, newCohort, type Person, rows, setUp } from '../support/cohort';

export const COORDINATOR = { name: 'Alex Morgan', email: 'mentoring@example.org' };

export type Decision = 'Selected' | 'Waitlisted' | 'Not selected';

export type { Person } from '../support/cohort';

const SLUG: Record<Decision, string> = {
  Selected: 'selected',
  Waitlisted: 'waitlisted',
  'Not selected': 'not-selected',
};

/** The Outbox key of a person's decision email. */
export function decisionKey(p: Pick<Person, 'role' | 'email'>, status: Decision): string {
  return `decision-${p.role.toLowerCase()}-${SLUG[status]}:${p.email.toLowerCase()}`;
}

/** The coordinator fills in the Settings a real send needs. */
export function fillSettings(emulator: Emulator, values: Record<string, unknown> = {}): void {
  const all: Record<string, unknown> = {
    coordinatorName: COORDINATOR.name,
    coordinatorEmail: COORDINATOR.email,
    ...values,
  };
  for (const [key, value] of Object.entries(all))
    edit(emulator, 'Settings', (r) => r.Key === key, { Value: value });
}

/** A set-up cohort with the coordinator's details in Settings. */
export function cohort(options: Partial<EmulatorOptions> = {}): Emulator {
  const emulator = setUp(newCohort(options));
  fillSettings(emulator);
  return emulator;
}

/** `n` people, alternating mentee and mentor, with statuses cycling through `statuses`. */
export function people(n: number, statuses: readonly string[], prefix = 'p'): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const role = i % 2 === 0 ? 'Mentee' : 'Mentor';
    return {
      id: `${role === 'Mentor' ? 'MR' : 'ME'}-${String(i + 1).padStart(4, '0')}`,
      role,
      status: statuses[i % statuses.length]!,
      name: `Person ${prefix}${i}`,
      email: `${prefix}${i}@example.org`,
    };
  });
}

/** Writes people straight into Applicants, as if intake had run (no acknowledgements are sent). */
export { addApplicants } from '../support/cohort';

export function setStatus(emulator: Emulator, emails: readonly string[], status: string): number {
  const wanted = new Set(emails.map((e) => e.toLowerCase()));
  return edit(emulator, 'Applicants', (r) => wanted.has(String(r.Email).toLowerCase()), { Status: status });
}

/** The decisions that should have gone, one key per person with a decision status. */
export function expectedKeys(list: readonly Person[]): string[] {
  return list
    .filter((p) => ['Selected', 'Waitlisted', 'Not selected'].includes(p.status) && !p.problems)
    .map((p) => decisionKey(p, p.status as Decision))
    .sort();
}

/**
 * The Outbox key of every email MailApp sent, oldest first, found by its To, Subject and Body in
 * the Outbox (each key's text is unique). An email the Outbox does not explain reads 'unknown:…'.
 */
export function sentKeys(emulator: Emulator): string[] {
  const byText = new Map<string, string>();
  for (const r of rows(emulator, 'Outbox'))
    byText.set(`${String(r.To)}\n${String(r.Subject)}\n${String(r.Body)}`, String(r.Key));
  return emulator.mail.sent
    .filter((m) => m.via === 'MailApp')
    .map(
      (m) =>
        byText.get(`${m.to.join(',')}\n${m.subject}\n${m.body}`) ?? `unknown:${m.to.join(',')}:${m.subject}`,
    );
}

export function sentDecisionKeys(emulator: Emulator): string[] {
  return sentKeys(emulator)
    .filter((k) => !k.startsWith('acknowledgement-'))
    .sort();
}

/** Keys that went more than once. */
export function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const k of keys) (seen.has(k) ? twice : seen).add(k);
  return [...twice];
}

export function outboxStatuses(emulator: Emulator): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rows(emulator, 'Outbox')) counts[String(r.Status)] = (counts[String(r.Status)] ?? 0) + 1;
  return counts;
}

/** Answers dialogs as `answer` says and keeps what each said. */
export function recordDialogs(
  emulator: Emulator,
  answer: { confirm?: 'YES' | 'NO'; prompt?: string } = {},
): Array<{ title: string; text: string }> {
  const seen: Array<{ title: string; text: string }> = [];
  const responder: DialogResponder = {
    alert: (title, text, buttons) => {
      seen.push({ title, text });
      return buttons.includes('YES') ? (answer.confirm ?? 'YES') : 'OK';
    },
    prompt: (title, text) => {
      seen.push({ title, text });
      return answer.prompt === undefined
        ? { button: 'CANCEL', text: '' }
        : { button: 'OK', text: answer.prompt };
    },
  };
  emulator.rt.dialogs = responder;
  return seen;
}

export function sendDecisions(emulator: Emulator) {
  return click(emulator, 'Send decisions');
}

/** Clock triggers not yet fired, by handler. */
export function pendingTriggers(emulator: Emulator, handler: string) {
  return emulator.script.triggers().filter((t) => t.kind === 'clock' && t.handler === handler && !t.fired);
}
