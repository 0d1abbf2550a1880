/**
 * A row deleted from Applicants by mistake comes back (at the next application, or "Check
 * applications") with the status Cohort last acted on: a selected person whose invitations went
 * is not put back as Applied, so the next calendar sync does not cancel them; a person told "no"
 * is not put back as Selected.
 */
import type { Emulator } from '../../src/emulator/Emulator';
import { apply, click, edit, mailTo, rows } from '../support/cohort';
import { ALL, cohort, guestsOf, invitations, syncAll } from './calendar.helpers';

const eve = { name: 'Eve', email: 'eve@example.org' };

function deleteRow(emulator: Emulator, email: string): void {
  emulator.spreadsheets.editSheet('Applicants', (values) =>
    values.filter((r) => r[values[0]!.indexOf('Email')] !== email),
  );
}

const row = (emulator: Emulator, email: string) =>
  rows(emulator, 'Applicants').filter((r) => r.Email === email);

describe('a deleted Applicants row', () => {
  it('of a selected person whose invitations went comes back Selected, and they stay invited', () => {
    const emulator = cohort([]);
    apply(emulator, 'mentor', { name: 'Cai', email: 'cai@example.org' });
    apply(emulator, 'mentee', eve);
    // Selected after intake last read the tab: only the calendar sync has seen it.
    edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
    syncAll(emulator);
    for (const key of ALL) expect(guestsOf(emulator, key)).toContain(eve.email);
    const [before] = row(emulator, eve.email);
    deleteRow(emulator, eve.email);
    apply(emulator, 'mentee', { name: 'Gus', email: 'gus@example.org' });
    const [back, ...more] = row(emulator, eve.email);
    expect(more).toEqual([]);
    expect(back).toMatchObject({ ID: before!.ID, Status: 'Selected', Name: 'Eve' });
    expect(String(back!.Problems)).toMatch(
      /^This row had been deleted from the Applicants tab; Cohort put it back \(ME-001, last status Selected\)/,
    );
    const sent = emulator.mail.sent.length;
    click(emulator, 'Send calendar invites');
    expect(invitations(emulator, sent)).toEqual([]);
    for (const key of ALL) expect(guestsOf(emulator, key)).toContain(eve.email);
  });

  it('of a person told "not selected" comes back Not selected, and is never invited', () => {
    const emulator = cohort([]);
    apply(emulator, 'mentee', eve);
    // Intake sees Eve as Selected (reading the tab for Fay's application)...
    edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
    apply(emulator, 'mentee', { name: 'Fay', email: 'fay@example.org' });
    // ...then the coordinator changes their mind, and Eve is told.
    edit(emulator, 'Applicants', (r) => r.Email === eve.email, { Status: 'Not selected' });
    click(emulator, 'Send decisions');
    expect(mailTo(emulator, eve.email).map((m) => m.subject)).toContain('Your application to be a mentee');
    deleteRow(emulator, eve.email);
    click(emulator, 'Check applications');
    expect(row(emulator, eve.email)).toMatchObject([{ ID: 'ME-001', Status: 'Not selected' }]);
    syncAll(emulator);
    for (const key of ALL) expect(guestsOf(emulator, key)).not.toContain(eve.email);
  });

  it('keeps its ID: a new applicant never gets the ID of the row that was deleted', () => {
    const emulator = cohort([]);
    apply(emulator, 'mentee', eve);
    deleteRow(emulator, eve.email);
    apply(emulator, 'mentee', { name: 'Gus', email: 'gus@example.org' });
    expect(rows(emulator, 'Applicants').map((r) => [r.ID, r.Name])).toEqual([
      ['ME-001', 'Eve'],
      ['ME-002', 'Gus'],
    ]);
  });
});
