/** Changes sent after the deadline wait in the Changes tab until the coordinator accepts or rejects them. */
import type { Emulator } from '../../src/emulator/Emulator';
import { apply, click, edit, newCohort, rows, setUp } from '../support/cohort';

const seán = { name: 'Seán Ó Briain', email: 'sean.obriain@example.org' };
const other = { name: 'Ann Jones', email: 'ann.jones@example.org' };

/** Seán and Ann apply before the deadline; after it, Seán sends new answers, which wait for review. */
function changed(): Emulator {
  const emulator = setUp(newCohort());
  apply(emulator, 'mentee', other);
  apply(emulator, 'mentee', seán);
  emulator.advance(Date.UTC(2025, 3, 22, 9) - emulator.rt.clock.now());
  apply(emulator, 'mentee', { ...seán, libraryService: 'Kilbride Libraries' });
  expect(change(emulator).Status).toBe('Waiting for review');
  return emulator;
}

const change = (emulator: Emulator) => rows(emulator, 'Changes').find((r) => r.Email === seán.email)!;
const person = (emulator: Emulator) => rows(emulator, 'Applicants').find((r) => r.Email === seán.email)!;
const setChange = (emulator: Emulator, values: Record<string, unknown>) =>
  edit(emulator, 'Changes', (r) => r.Email === seán.email, values);

describe('the Changes tab', () => {
  it.each(['Accept', 'Accepted'])(
    '"%s" applies the new answers once, keeping the coordinator\'s note',
    (status) => {
      const emulator = changed();
      expect(person(emulator)['Library service']).not.toBe('Kilbride Libraries');
      setChange(emulator, { Status: status, 'Coordinator notes': 'Checked with Seán.' });
      click(emulator, 'Check applications');
      expect(person(emulator)['Library service']).toBe('Kilbride Libraries');
      expect(change(emulator).Status).toBe('Accepted');
      expect(String(change(emulator)['Coordinator notes'])).toMatch(
        /^Checked with Seán\. Applied on 2025-04-22\.$/,
      );
      // Settled: a later run leaves it, even after the row is edited back by hand.
      edit(emulator, 'Applicants', (r) => r.Email === seán.email, { 'Library service': 'Typed by hand' });
      click(emulator, 'Check applications');
      expect(person(emulator)['Library service']).toBe('Typed by hand');
    },
  );

  it.each(['Reject', 'Rejected'])('"%s" keeps the answers the person had', (status) => {
    const emulator = changed();
    const before = person(emulator)['Library service'];
    setChange(emulator, { Status: status });
    click(emulator, 'Check applications');
    expect(person(emulator)['Library service']).toBe(before);
    expect(change(emulator)).toMatchObject({
      Status: 'Rejected',
      'Coordinator notes': 'Rejected on 2025-04-22.',
    });
  });

  it("never writes another applicant's answers when rows of the response tab were deleted", () => {
    const emulator = changed();
    apply(emulator, 'mentee', { name: 'Late Applicant', email: 'late@example.org' });
    const { 'Response tab': tab, 'Response row': row } = change(emulator);
    // The coordinator deletes an earlier response (Ann's): every row below moves up one, and the
    // row recorded for Seán's change now holds the late applicant's.
    emulator.spreadsheets.editSheet(String(tab), (values) => values.filter((_, k) => k !== 1));
    setChange(emulator, { Status: 'Accept' });
    click(emulator, 'Check applications');
    expect(person(emulator)).toMatchObject({ Name: seán.name, Email: seán.email });
    expect(person(emulator)['Library service']).not.toBe('Kilbride Libraries');
    expect(change(emulator).Status).toBe('Waiting for review');
    expect(String(change(emulator)['Coordinator notes'])).toContain(
      `Could not be applied: row ${row} of ${tab} now holds another address's response (were rows deleted or moved there?)`,
    );
    // Given the row that holds it now, it applies.
    setChange(emulator, { Status: 'Accept', 'Response row': Number(row) - 1 });
    click(emulator, 'Check applications');
    expect(person(emulator)['Library service']).toBe('Kilbride Libraries');
  });
});
