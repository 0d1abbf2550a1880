/**
 * Ending well (issue 12.4): before the finale each side of a pair is asked whether they would like
 * to keep meeting, and the answers are recorded on the pair; after it everyone who took part is
 * thanked, with what follows for their pair.
 */
import type { Emulator } from '../../src/emulator/Emulator';
import { addApplicants, click, edit, formId, rows, settings } from '../support/cohort';
import {
  addressOf,
  answerContinuation,
  at,
  CONTINUES,
  mentorOf,
  moveTo,
  pairedCohort,
  subjectsTo,
} from './keepInTouch.helpers';

const QUESTION = 'Will you keep meeting after November?';
const THANKS = 'Thank you for taking part';

/** The coordinator brings the finale forward to 22 July (and the end to 31 July): a shorter year to test. */
function shortYear(emulator: Emulator): void {
  edit(emulator, 'Programme', (r) => r.Key === 'finale', { Date: '2025-07-22' });
  settings(emulator, { programmeEndDate: '2025-07-31' });
}

const pairRow = (emulator: Emulator, menteeId: string) =>
  rows(emulator, 'Matches').find((r) => r['Mentee ID'] === menteeId && r.Status === 'Announced')!;

function thanksTo(emulator: Emulator, email: string) {
  return emulator.mail.sent.filter((m) => m.to.includes(email) && m.subject === THANKS);
}

describe('the continuation question', () => {
  it('goes to both sides 4 weeks before the finale, once; both answers are recorded on the pair', () => {
    const emulator = pairedCohort(2);
    shortYear(emulator);
    const mentor1 = addressOf(mentorOf(emulator, 'ME-001'));
    const mentor2 = addressOf(mentorOf(emulator, 'ME-002'));
    moveTo(emulator, at('2025-06-23T12:00:00Z'));
    expect(subjectsTo(emulator, 'me1@example.org')).not.toContain(QUESTION);
    // 22 July less 4 weeks: 24 June.
    moveTo(emulator, at('2025-06-24T09:00:00Z'));
    click(emulator, 'Keep in touch now');
    for (const who of ['me1@example.org', mentor1, 'me2@example.org', mentor2])
      expect(subjectsTo(emulator, who).filter((s) => s === QUESTION)).toHaveLength(1);
    answerContinuation(emulator, 'me1@example.org', 'Yes');
    expect(pairRow(emulator, 'ME-001')).toMatchObject({
      'Mentee continues': 'Yes',
      'Mentor continues': '',
      'Continues after November': '',
    });
    answerContinuation(emulator, mentor1, 'Yes');
    expect(pairRow(emulator, 'ME-001')).toMatchObject({
      'Mentee continues': 'Yes',
      'Mentor continues': 'Yes',
      'Continues after November': 'Yes',
    });
    answerContinuation(emulator, 'me2@example.org', 'Yes');
    answerContinuation(emulator, mentor2, 'Not sure yet');
    expect(pairRow(emulator, 'ME-002')['Continues after November']).toBe('Not sure');
    answerContinuation(emulator, mentor2, 'No');
    expect(pairRow(emulator, 'ME-002')).toMatchObject({
      'Mentor continues': 'No',
      'Continues after November': 'No',
    });
    moveTo(emulator, at('2025-07-10T09:00:00Z'));
    expect(subjectsTo(emulator, 'me1@example.org').filter((s) => s === QUESTION)).toHaveLength(1);
  });

  it('does not count an answer without a valid personal code: it goes on the list', () => {
    const emulator = pairedCohort(1);
    shortYear(emulator);
    moveTo(emulator, at('2025-06-24T09:00:00Z'));
    const form = formId(emulator, 'continuation');
    emulator.deliverFormSubmit(emulator.forms.submit(form, { [CONTINUES]: 'Yes' })!);
    emulator.deliverFormSubmit(
      emulator.forms.submit(form, { [CONTINUES]: 'No', 'Your personal code': 'ME-001:MR-001.x' })!,
    );
    expect(pairRow(emulator, 'ME-001')).toMatchObject({ 'Mentee continues': '', 'Mentor continues': '' });
    // One claims nothing; the other claims to be mentee 1's answer about their mentor.
    expect(rows(emulator, 'Attention').map((r) => [r.Key, r.Person])).toEqual([
      ['continuation-review:unknown', ''],
      ['continuation-review:ME-001:MR-001', 'ME-001'],
    ]);
    expect(String(rows(emulator, 'Attention')[1]!.Why)).toMatch(
      /^An answer to the continuation question \(“No”, 24\/06\/2025 10:00\) arrived without a valid personal code: it was not counted\.$/,
    );
  });

  it('stays with its pair when matching runs again', () => {
    const emulator = pairedCohort(2);
    shortYear(emulator);
    moveTo(emulator, at('2025-06-24T09:00:00Z'));
    answerContinuation(emulator, 'me2@example.org', 'Yes');
    // Mentee 1 withdraws; matching runs again and rewrites the rows in a new order.
    edit(emulator, 'Applicants', (r) => r.ID === 'ME-001', { Status: 'Withdrawn' });
    click(emulator, 'Run matching');
    expect(pairRow(emulator, 'ME-002')['Mentee continues']).toBe('Yes');
    expect(rows(emulator, 'Matches').filter((r) => r['Mentee continues'] === 'Yes')).toHaveLength(1);
  });
});

describe('the finale thank-you', () => {
  it('tells each participant what follows for their pair, once; thanks those without a pair; not those who withdrew', () => {
    const emulator = pairedCohort(3, { settings: { contactName: 'Dewi Price' } });
    shortYear(emulator);
    const mentor1 = addressOf(mentorOf(emulator, 'ME-001'));
    const mentor2 = addressOf(mentorOf(emulator, 'ME-002'));
    const mentor3 = addressOf(mentorOf(emulator, 'ME-003'));
    // A mentor selected later, with no mentee; mentee 3 withdraws (their pair is over).
    addApplicants(emulator, [
      { id: 'MR-009', role: 'Mentor', status: 'Selected', name: 'Mentor 9', email: 'mr9@example.org' },
    ]);
    moveTo(emulator, at('2025-06-24T09:00:00Z'));
    answerContinuation(emulator, 'me1@example.org', 'Yes');
    answerContinuation(emulator, mentor1, 'Yes');
    answerContinuation(emulator, 'me2@example.org', 'Yes');
    edit(emulator, 'Applicants', (r) => r.ID === 'ME-003', { Status: 'Withdrawn' });
    moveTo(emulator, at('2025-07-22T12:00:00Z'));
    expect(thanksTo(emulator, 'me1@example.org')).toEqual([]);
    moveTo(emulator, at('2025-07-23T09:00:00Z'));
    click(emulator, 'Keep in touch now');
    const body = (email: string) => {
      const mine = thanksTo(emulator, email);
      expect(mine).toHaveLength(1);
      return mine[0]!.body;
    };
    expect(body('me1@example.org')).toContain(
      `You and Mentor ${Number(mentorOf(emulator, 'ME-001').slice(3))} both said you would like to keep meeting: please arrange it between you.`,
    );
    expect(body(mentor1)).toContain('both said you would like to keep meeting');
    // Mentee 2 said yes and their mentor never answered: the programme's part ends, the choice is theirs.
    expect(body('me2@example.org')).toContain("The programme's part in your mentoring pairing with Mentor");
    expect(body('me2@example.org')).toContain(
      'If you would both like to keep meeting, you are welcome to agree it',
    );
    expect(body(mentor2)).toContain('ends here, with our thanks');
    expect(body(mentor3)).toContain('Your mentoring pairing came to an end earlier in the year');
    expect(body('mr9@example.org')).toContain('Although we could not pair you with a mentee this time');
    // No help "between you" for someone whose pairing is over or who never had one (the check-ins
    // before the finale did offer it); the coach's one-to-ones, which the scheme offers to December, yes.
    for (const email of ['me1@example.org', mentor2, mentor3, 'mr9@example.org']) {
      expect(body(email)).toContain(
        'Dr Alex Morgan, the scheme’s professional coach and supervisor, is there for one-to-ones (coach@coaching.example).',
      );
      expect(body(email)).not.toContain('between you, you can also talk to');
    }
    const offered = emulator.mail.sent.filter(
      (m) => m.to.includes('me1@example.org') && m.subject !== THANKS,
    );
    expect(offered.some((m) => m.body.includes('you can also talk to Dewi Price'))).toBe(true);
    expect(thanksTo(emulator, 'me3@example.org')).toEqual([]);
    moveTo(emulator, at('2025-08-05T09:00:00Z'));
    expect(emulator.mail.sent.filter((m) => m.subject === THANKS)).toHaveLength(6);
  });
});
