import { choicesLinkAnswers } from '../../src/cli/participant';
import type { Emulator } from '../../src/emulator/Emulator';
import { apply, click, DAY, edit, formId, mailTo, newCohort, rows, setUp } from '../support/cohort';

const STATEMENT = 'Tell us briefly about your experience and what you could offer a mentee';

/** Three selected mentors, each with their own statement, and one selected mentee. */
function cohort(): Emulator {
  const emulator = setUp(newCohort());
  for (let i = 0; i < 3; i++)
    apply(
      emulator,
      'mentor',
      { name: `Mentor ${i}`, email: `mentor${i}@example.org`, libraryService: `Service ${i}` },
      { overrides: { [STATEMENT]: `I have led ${i + 2} restructures.` } },
    );
  apply(emulator, 'mentee', { name: 'Mentee', email: 'mentee@example.org', libraryService: 'Home' });
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  return emulator;
}

const items = (emulator: Emulator) => emulator.forms.data(formId(emulator, 'choices'))!.items;
const sections = (emulator: Emulator) => items(emulator).filter((i) => i.type === 'SECTION_HEADER');

describe('Mentor profiles on the choices form', () => {
  it('shows each selected mentor in the launch order, with their own words, before the questions', () => {
    const emulator = cohort();
    click(emulator, 'Open mentor choices');
    const launch = rows(emulator, 'Launch');
    expect(launch.map((r) => [r.Order, r.Mentor, r.Minutes])).toEqual([
      [1, 'Mentor 0', 2],
      [2, 'Mentor 1', 2],
      [3, 'Mentor 2', 2],
    ]);
    expect(sections(emulator).map((s) => s.title)).toEqual([
      'Mentor 0 — Service 0',
      'Mentor 1 — Service 1',
      'Mentor 2 — Service 2',
    ]);
    expect(sections(emulator)[0]!.helpText).toContain('I have led 2 restructures.');
    // Profiles come first, then the three questions.
    const first = items(emulator).findIndex((i) => i.title.includes('first choice'));
    expect(first).toBeGreaterThan(items(emulator).lastIndexOf(sections(emulator)[2]!));
    // A profile is not a question: the response tab gets no column for it.
    const ref = JSON.parse(emulator.properties.stores.script.values.get('form:choices')!) as {
      responseTab: string;
    };
    const header = emulator.spreadsheets.values(ref.responseTab)[0]!.map(String);
    expect(header).toContain('Your first choice of mentor');
    expect(header.some((h) => h.startsWith('Mentor '))).toBe(false);
  });

  it('follows the coordinator’s running order and drops a mentor who is no longer selected', () => {
    const emulator = cohort();
    click(emulator, 'Open mentor choices');
    const link = emulator.forms.data(formId(emulator, 'choices'))!.id;
    edit(emulator, 'Launch', (r) => r.Mentor === 'Mentor 2', { Order: 0, Notes: 'Opens the session' });
    edit(emulator, 'Applicants', (r) => r.Name === 'Mentor 1', { Status: 'Withdrawn' });
    click(emulator, 'Open mentor choices');
    expect(emulator.forms.data(formId(emulator, 'choices'))!.id).toBe(link);
    expect(sections(emulator).map((s) => s.title)).toEqual(['Mentor 2 — Service 2', 'Mentor 0 — Service 0']);
    const options = items(emulator).find((i) => i.title.includes('first choice'))!.choices;
    // The questions list the mentors in the same order as the profiles.
    expect(options).toEqual(['Mentor 2 — Service 2', 'Mentor 0 — Service 0']);
    expect(rows(emulator, 'Launch').map((r) => [r.Order, r.Mentor, r.Notes])).toEqual([
      [1, 'Mentor 2', 'Opens the session'],
      [2, 'Mentor 0', ''],
    ]);
  });

  it('lets a mentee who missed the launch choose from the profiles, by their own link', () => {
    const emulator = cohort();
    apply(emulator, 'mentee', {
      name: 'Late Mentee',
      email: 'late@example.org',
      libraryService: 'Elsewhere',
    });
    edit(emulator, 'Applicants', (r) => r.Name === 'Late Mentee', { Status: 'Waitlisted' });
    click(emulator, 'Open mentor choices');
    expect(mailTo(emulator, 'late@example.org').filter((m) => /choose/i.test(m.subject))).toEqual([]);
    // After the launch a place comes free: the waitlisted mentee is selected, and was never at the launch.
    emulator.advance(50 * DAY);
    edit(emulator, 'Applicants', (r) => r.Name === 'Late Mentee', { Status: 'Selected' });
    const before = emulator.mail.sent.length;
    click(emulator, 'Open mentor choices');
    const sent = emulator.mail.sent.slice(before).filter((m) => /choose/i.test(m.subject));
    // Only the mentee who had no link yet is written to, once.
    expect(sent.map((m) => m.to)).toEqual([['late@example.org']]);
    expect(sent[0]!.body).toContain('Whether or not you could come to the launch event');
    expect(sent[0]!.body).toContain('a few words of their own');
    // The form the link opens shows every mentor's profile before the questions.
    expect(sections(emulator).map((s) => s.helpText)).toEqual([
      expect.stringContaining('I have led 2 restructures.'),
      expect.stringContaining('I have led 3 restructures.'),
      expect.stringContaining('I have led 4 restructures.'),
    ]);
    const options = items(emulator).find((i) => i.title.includes('first choice'))!.choices!;
    const submission = emulator.forms.submit(formId(emulator, 'choices'), {
      ...choicesLinkAnswers(emulator, 'late@example.org'),
      'Your work email address': 'late@example.org',
      'Your first choice of mentor': options[2]!,
      'Your second choice of mentor': options[0]!,
      'Your third choice of mentor': options[1]!,
    });
    emulator.deliverFormSubmit(submission!);
    const row = rows(emulator, 'Choices').find((r) => r.Mentee === 'Late Mentee')!;
    expect(row).toBeDefined();
    expect(String(row.Problems ?? '')).toBe('');
    expect(Object.values(row).map(String)).toEqual(
      expect.arrayContaining([expect.stringContaining('Mentor 2')]),
    );
  });
});
