import type { Emulator } from '../../src/emulator/Emulator';
import { apply, click, edit, formId, newCohort, rows, setUp } from '../support/cohort';

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
});
