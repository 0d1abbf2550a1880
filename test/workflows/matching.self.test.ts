import type { Emulator } from '../../src/emulator/Emulator';
import { apply, click, edit, mailTo, newCohort, rows, setUp } from '../support/cohort';
import { recordDialogs } from './decisions.helpers';

const BOTH = 'Selected as both mentor and mentee, which the scheme does not allow: Ann Lee (MR-001, ME-001).';

/**
 * Ann Lee applies in both roles (her address typed in two cases, her service named two ways, so the
 * library-service rule does not keep her from herself) and the coordinator selects everyone: as a
 * mentee she needs what she offers as a mentor, so she would be her own best match.
 */
function cohortWithAnnInBothRoles(): Emulator {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  apply(emulator, 'mentor', {
    name: 'Ann Lee',
    email: 'ann.lee@example.org',
    libraryService: 'Aberwen Libraries',
    areas: ['Budgeting'],
    capacity: 2,
  });
  apply(emulator, 'mentor', {
    name: 'Bob Hale',
    email: 'bob@example.org',
    libraryService: 'Brynmor Libraries',
    areas: ['Restructures'],
  });
  apply(emulator, 'mentee', {
    name: 'Ann Lee',
    email: 'Ann.Lee@Example.ORG',
    libraryService: 'Aberwen Library Service',
    areas: ['Budgeting'],
  });
  apply(emulator, 'mentee', {
    name: 'Cy Rees',
    email: 'cy@example.org',
    libraryService: 'Carreg Libraries',
    areas: ['Restructures'],
  });
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  return emulator;
}

const selfRow = (emulator: Emulator) =>
  rows(emulator, 'Matches').find(
    (r) => r['Mentee ID'] === 'ME-001' && r['Mentor ID'] === 'MR-001' && r.Status !== 'Excluded',
  );

describe('One person selected as both mentor and mentee', () => {
  it('Open mentor choices waits until they have one role, and says who they are', () => {
    const emulator = cohortWithAnnInBothRoles();
    const seen = recordDialogs(emulator);
    click(emulator, 'Open mentor choices');
    expect(seen.map((d) => d.text).join('\n')).toContain(BOTH);
    expect(emulator.mail.sent.filter((m) => m.subject === 'Choose your mentors')).toEqual([]);

    edit(emulator, 'Applicants', (r) => r.ID === 'ME-001', { Status: 'Not selected' });
    click(emulator, 'Open mentor choices');
    expect(mailTo(emulator, 'cy@example.org').map((m) => m.subject)).toContain('Choose your mentors');
  });

  it('Run matching never pairs them with themselves, chosen or locked, and every message names them', () => {
    const emulator = cohortWithAnnInBothRoles();
    const seen = recordDialogs(emulator);
    click(emulator, 'Run matching');
    expect(seen.at(-1)!.text).toContain(BOTH);
    expect(selfRow(emulator)).toBeUndefined();
    expect(rows(emulator, 'Matches').find((r) => r['Mentee ID'] === 'ME-002')).toMatchObject({
      'Mentor ID': 'MR-002',
      Status: 'Proposed',
    });

    // Running again with nothing changed still says so.
    click(emulator, 'Run matching');
    expect(seen.at(-1)!.text).toMatch(/^Nothing has changed/);
    expect(seen.at(-1)!.text).toContain(BOTH);

    // She chose herself (an answer the coordinator accepted), and the coordinator locked her to herself.
    emulator.spreadsheets.editSheet('Choices', ([header = [], ...data]) => [
      header,
      ...data,
      header.map((h) =>
        h === 'Mentee ID'
          ? 'ME-001'
          : h === 'Mentee email'
            ? 'ann.lee@example.org'
            : h === '1st choice'
              ? 'Ann Lee (MR-001)'
              : h === 'Status'
                ? 'Accepted'
                : '',
      ),
    ]);
    edit(emulator, 'Matches', (r) => r['Mentee ID'] === 'ME-001', {
      'Mentor ID': 'MR-001',
      Status: 'Locked',
    });
    click(emulator, 'Run matching');
    expect(seen.at(-1)!.text).toContain(BOTH);
    expect(selfRow(emulator)).toBeUndefined();
    const ann = rows(emulator, 'Matches').find((r) => r['Mentee ID'] === 'ME-001')!;
    expect(String(ann.Reason)).not.toMatch(/excluded by the coordinator/);
  });

  it('Announce pairs introduces nobody until they have one role', () => {
    const emulator = cohortWithAnnInBothRoles();
    const seen = recordDialogs(emulator);
    click(emulator, 'Run matching');
    const before = emulator.mail.sent.length;
    click(emulator, 'Announce pairs');
    expect(seen.at(-1)!.text).toBe(
      `${BOTH} Set one of their rows in the Applicants tab to Not selected; nobody is offered or matched to themselves. Then click "Announce pairs" again.`,
    );
    expect(emulator.mail.sent.slice(before)).toEqual([]);

    edit(emulator, 'Applicants', (r) => r.ID === 'MR-001', { Status: 'Not selected' });
    click(emulator, 'Run matching');
    click(emulator, 'Announce pairs');
    expect(mailTo(emulator, 'cy@example.org').map((m) => m.subject)).toContain('Meet your mentor');
  });
});
