/**
 * Check-ins (issue 12.3): after the introductions, each mentor and mentee of an announced pair gets
 * a personal link to the check-in form at the intervals in Settings; answers land in the CheckIns
 * tab, one row per person, pair and round, and only from the person's own link.
 */
import { personalLinkFor, submitFromLink } from '../../src/cli/participant';
import { click, edit, formId, rows, settings } from '../support/cohort';
import {
  addressOf,
  answerCheckIn,
  at,
  CHECK_IN,
  mentorOf,
  moveTo,
  pairedCohort,
  subjectsTo,
} from './keepInTouch.helpers';

const CHECK_IN_SUBJECT = 'How is your mentoring going?';
const checkIns = (emulator: ReturnType<typeof pairedCohort>, email: string) =>
  subjectsTo(emulator, email).filter((s) => s === CHECK_IN_SUBJECT);

describe('check-ins', () => {
  it('go to both sides of each pair 4 weeks after the introductions, then every 4 weeks, once each, until the end', () => {
    const emulator = pairedCohort(2);
    const mentor = addressOf(mentorOf(emulator, 'ME-001'));
    moveTo(emulator, at('2025-06-16T12:00:00Z'));
    expect(checkIns(emulator, 'me1@example.org')).toEqual([]);
    // The morning run on 17 June (07:00 London) sends round 1; a click afterwards sends nothing twice.
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    click(emulator, 'Keep in touch now');
    expect(checkIns(emulator, 'me1@example.org')).toHaveLength(1);
    expect(checkIns(emulator, mentor)).toHaveLength(1);
    const mail = emulator.mail.sent.find(
      (m) => m.to.includes('me1@example.org') && m.subject === CHECK_IN_SUBJECT,
    )!;
    expect(mail.body).toContain('your mentoring with Mentor');
    expect(personalLinkFor(emulator, 'me1@example.org', /How is your mentoring/)).toMatch(
      /^https:\/\/docs\.google\.com\/forms\/d\/e\/.+/,
    );
    expect(rows(emulator, 'CheckIns').map((r) => [r['Person ID'], r.Round, r.Status])).toEqual([
      ['ME-001', 1, 'Waiting'],
      [mentorOf(emulator, 'ME-001'), 1, 'Waiting'],
      ['ME-002', 1, 'Waiting'],
      [mentorOf(emulator, 'ME-002'), 1, 'Waiting'],
    ]);
    settings(emulator, { programmeEndDate: '2025-08-31' });
    moveTo(emulator, at('2025-12-01T09:00:00Z'));
    // 17 June, 15 July, 12 August; 9 September is after the end.
    expect(checkIns(emulator, 'me1@example.org')).toHaveLength(3);
    expect(rows(emulator, 'CheckIns')).toHaveLength(12);
    expect(emulator.executions.filter((e) => !e.ok)).toEqual([]);
  });

  it('say nothing is due before the first round, with the date it goes', () => {
    const emulator = pairedCohort(1);
    moveTo(emulator, at('2025-06-02T09:00:00Z'));
    click(emulator, 'Keep in touch now');
    expect(emulator.rt.shown.filter((m) => m.kind === 'alert').at(-1)!.text).toContain(
      'The next check-ins go on Tuesday 17 June 2025.',
    );
  });

  it('ask before sending from the menu, and then send each once', () => {
    const emulator = pairedCohort(2);
    // 06:30 in London: before the morning run, the coordinator clicks.
    moveTo(emulator, at('2025-06-17T05:30:00Z'));
    const questions: string[] = [];
    emulator.rt.dialogs = {
      alert: (_title, text, buttons) => {
        questions.push(text);
        return buttons.includes('YES') ? 'YES' : 'OK';
      },
      prompt: () => ({ button: 'CANCEL', text: '' }),
    };
    click(emulator, 'Keep in touch now');
    expect(questions[0]).toContain('Send 4 emails:\n- 4 check-ins (round 1)');
    click(emulator, 'Keep in touch now');
    expect(questions.at(-1)).toContain('Nothing is due today');
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    expect(checkIns(emulator, 'me2@example.org')).toHaveLength(1);
  });

  it('record the answer from a person’s own link on their row; the latest answer wins', () => {
    const emulator = pairedCohort(1);
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    answerCheckIn(emulator, 'me1@example.org', { met: 'No', rating: 3 });
    answerCheckIn(emulator, 'me1@example.org', { met: 'Yes', rating: 4, note: 'We met on Teams.' });
    const mine = rows(emulator, 'CheckIns').filter((r) => r['Person ID'] === 'ME-001');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      Round: 1,
      Status: 'Answered',
      'Met since the last check-in': 'Yes',
      'How it is going (1–5)': 4,
      'For the coordinator': 'We met on Teams.',
      'Wants the coach': 'No',
      Submissions: 2,
      Problems: '',
    });
    expect(String(mine[0]!.Pair)).toBe(`Mentee 1 (ME-001) with Mentor 1 (${mentorOf(emulator, 'ME-001')})`);
  });

  it('an answer to an earlier round’s link lands on that round', () => {
    const emulator = pairedCohort(1);
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    const first = personalLinkFor(emulator, 'me1@example.org', /How is your mentoring/)!;
    moveTo(emulator, at('2025-07-15T09:00:00Z'));
    submitFromLink(emulator, first, {
      [CHECK_IN.met]: 'Yes',
      [CHECK_IN.rating]: '5',
      [CHECK_IN.coach]: 'No',
    });
    expect(
      rows(emulator, 'CheckIns')
        .filter((r) => r['Person ID'] === 'ME-001')
        .map((r) => [r.Round, r.Status]),
    ).toEqual([
      [1, 'Answered'],
      [2, 'Waiting'],
    ]);
  });
});

describe('a check-in without a valid personal code', () => {
  it('is recorded for review and counts for nobody: not the person’s row, nor a pair that met', () => {
    const emulator = pairedCohort(1);
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    const form = formId(emulator, 'check-in');
    const answers = { [CHECK_IN.met]: 'Yes', [CHECK_IN.rating]: '1', [CHECK_IN.coach]: 'Yes' };
    // Someone opens the form without a link, then someone guesses at mentee 1's link.
    emulator.deliverFormSubmit(emulator.forms.submit(form, answers)!);
    const link = personalLinkFor(emulator, 'me1@example.org', /How is your mentoring/)!;
    const code = emulator.forms.prefilled(link)!.answers['Your personal code']!;
    emulator.deliverFormSubmit(
      emulator.forms.submit(form, {
        ...answers,
        'Your personal code': `${code.split('.')[0]}.forgedsignature123456`,
      })!,
    );
    const all = rows(emulator, 'CheckIns');
    expect(all.find((r) => r['Person ID'] === 'ME-001' && r.Status !== 'Needs review')).toMatchObject({
      Status: 'Waiting',
      'Met since the last check-in': '',
    });
    const review = all.filter((r) => r.Status === 'Needs review');
    expect(review.map((r) => [r['Person ID'], r.Problems])).toEqual([
      ['', 'No personal code: not sent from the link in a check-in email, so it counts for nobody'],
      ['ME-001', 'The personal code is not one Cohort made: this check-in counts for nobody'],
    ]);
    // Nobody's "yes" counted: the pair is still nudged; nobody's "yes, coach" reached the coach.
    moveTo(emulator, at('2025-06-25T09:00:00Z'));
    expect(subjectsTo(emulator, 'me1@example.org')).toContain('Have you been able to meet?');
    expect(subjectsTo(emulator, 'coach@coaching.example')).toEqual([]);
    expect(rows(emulator, 'Attention').map((r) => r.Key)).toEqual(['check-in-review']);
  });

  it('stays one row, however many arrive', () => {
    const emulator = pairedCohort(1);
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    const form = formId(emulator, 'check-in');
    for (let i = 0; i < 30; i++)
      emulator.deliverFormSubmit(
        emulator.forms.submit(
          form,
          { [CHECK_IN.met]: 'No', [CHECK_IN.rating]: '2', [CHECK_IN.note]: `spam ${i}` },
          { unchecked: true },
        )!,
      );
    const review = rows(emulator, 'CheckIns').filter((r) => r.Status === 'Needs review');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({ Submissions: 30, 'For the coordinator': 'spam 29' });
    expect(String(review[0]!['Submission history']).length).toBeLessThan(200);
    expect(rows(emulator, 'Attention')).toEqual([
      expect.objectContaining({
        Key: 'check-in-review',
        Why: expect.stringContaining('30 check-ins arrived'),
      }),
    ]);
  });
});

describe('who gets a check-in', () => {
  it('nobody in a pair where one side has withdrawn', () => {
    const emulator = pairedCohort(2);
    edit(emulator, 'Applicants', (r) => r.ID === 'ME-002', { Status: 'Withdrawn' });
    const partner = addressOf(mentorOf(emulator, 'ME-002'));
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    expect(checkIns(emulator, 'me1@example.org')).toHaveLength(1);
    expect(checkIns(emulator, 'me2@example.org')).toEqual([]);
    expect(checkIns(emulator, partner)).toEqual([]);
  });
});
