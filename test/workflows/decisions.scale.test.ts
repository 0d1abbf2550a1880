import type { ExecutionResult } from '../../src/emulator/Emulator';
import { EXECUTION_LIMIT_MS } from '../../src/emulator/runtime/Runtime';
import {
  addApplicants,
  cohort,
  duplicates,
  expectedKeys,
  outboxStatuses,
  pendingTriggers,
  people,
  recordDialogs,
  sendDecisions,
  sentDecisionKeys,
} from './decisions.helpers';

const DECISIONS = ['Selected', 'Waitlisted', 'Not selected'] as const;
const SPREADSHEET = ['SpreadsheetApp.', 'Spreadsheet.', 'Sheet.', 'Range.', 'DataValidation'];

function spreadsheetCalls(run: ExecutionResult): Record<string, number> {
  return Object.fromEntries(
    [...run.calls].filter(([name]) => SPREADSHEET.some((p) => name.startsWith(p))).sort(),
  );
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

/** One "Send decisions" over `n` applicants (a Workspace account's quota, so time is what stops it). */
function measure(n: number) {
  const emulator = cohort({ mailQuota: 5000 });
  const list = people(n, DECISIONS);
  addApplicants(emulator, list);
  const dialogs = recordDialogs(emulator);
  const run = sendDecisions(emulator);
  return { emulator, list, run, dialogs, calls: spreadsheetCalls(run) };
}

describe('Send decisions at scale', () => {
  it('uses the same spreadsheet calls for 100 or 2,000 applicants; sending stops inside the time budget and continues', () => {
    const small = measure(100);
    const large = measure(2000);
    expect(small.run.ok && large.run.ok).toBe(true);
    expect(small.emulator.mail.sent).toHaveLength(100);
    // The only difference: the Outbox tab is grown once to hold 2,000 new rows.
    const { 'Sheet.insertRowsAfter': grown = 0, ...largeRest } = large.calls;
    const { 'Sheet.insertRowsAfter': smallGrown = 0, ...smallRest } = small.calls;
    expect(largeRest).toEqual(smallRest);
    expect(grown - smallGrown).toBeLessThanOrEqual(1);
    expect(total(large.calls)).toBeLessThanOrEqual(total(small.calls) + 1);
    // One send per email, and one quota reading before each; two more for the preview's "when the
    // last will go" (before the question, and again after Yes).
    const sentInFirstRun = large.emulator.mail.sent.length;
    expect(large.run.calls.get('MailApp.sendEmail')).toBe(sentInFirstRun);
    expect(large.run.calls.get('MailApp.getRemainingDailyQuota')).toBe(sentInFirstRun + 2);

    // The first run stopped by itself before Google's 6-minute limit, with the rest queued.
    expect(large.run.killed).toBe(false);
    expect(large.run.endedAt - large.run.startedAt).toBeLessThan(EXECUTION_LIMIT_MS);
    expect(sentInFirstRun).toBeGreaterThan(300);
    expect(sentInFirstRun).toBeLessThan(2000);
    expect(large.dialogs.at(-1)!.text).toBe(
      `Sent ${sentInFirstRun}. ${2000 - sentInFirstRun} more will be sent automatically in a minute.`,
    );
    const [next] = pendingTriggers(large.emulator, 'continueOutbox');
    expect(next!.dueAt - large.run.endedAt).toBeLessThanOrEqual(60_000);

    // Only the continuations: set-up's daily retention check (for 09:00) may run within the hour,
    // at its own minute.
    const runs = large.emulator.advance(60 * 60_000).filter((r) => r.handler !== 'retentionCheck');
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const r of runs) {
      expect(r).toMatchObject({ handler: 'continueOutbox', ok: true, killed: false });
      expect(r.endedAt - r.startedAt).toBeLessThan(EXECUTION_LIMIT_MS);
      // A continuation's spreadsheet calls do not grow with the emails it sends either.
      expect(total(spreadsheetCalls(r))).toBeLessThanOrEqual(total(spreadsheetCalls(runs.at(-1)!)) + 2);
    }
    const keys = sentDecisionKeys(large.emulator);
    expect(duplicates(keys)).toEqual([]);
    expect(keys).toEqual(expectedKeys(large.list));
    expect(outboxStatuses(large.emulator)).toEqual({ sent: 2000 });
    expect(large.emulator.script.triggers().filter((t) => t.handler === 'continueOutbox')).toEqual([]);
    // Figures for the report.
    process.stdout.write(
      `Send decisions spreadsheet calls: 100 → ${total(small.calls)}, 2,000 → ${total(large.calls)}; first run sent ${sentInFirstRun} in ${((large.run.endedAt - large.run.startedAt) / 1000).toFixed(0)} s simulated; continuations: ${runs.map((r) => total(spreadsheetCalls(r))).join(', ')} spreadsheet calls\n`,
    );
  });
});
