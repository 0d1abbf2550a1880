/**
 * Google ends an execution 6 minutes after it began, whatever it spent those minutes on: a dialog
 * the coordinator left open, or a trigger's wait for the lock. Cohort's time budget counts from the
 * same moment, so the work after a long question or a long wait still stops by itself, saves what
 * it did and continues in a new execution, and nothing is cut off half-way.
 */
import type { ExecutionResult } from '../../src/emulator/Emulator';
import { EXECUTION_LIMIT_MS } from '../../src/emulator/runtime/Runtime';
import { rows } from '../support/cohort';
import {
  addApplicants,
  cohort,
  duplicates,
  expectedKeys,
  outboxStatuses,
  people,
  sendDecisions,
  sentDecisionKeys,
} from './decisions.helpers';

const DECISIONS = ['Selected', 'Waitlisted', 'Not selected'] as const;
const MINUTE = 60_000;

function expectWithinLimit(runs: readonly ExecutionResult[]): void {
  for (const r of runs) {
    expect({ handler: r.handler, killed: r.killed, ok: r.ok }).toEqual({
      handler: r.handler,
      killed: false,
      ok: true,
    });
    expect(r.endedAt - r.startedAt).toBeLessThan(EXECUTION_LIMIT_MS);
  }
}

/** 1,200 applicants with decisions; the coordinator reads the preview for `reading()` minutes. */
function readingCohort(reading: () => number) {
  const emulator = cohort({ mailQuota: 5000 });
  const list = people(1200, DECISIONS);
  addApplicants(emulator, list);
  const seen: string[] = [];
  emulator.rt.dialogs = {
    alert: (_title, text, buttons) => {
      seen.push(text);
      return buttons.includes('YES') ? { button: 'YES', afterMs: reading() * MINUTE } : 'OK';
    },
    prompt: () => ({ button: 'CANCEL', text: '' }),
  };
  return { emulator, list, seen, from: emulator.executions.length };
}

describe('the time budget counts from the start of the execution', () => {
  it.each([2, 3, 4])(
    'the coordinator reads the "Send decisions" preview for %i minutes: nothing is cut off, every email goes once',
    (minutes) => {
      const { emulator, list, seen, from } = readingCohort(() => minutes);
      const run = sendDecisions(emulator);
      expect(seen[0]).toContain('Send 1200 emails');
      const sentFirst = emulator.mail.sent.length;
      // What is left of the 4½ minutes after the question went on sending; the rest waits.
      expect(seen.at(-1)).toBe(
        `Sent ${sentFirst}. ${1200 - sentFirst} more will be sent automatically in a minute.`,
      );
      emulator.advance(3 * 60 * MINUTE);
      expectWithinLimit([run, ...emulator.executions.slice(from + 1)]);
      const keys = sentDecisionKeys(emulator);
      expect(duplicates(keys)).toEqual([]);
      expect(keys).toEqual(expectedKeys(list));
      expect(outboxStatuses(emulator)).toEqual({ sent: 1200 });
    },
  );

  it('after a question open for 5 minutes nothing starts; the next click sends every email once', () => {
    let minutes = 5;
    const { emulator, list, seen, from } = readingCohort(() => minutes);
    const slow = sendDecisions(emulator);
    expect(seen.at(-1)).toBe(
      'More than 4½ minutes have passed since you chose Send decisions (the time the question was open counts too), and Google stops a script 6 minutes after it starts: so that nothing is cut off half-way, nothing was done. Choose Mentoring → Send decisions again.',
    );
    expect(emulator.mail.sent).toHaveLength(0);
    expect(rows(emulator, 'Outbox')).toHaveLength(0);
    minutes = 0;
    sendDecisions(emulator);
    expect(seen.at(-2)).toContain('Send 1200 emails');
    emulator.advance(3 * 60 * MINUTE);
    expectWithinLimit([slow, ...emulator.executions.slice(from + 1)]);
    const keys = sentDecisionKeys(emulator);
    expect(duplicates(keys)).toEqual([]);
    expect(keys).toEqual(expectedKeys(list));
  });

  it('a continuation that waited 3 minutes for the lock sends only in what is left of its 6 minutes', () => {
    const emulator = cohort({ mailQuota: 5000 });
    const list = people(2000, DECISIONS);
    addApplicants(emulator, list);
    emulator.rt.dialogs = {
      alert: (_title, _text, buttons) => (buttons.includes('YES') ? 'YES' : 'OK'),
      prompt: () => ({ button: 'CANCEL', text: '' }),
    };
    const from = emulator.executions.length;
    sendDecisions(emulator);
    // Another execution (a colleague's long action) holds the lock for the next 4 minutes, so the
    // continuation, due in a minute, waits 3 of its 6 minutes before it can send.
    emulator.locks.holdByOther('script', emulator.rt.clock.now() + 4 * MINUTE);
    const runs = emulator.advance(4 * 60 * MINUTE);
    const waited = runs.find((r) => r.handler === 'continueOutbox')!;
    expect(waited.calls.get('Lock.tryLock')).toBe(1);
    expectWithinLimit(emulator.executions.slice(from));
    const keys = sentDecisionKeys(emulator);
    expect(duplicates(keys)).toEqual([]);
    expect(keys).toEqual(expectedKeys(list));
    expect(outboxStatuses(emulator)).toEqual({ sent: 2000 });
  });
});
