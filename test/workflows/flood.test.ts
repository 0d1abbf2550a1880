/**
 * A flood from one address (issue 10.1): the forms are public, so a stranger can send the same form
 * thousands of times. With the emulator's 50,000-character cell limit on (it always is), 10,000
 * submissions from one address and then 50 genuine applicants: all 50 are taken in and acknowledged
 * once, no cell is over the limit, and taking in one more response costs the same calls and cells
 * whether the response tab holds 51 rows or 10,051.
 */
import { MAX_CELL_CHARS } from '../../src/domain/text';
import type { Emulator } from '../../src/emulator/Emulator';
import {
  type Applicant,
  answers,
  apply,
  DAY,
  formId,
  mailTo,
  newCohort,
  rows,
  setUp,
} from '../support/cohort';

const genuine = (i: number): Applicant => ({ name: `Genuine ${i}`, email: `genuine${i}@example.org` });
const FLOODER = 'flood@example.org';

function longestCell(emulator: Emulator): number {
  let longest = 0;
  for (const sheet of emulator.spreadsheets.active.doc.sheets)
    for (const row of emulator.spreadsheets.values(sheet.name))
      for (const v of row) if (typeof v === 'string') longest = Math.max(longest, v.length);
  return longest;
}

/** One more applicant, measured: the calls and the cells of the trigger's execution. */
function measureOne(emulator: Emulator) {
  const [run] = apply(emulator, 'mentee', { name: 'One More', email: 'one.more@example.org' });
  // Trigger bookkeeping depends on which continuations ran before (at most 20 triggers a user).
  const calls = [...run!.calls].filter(([name]) => !name.startsWith('Trigger.'));
  return { calls: Object.fromEntries(calls), cells: run!.cells, ok: run!.ok };
}

describe('a flood of submissions from one address', () => {
  it('never wedges intake: 50 genuine applicants after 10,000 junk submissions are each taken in and acknowledged once', () => {
    const emulator = setUp(newCohort({ mailQuota: 1500 }));
    const junk = answers('mentee', { name: 'Flood', email: FLOODER }, { 'Your full name': 'x'.repeat(200) });
    // The junk arrives without triggers firing for each (as if they were busy): they wait in the tab.
    for (let i = 0; i < 10_000; i++) {
      emulator.rt.clock.advance(1000);
      emulator.forms.submit(formId(emulator, 'mentee'), junk, { unchecked: true });
    }
    for (let i = 1; i <= 50; i++) {
      emulator.advance(60_000);
      apply(emulator, i % 2 ? 'mentor' : 'mentee', genuine(i));
    }
    emulator.advance(DAY);
    const applicants = rows(emulator, 'Applicants');
    for (let i = 1; i <= 50; i++) {
      expect(applicants.filter((r) => r.Email === genuine(i).email)).toHaveLength(1);
      expect(mailTo(emulator, genuine(i).email)).toHaveLength(1);
    }
    const flood = applicants.filter((r) => r.Email === FLOODER);
    expect(flood).toHaveLength(1);
    expect(flood[0]!.Submissions).toBe(10_000);
    expect(String(flood[0]!.Problems)).toContain('10,000 submissions from this address');
    expect(String(flood[0]!['Submission history']).length).toBeLessThan(200);
    expect(mailTo(emulator, FLOODER)).toHaveLength(2); // the acknowledgement, and one change notice that day
    expect(longestCell(emulator)).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(emulator.executions.filter((e) => !e.ok)).toEqual([]);

    // The same 51 people and the same emails, from 52 submissions: one more response costs the same.
    const small = setUp(newCohort({ mailQuota: 1500 }));
    apply(small, 'mentee', { name: 'Flood', email: FLOODER });
    apply(small, 'mentee', { name: 'Flood', email: FLOODER });
    for (let i = 1; i <= 50; i++) apply(small, i % 2 ? 'mentor' : 'mentee', genuine(i));
    small.advance(DAY);
    const big = measureOne(emulator);
    const little = measureOne(small);
    expect(big.ok).toBe(true);
    expect(big.calls).toEqual(little.calls);
    expect(big.cells).toBe(little.cells);
    const total = Object.values(big.calls).reduce((a, b) => a + b, 0);
    console.log(
      `flood: 10,000 submissions from one address, then 50 applicants: 50 of 50 taken in and acknowledged once; ` +
        `longest cell ${longestCell(emulator)} characters; one more response costs ${total} service calls and ${big.cells} cells, as in a 52-response tab`,
    );
  });
});
