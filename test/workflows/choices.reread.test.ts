/**
 * A mentee's choices taken in by a run that is cut off after it wrote the Choices row and before it
 * moved its cursor past the response: the next run reads the response again and must not count it
 * twice (one submission, not two), as intake already does for applications and check-ins.
 */
import { choicesLinkAnswers } from '../../src/cli/participant';
import type { Emulator } from '../../src/emulator/Emulator';
import { apply, click, edit, formId, newCohort, rows, setUp } from '../support/cohort';

function atChoices(): Emulator {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  for (const i of [0, 1, 2])
    apply(emulator, 'mentor', {
      name: `Mentor ${i}`,
      email: `mentor${i}@example.org`,
      libraryService: `Service ${i}`,
      areas: ['Budgeting'],
      capacity: 1,
    });
  for (const j of [0, 1])
    apply(emulator, 'mentee', {
      name: `Mentee ${j}`,
      email: `mentee${j}@example.org`,
      libraryService: `Home ${j}`,
      areas: ['Budgeting'],
    });
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  click(emulator, 'Open mentor choices');
  // Someone chose first: the choices are read through a cursor from then on, not from the top.
  choose(emulator, 'mentee1@example.org', [2, 1, 0]);
  return emulator;
}

function choose(emulator: Emulator, email: string, picks: [number, number, number]) {
  const form = emulator.forms.data(formId(emulator, 'choices'))!;
  const options = form.items.find((i) => i.title.includes('first choice'))!.choices!;
  const label = (m: number) => options.find((o) => o.startsWith(`Mentor ${m} `))!;
  const submission = emulator.forms.submit(formId(emulator, 'choices'), {
    ...choicesLinkAnswers(emulator, email),
    'Your work email address': email,
    'Your first choice of mentor': label(picks[0]),
    'Your second choice of mentor': label(picks[1]),
    'Your third choice of mentor': label(picks[2]),
  });
  return emulator.deliverFormSubmit(submission!);
}

const mine = (emulator: Emulator) => rows(emulator, 'Choices').filter((r) => r['Mentee ID'] === 'ME-001');
const theirs = (emulator: Emulator) => rows(emulator, 'Choices').filter((r) => r['Mentee ID'] === 'ME-002');

describe('choices read again after a run was cut off', () => {
  it('count once, wherever the run stopped after writing the row', () => {
    let cut = 0;
    for (let kill = 1; kill <= 6; kill++) {
      const emulator = atChoices();
      let writes = 0;
      let armed = true;
      emulator.rt.faults.push((call, rt) => {
        // The cursor is saved after the Choices row is written: stop at each property write in turn.
        if (armed && call === 'Properties.setProperty' && ++writes === kill) {
          armed = false;
          rt.kill();
        }
      });
      const ran = choose(emulator, 'mentee0@example.org', [0, 1, 2]);
      if (!ran.some((r) => r.killed)) continue;
      cut++;
      emulator.run('continueIntake', {}, 'trigger');
      const row = mine(emulator);
      expect(row).toHaveLength(1);
      expect(row[0]).toMatchObject({ Status: 'Valid', Submissions: 1 });
      expect(String(row[0]!['Submission history'])).toMatch(/^1 submission: /);
      expect(theirs(emulator)[0]).toMatchObject({ Submissions: 1 });
      // A real second submission, later, still counts.
      emulator.advance(5 * 60_000);
      choose(emulator, 'mentee0@example.org', [1, 0, 2]);
      expect(mine(emulator)[0]).toMatchObject({ Submissions: 2 });
    }
    expect(cut).toBeGreaterThan(0);
  });
});
