import { apply, click, edit, rows } from '../support/cohort';
import { cohort, fillSettings, recordDialogs, sendDecisions, setStatus } from './decisions.helpers';

const problemsOf = (emulator: ReturnType<typeof cohort>, email: string) =>
  String(rows(emulator, 'Applicants').find((r) => r.Email === email)!.Problems);

describe('Check applications', () => {
  it('re-validates every row, refreshes Problems, and reports counts, places left and rows needing attention', () => {
    const emulator = cohort();
    fillSettings(emulator, { mentorPlaces: 2, menteePlaces: 3 });
    apply(emulator, 'mentor', { name: 'Siân ap Dafydd', email: 'sian@example.org' });
    apply(emulator, 'mentor', { name: 'Mo Mentor', email: 'mo@example.org' });
    apply(emulator, 'mentee', { name: 'Seán Ó Briain', email: 'sean@example.org' });
    apply(emulator, 'mentee', {
      name: 'Iona Scott',
      email: 'iona@example.org',
      nation: 'Other / outside these nations',
    });
    apply(emulator, 'mentee', { name: 'Both Ways', email: 'both@example.org' });
    apply(emulator, 'mentor', { name: 'Both Ways', email: 'both@example.org' });
    expect(problemsOf(emulator, 'iona@example.org')).toMatch(/Nation not eligible/);
    setStatus(emulator, ['sian@example.org', 'mo@example.org', 'sean@example.org'], 'Selected');
    setStatus(emulator, ['iona@example.org'], 'Waitlisted');
    // The coordinator corrects Iona's nation by hand, and mistypes a status.
    edit(emulator, 'Applicants', (r) => r.Email === 'iona@example.org', { Nation: 'Wales' });
    edit(emulator, 'Applicants', (r) => r.Email === 'both@example.org' && r.Role === 'Mentor', {
      Status: 'Selcted',
    });

    const dialogs = recordDialogs(emulator);
    const run = click(emulator, 'Check applications');
    expect(run.ok).toBe(true);
    expect(problemsOf(emulator, 'iona@example.org')).toBe('');
    expect(dialogs).toHaveLength(1);
    const text = dialogs[0]!.text;
    expect(text).toContain('Mentors: 3 (1 applied, 2 selected); 0 places left.');
    expect(text).toContain('Mentees: 3 (1 applied, 1 selected, 1 waitlisted); 2 places left.');
    expect(text).toContain('Need attention (2):');
    expect(text).toMatch(/ME-\d+ Both Ways: Applied as both mentor and mentee/);
    expect(text).toMatch(
      /MR-\d+ Both Ways: Applied as both mentor and mentee; the scheme allows one; Status "Selcted" is not one of: Applied, Selected, Waitlisted, Not selected, Withdrawn/,
    );
    expect(text).not.toContain('Iona');
  });

  it('withdrawing one of two applications clears the flag on the other, which can then be sent its decision', () => {
    const emulator = cohort();
    apply(emulator, 'mentee', { name: 'Both Ways', email: 'both@example.org' });
    apply(emulator, 'mentor', { name: 'Both Ways', email: 'both@example.org' });
    edit(emulator, 'Applicants', (r) => r.Role === 'Mentor', { Status: 'Withdrawn' });
    edit(emulator, 'Applicants', (r) => r.Role === 'Mentee', { Status: 'Selected' });
    const dialogs = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(dialogs[0]!.text).toContain('1 blocked by problems');
    click(emulator, 'Check applications');
    expect(rows(emulator, 'Applicants').map((r) => r.Problems)).toEqual(['', '']);
    sendDecisions(emulator);
    expect(emulator.mail.sent.filter((m) => m.subject === 'You have a place as a mentee')).toHaveLength(1);
  });
});
