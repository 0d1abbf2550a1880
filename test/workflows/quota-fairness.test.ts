/**
 * Quota fairness (issue 10.4): emails the coordinator causes go before acknowledgements, and
 * acknowledgements may use at most a share of the day's quota. 400 junk applications the day before
 * decisions, on a 100-a-day account: every decision still goes on the decision day.
 */
import { answers, formId, rows } from '../support/cohort';
import {
  addApplicants,
  cohort,
  outboxStatuses,
  people,
  recordDialogs,
  sendDecisions,
} from './decisions.helpers';

const HOUR = 3_600_000;
/** 25 April 2025, 09:00 in London. */
const DECISION_DAY = Date.UTC(2025, 3, 25, 8, 0);

describe('junk cannot crowd out a decision', () => {
  it('400 junk applications the day before: all 40 decisions go on the decision day', () => {
    const emulator = cohort({ mailQuota: 100, now: Date.UTC(2025, 3, 20, 9, 0) });
    const genuine = people(40, ['Selected', 'Waitlisted', 'Not selected']);
    addApplicants(emulator, genuine);
    // The day before decisions, from 10:00, 400 strangers apply (each trigger runs).
    emulator.rt.clock.set(Date.UTC(2025, 3, 24, 9, 0));
    for (let i = 0; i < 400; i++) {
      emulator.advance(60_000);
      const submission = emulator.forms.submit(
        formId(emulator, 'mentee'),
        answers('mentee', { name: `Junk ${i}`, email: `junk${i}@spam.example` }),
        { unchecked: true },
      );
      if (submission) emulator.deliverFormSubmit(submission);
    }
    // Acknowledgements took at most half the day's 100.
    const ackSent = emulator.mail.sent.filter((m) => m.subject.startsWith('Thank you for applying'));
    expect(ackSent.length).toBeLessThanOrEqual(50);
    emulator.rt.clock.set(Math.max(emulator.rt.clock.now(), DECISION_DAY));
    const asked = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(asked[0]!.text).toMatch(/will go now|go now/);
    emulator.advance(15 * HOUR); // until midnight in London
    const decisionSubjects = /^(You have a place as a|Your application to be a) (mentor|mentee)$/;
    const decisions = emulator.mail.sent.filter((m) => decisionSubjects.test(m.subject));
    expect(new Set(decisions.flatMap((m) => m.to))).toEqual(new Set(genuine.map((p) => p.email)));
    for (const m of decisions) expect(new Date(m.at).toISOString().slice(0, 10)).toBe('2025-04-25');
    console.log(
      `quota: 400 junk applications the day before on a 100-a-day account: ${ackSent.length} acknowledgements sent that day (share 50%), ` +
        `${decisions.length} of ${genuine.length} decisions on the decision day`,
    );
    // The junk is still acknowledged in time, within its share, and nothing goes twice.
    expect(rows(emulator, 'Applicants')).toHaveLength(440);
    expect(outboxStatuses(emulator).queued ?? 0).toBeGreaterThan(0);
  });
});
