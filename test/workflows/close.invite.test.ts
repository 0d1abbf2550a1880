import { rows, settings } from '../support/cohort';
import {
  afterTheFinale,
  at,
  cohortThroughTheYear,
  EVERYONE,
  MENTEES,
  moveTo,
  SURVEY,
  say,
} from './close.helpers';

const INVITE = 'Invite to the evaluation';
const invitations = (emulator: ReturnType<typeof afterTheFinale>) =>
  emulator.mail.sent.filter((m) => m.subject === 'Help us evaluate the mentoring scheme');

describe('Invite to the evaluation', () => {
  it('waits for the finale and for the survey link, naming the Settings cell', () => {
    const emulator = cohortThroughTheYear();
    moveTo(emulator, at('2025-11-20T10:00:00Z'));
    expect(say(emulator, INVITE)).toMatch(
      /Fill in "Evaluation survey link" in the Settings tab \(row \d+, Value column\)/,
    );
    settings(emulator, { evaluationSurveyUrl: SURVEY });
    expect(say(emulator, INVITE)).toContain('is for after the finale (Tuesday 25 November 2025)');
    expect(rows(emulator, 'Outbox').some((r) => r.Template === 'evaluation-invitation')).toBe(false);
  });

  it('asks those who took part and agreed, once, naming them; a second click sends nothing', () => {
    const emulator = afterTheFinale();
    const text = say(emulator, INVITE);
    const agreed = EVERYONE.filter((m) => m.consents);
    expect(text).toContain(
      `to ${agreed.length} people who took part and agreed to the evaluation: 2 mentors, 3 mentees (1 of them withdrew after being paired)`,
    );
    for (const m of agreed) expect(text).toContain(m.name);
    for (const m of EVERYONE.filter((p) => !p.consents)) expect(text).not.toContain(m.name);
    expect(text).toContain('2 participants who did not agree to the evaluation are not asked.');
    const sent = invitations(emulator);
    expect(sent.map((m) => m.to[0]).sort()).toEqual(agreed.map((m) => m.email).sort());
    expect(sent[0]!.body).toContain(SURVEY);
    expect(sent.some((m) => m.to[0] === MENTEES[3]!.email)).toBe(true);

    expect(say(emulator, INVITE)).toContain('Nothing new to send. 5 people have been invited already.');
    expect(invitations(emulator)).toHaveLength(agreed.length);
  });

  it('sends nothing when the coordinator says No', () => {
    const emulator = afterTheFinale();
    expect(say(emulator, INVITE, 'NO')).toContain('Nothing was done.');
    expect(invitations(emulator)).toHaveLength(0);
  });
});
