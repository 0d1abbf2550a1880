/**
 * Emails that fit the person and the day: a "you have a place" before the launch event talks about
 * it, one after it does not; the choices email gives the deadline from Settings and works for those
 * who missed the launch; a "no" or an acknowledgement of an application with a problem says what
 * the problem is, not the generic words.
 */
import type { Emulator } from '../../src/emulator/Emulator';
import { click, formId, settings } from '../support/cohort';
import {
  applyAll,
  CAI,
  cohort,
  inbox,
  MO,
  moveTo,
  on,
  person,
  questions,
  recordDialogs,
  SIAN,
  setStatus,
  WYN,
} from './wording.helpers';

/** What no email may say to someone who was not, or could not have been, at the launch event. */
const ASSUMES_LAUNCH = [
  /at the launch event[^.]*you will meet/i,
  /thank you for coming to the launch/i,
  /(you )?(met|heard|saw) (the mentors|them|each mentor) at the launch/i,
  /as you (heard|saw) at the launch/i,
  /now that you have met/i,
];

function expectNoLaunchAssumption(text: string): void {
  expect(text).not.toContain('At the launch event you will meet');
  expect(text).not.toContain('Thank you for coming to the launch event');
  for (const pattern of ASSUMES_LAUNCH) expect(text).not.toMatch(pattern);
}

const decisionsOf = (emulator: Emulator, email: string) =>
  inbox(emulator, email).filter((m) => !m.subject.startsWith('Thank you for applying'));

/** Two mentees and two mentors apply on 24 March; decisions on 22 April: Sian in, Wyn waitlisted. */
function scheme(): Emulator {
  const emulator = cohort();
  applyAll(emulator, 'mentee', [SIAN, WYN]);
  applyAll(emulator, 'mentor', [MO, CAI]);
  moveTo(emulator, on(4, 22));
  setStatus(emulator, SIAN.email, 'Selected');
  setStatus(emulator, WYN.email, 'Waitlisted');
  setStatus(emulator, MO.email, 'Selected');
  setStatus(emulator, CAI.email, 'Selected');
  recordDialogs(emulator);
  click(emulator, 'Send decisions');
  return emulator;
}

describe('a place offered before and after the launch event', () => {
  it('before the launch, the decision says what happens at the launch event on 7 May', () => {
    const emulator = scheme();
    const [sian] = decisionsOf(emulator, SIAN.email);
    expect(sian!.subject).toBe('You have a place as a mentee');
    expect(sian!.body).toContain(
      'At the launch event (Wednesday 7 May 2025, 10am to 11.30am) you will meet the mentors.',
    );
    expect(sian!.body).toContain('if you cannot come, you can still choose, from the profiles on the form.');
    expect(sian!.body).toContain(
      '- Wednesday 7 May 2025, 10am to 11.30am: Launch event and speed dating (online)',
    );
    const [mo] = decisionsOf(emulator, MO.email);
    expect(mo!.body).toContain(
      'At the launch event (Wednesday 7 May 2025, 10am to 11.30am) you will have two minutes to tell the mentees about your experience',
    );
    // Wyn's waiting-list email promises nothing about the launch.
    const [wyn] = decisionsOf(emulator, WYN.email);
    expect(wyn!.subject).toBe('Your application to be a mentee');
    expect(wyn!.body).toContain('waiting list');
    expect(wyn!.body).not.toMatch(/launch/i);
  });

  it('a mentee promoted from the waiting list on 5 June is never told about the launch as if it were to come or they had been', () => {
    const emulator = scheme();
    moveTo(emulator, on(5, 8));
    settings(emulator, { choicesDeadline: '2025-05-16 17:00' });
    click(emulator, 'Open mentor choices');
    moveTo(emulator, on(6, 5));
    setStatus(emulator, WYN.email, 'Selected');
    click(emulator, 'Send decisions');
    settings(emulator, { choicesDeadline: '2025-06-12 23:59' });
    click(emulator, 'Open mentor choices');

    const mail = inbox(emulator, WYN.email);
    expect(mail.map((m) => m.subject)).toEqual([
      'Thank you for applying to be a mentee',
      'Your application to be a mentee',
      'You have a place as a mentee',
      'Choose your mentors',
    ]);
    const place = mail[2]!.body;
    expect(place).toContain(
      'The launch event has already taken place: we will send you a link to choose three mentors, with a profile of each mentor to read.',
    );
    // Only the dates still to come: not the launch (7 May) nor the training (21 May).
    expect(place).toContain('- Tuesday 25 November 2025, 10am to 11.30am: Finale event (online)');
    expect(place).not.toContain('7 May 2025');
    expect(place).not.toContain('21 May 2025');
    expect(mail[3]!.body).toContain('by Thursday 12 June 2025, 11.59pm:');
    for (const m of mail) expectNoLaunchAssumption(`${m.subject}\n${m.body}`);
  });
});

describe('"Open mentor choices" after the launch', () => {
  it('gives the deadline from Settings, in words, and works for someone who missed the launch', () => {
    const emulator = scheme();
    settings(emulator, { choicesDeadline: '2025-05-16 17:00' });
    moveTo(emulator, on(5, 8));
    const before = emulator.mail.sent.length;
    const shown = recordDialogs(emulator);
    click(emulator, 'Open mentor choices');
    expect(questions(shown)).toHaveLength(1);
    expect(questions(shown)[0]!.text).toContain('1 selected mentee will be emailed the link');
    const fresh = emulator.mail.sent.slice(before);
    // Only the selected mentee: not the waitlisted one, not the mentors.
    expect(fresh.map((m) => `${m.to.join()}|${m.subject}`)).toEqual([`${SIAN.email}|Choose your mentors`]);
    const body = fresh[0]!.body;
    expect(body).toContain('Dear Sian Early,');
    expect(body).toContain(
      'Please choose three you would like to work with, in order of preference, by Friday 16 May 2025, 5pm:',
    );
    // The default deadline (12 May) is not what it says.
    expect(body).not.toContain('12 May');
    expect(body).toContain(
      'Whether or not you could come to the launch event, the form below shows each mentor: their library service, their role, the areas they can help with and a few words of their own.',
    );
    expectNoLaunchAssumption(body);
    // The form it links to says the same.
    expect(emulator.forms.data(formId(emulator, 'choices'))!.description).toContain(
      'so you can choose whether or not you were there',
    );
  });
});

describe('a "no" for an application with a problem', () => {
  const ABROAD = person('Ola Abroad', { nation: 'Other / outside these nations' });
  const BOTH = person('Bo Both');
  const LATE = person('Lee Late');
  const PLAIN = person('Nia Plain');
  const GENERIC = 'many more applications than places';

  /** Four mentees apply (one abroad, one also as a mentor, one on 22 April); all four are declined. */
  function declined(): Emulator {
    const emulator = cohort();
    applyAll(emulator, 'mentee', [PLAIN, ABROAD]);
    applyAll(emulator, 'mentor', [BOTH]);
    applyAll(emulator, 'mentee', [BOTH]);
    moveTo(emulator, on(4, 22));
    applyAll(emulator, 'mentee', [LATE]);
    for (const p of [PLAIN, ABROAD, LATE]) setStatus(emulator, p.email, 'Not selected');
    setStatus(emulator, BOTH.email, 'Not selected', 'Mentee');
    return emulator;
  }

  it('the decision states the real reason: not eligible, too late, or both roles', () => {
    const emulator = declined();
    const shown = recordDialogs(emulator);
    click(emulator, 'Send decisions');
    expect(questions(shown)[0]!.text).toContain(
      'Send 4 emails: 0 selected, 0 waitlisted, 4 not selected; 0 already sent are skipped; 0 blocked by problems.',
    );
    const decision = (email: string) => {
      const mail = decisionsOf(emulator, email);
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe('Your application to be a mentee');
      return mail[0]!.body;
    };
    const abroad = decision(ABROAD.email);
    expect(abroad).toContain(
      'The scheme is open to members in England, Wales, Northern Ireland and the Crown Dependencies only, so I am sorry that we are not able to offer you a place.',
    );
    expect(abroad).not.toContain(GENERIC);
    const late = decision(LATE.email);
    expect(late).toContain(
      'Your application arrived after the deadline, when the places had already been decided, so I am sorry that we are not able to offer you a place this time.',
    );
    expect(late).not.toContain(GENERIC);
    const both = decision(BOTH.email);
    expect(both).toContain(
      'You applied both as a mentor and as a mentee, and the scheme allows one role per person: we have kept your other application',
    );
    expect(both).not.toContain(GENERIC);
    // Someone with no problem is told the ordinary reason.
    expect(decision(PLAIN.email)).toContain(GENERIC);
  });

  it('the acknowledgement says what is wrong and what to do, and asks nobody who cannot expect a place to keep dates free', () => {
    const emulator = declined();
    const ack = (email: string, role = 'mentee') => {
      const mail = inbox(emulator, email).filter(
        (m) => m.subject === `Thank you for applying to be a ${role}`,
      );
      expect(mail).toHaveLength(1);
      return mail[0]!.body;
    };
    const abroad = ack(ABROAD.email);
    expect(abroad).toContain(
      'Please note: the scheme is open to members in England, Wales, Northern Ireland and the Crown Dependencies only, so we are unlikely to be able to offer you a place. If your library service is in one of them, please reply and tell us.',
    );
    expect(abroad).not.toMatch(/keep these dates free/i);
    expect(abroad).not.toContain('Launch event and speed dating');

    const late = ack(LATE.email);
    expect(late).toContain(
      'Please note: your application arrived after the deadline (18 April 2025): we can consider it only if places remain.',
    );
    expect(late).not.toMatch(/keep these dates free/i);
    expect(late).not.toContain('Launch event and speed dating');

    // The second application (as a mentee) is the one that finds the first.
    const both = ack(BOTH.email, 'mentee');
    expect(both).toContain(
      'Please note: you have also applied as a mentor, and the scheme allows one role per person: please reply to tell us which one you would like to keep.',
    );

    const plain = ack(PLAIN.email);
    expect(plain).not.toContain('Please note');
    expect(plain).toContain('In the meantime, please keep these dates free (all online):');
    // When they will hear: the Programme tab's confirmation date, not listed among their own dates.
    expect(plain).toContain(
      'We aim to let you know by email on Friday 25 April 2025 whether you have a place.',
    );
    expect(late).not.toContain('We aim to let you know');
  });
});
