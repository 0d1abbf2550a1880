/**
 * The nudge, the needs-attention list and the coach (issue 12.3): a pair that has not said it met
 * is nudged once and, still silent two weeks later, listed for the coordinator; a low rating and a
 * note for the coordinator are listed; a request for the coach reaches the coach once.
 */
import { click, rows, settings } from '../support/cohort';
import {
  addressOf,
  answerCheckIn,
  at,
  mentorOf,
  moveTo,
  pairedCohort,
  subjectsTo,
} from './keepInTouch.helpers';

const NUDGE = 'Have you been able to meet?';
const COACH = 'coach@coaching.example';

describe('a pair that has not met', () => {
  it('is nudged once, both sides, a week after the first check-in; still silent 14 days later, it is listed', () => {
    const emulator = pairedCohort(2);
    const silentMentor = addressOf(mentorOf(emulator, 'ME-002'));
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    // Pair 1 says it met; pair 2 says nothing.
    answerCheckIn(emulator, 'me1@example.org', { met: 'Yes', rating: 4 });
    moveTo(emulator, at('2025-06-23T12:00:00Z'));
    expect(subjectsTo(emulator, 'me2@example.org')).not.toContain(NUDGE);
    moveTo(emulator, at('2025-06-24T09:00:00Z'));
    click(emulator, 'Keep in touch now');
    for (const who of ['me2@example.org', silentMentor])
      expect(subjectsTo(emulator, who).filter((s) => s === NUDGE)).toHaveLength(1);
    expect(subjectsTo(emulator, 'me1@example.org')).not.toContain(NUDGE);
    const nudge = emulator.mail.sent.find((m) => m.to.includes('me2@example.org') && m.subject === NUDGE)!;
    expect(nudge.body).toContain(
      `You can reach Mentor ${Number(mentorOf(emulator, 'ME-002').slice(3))} at ${silentMentor}`,
    );
    moveTo(emulator, at('2025-07-07T12:00:00Z'));
    expect(rows(emulator, 'Attention').filter((r) => String(r.Key).startsWith('not-met'))).toEqual([]);
    moveTo(emulator, at('2025-07-08T09:00:00Z'));
    const listed = rows(emulator, 'Attention').filter((r) => String(r.Key).startsWith('not-met'));
    expect(listed).toEqual([
      expect.objectContaining({
        Pair: `Mentee 2 (ME-002) with Mentor ${Number(mentorOf(emulator, 'ME-002').slice(3))} (${mentorOf(emulator, 'ME-002')})`,
        Why: 'Not met 49 days after the introductions: neither has said so in a check-in since the nudge on Tuesday 24 June 2025.',
        Status: 'Open',
      }),
    ]);
    // Listed once, and the coordinator's Done stays Done.
    emulator.spreadsheets.editSheet('Attention', (v) =>
      v.map((r, i) => (i === 0 ? r : r.map((c) => (c === 'Open' ? 'Done' : c)))),
    );
    moveTo(emulator, at('2025-08-20T09:00:00Z'));
    expect(rows(emulator, 'Attention').filter((r) => String(r.Key).startsWith('not-met'))).toEqual([
      expect.objectContaining({ Status: 'Done' }),
    ]);
    expect(subjectsTo(emulator, 'me2@example.org').filter((s) => s === NUDGE)).toHaveLength(1);
  });

  it('is not nudged once either side says it met', () => {
    const emulator = pairedCohort(1);
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    answerCheckIn(emulator, addressOf(mentorOf(emulator, 'ME-001')), { met: 'Yes' });
    moveTo(emulator, at('2025-07-20T09:00:00Z'));
    expect(subjectsTo(emulator, 'me1@example.org')).not.toContain(NUDGE);
    expect(rows(emulator, 'Attention')).toEqual([]);
  });
});

describe('the needs-attention list', () => {
  it('lists a low rating and a note for the coordinator, with who said it, in words', () => {
    const emulator = pairedCohort(1);
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    answerCheckIn(emulator, 'me1@example.org', {
      met: 'Yes',
      rating: 2,
      note: 'My mentor keeps cancelling.',
    });
    expect(rows(emulator, 'Attention').map((r) => [r.Person, r.Why])).toEqual([
      ['Mentee 1 (ME-001)', 'Check-in 1 says it is going badly (2/5).'],
      ['Mentee 1 (ME-001)', 'Asked the coordinator (check-in 1): “My mentor keeps cancelling.”'],
    ]);
    // A rating of 3 with no note is nothing to list.
    answerCheckIn(emulator, addressOf(mentorOf(emulator, 'ME-001')), { met: 'Yes', rating: 3 });
    expect(rows(emulator, 'Attention')).toHaveLength(2);
  });
});

describe('a request for the coach', () => {
  it('reaches the coach once per person and round, however often it is sent or clicked', () => {
    const emulator = pairedCohort(1);
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    answerCheckIn(emulator, 'me1@example.org', { coach: 'Yes' });
    answerCheckIn(emulator, 'me1@example.org', { coach: 'Yes', rating: 5 });
    click(emulator, 'Keep in touch now');
    moveTo(emulator, at('2025-06-20T09:00:00Z'));
    const toCoach = emulator.mail.sent.filter((m) => m.to.includes(COACH));
    expect(toCoach).toHaveLength(1);
    expect(toCoach[0]!.subject).toBe('A one-to-one request from the mentoring scheme');
    expect(toCoach[0]!.body).toContain('Dear Dr Alex Morgan,');
    expect(toCoach[0]!.body).toContain(
      'Mentee 1 (mentee, Mentee Service 1) asked in their check-in for a one-to-one',
    );
    expect(toCoach[0]!.body).toContain('me1@example.org');
    // The next round's request is a new one.
    moveTo(emulator, at('2025-07-15T09:00:00Z'));
    answerCheckIn(emulator, 'me1@example.org', { coach: 'Yes' });
    expect(emulator.mail.sent.filter((m) => m.to.includes(COACH))).toHaveLength(2);
  });

  it('goes on the list when Settings has no coach email, and to the coach once one is filled in', () => {
    const emulator = pairedCohort(1, { coach: false });
    moveTo(emulator, at('2025-06-17T09:00:00Z'));
    answerCheckIn(emulator, 'me1@example.org', { coach: 'Yes' });
    expect(rows(emulator, 'Attention').map((r) => r.Why)).toEqual([
      'Asked for a one-to-one with the coach (check-in 1), but there is no coach email in Settings: please pass it on, or fill in "Coach email" and it goes automatically.',
    ]);
    settings(emulator, { coachEmail: COACH });
    moveTo(emulator, at('2025-06-18T09:00:00Z'));
    expect(emulator.mail.sent.filter((m) => m.to.includes(COACH))).toHaveLength(1);
  });
});
