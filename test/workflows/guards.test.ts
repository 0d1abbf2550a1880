/**
 * An action run early or out of order says so, in words, and asks or stops: decisions before the
 * application deadline, choices with no mentor to choose, pairs announced before any are proposed,
 * and any email while Settings lacks the coordinator's name or reply-to address.
 */
import type { Emulator } from '../../src/emulator/Emulator';
import { COORDINATOR, click, edit, rows, settings } from '../support/cohort';
import {
  applyAll,
  asked,
  CAI,
  cohort,
  inbox,
  MO,
  moveTo,
  on,
  questions,
  recordDialogs,
  SIAN,
  setStatus,
  WYN,
} from './wording.helpers';

/** Clicks `caption`: the one dialog is a statement (OK only) saying `text`, and no email goes. */
function stopsWith(emulator: Emulator, caption: string, text: string): void {
  const before = emulator.mail.sent.length;
  const shown = recordDialogs(emulator);
  click(emulator, caption);
  expect(shown).toEqual([{ title: caption, text, buttons: 'OK' }]);
  expect(emulator.mail.sent).toHaveLength(before);
}

const outboxKeys = (emulator: Emulator, prefix: string) =>
  rows(emulator, 'Outbox')
    .map((r) => String(r.Key))
    .filter((k) => k.startsWith(prefix));

describe('"Send decisions" before the application deadline', () => {
  it('on 24 March says the deadline (18 April) has not passed and asks; No sends nothing', () => {
    const emulator = cohort();
    applyAll(emulator, 'mentee', [SIAN, WYN]);
    applyAll(emulator, 'mentor', [MO]);
    setStatus(emulator, SIAN.email, 'Selected');
    setStatus(emulator, WYN.email, 'Waitlisted');
    setStatus(emulator, MO.email, 'Selected');
    const acknowledgements = emulator.mail.sent.length;
    const shown = recordDialogs(emulator, 'NO');
    click(emulator, 'Send decisions');
    expect(shown).toHaveLength(2);
    expect(shown[0]!.buttons).toContain('YES');
    expect(shown[0]!.text).toContain(
      'The application deadline (Friday 18 April 2025, 11.59pm) has not passed yet: people can still apply, and will not be in these decisions.',
    );
    expect(shown[0]!.text).toContain('Send 3 emails: 2 selected, 1 waitlisted, 0 not selected');
    expect(shown[1]).toEqual({ title: 'Send decisions', text: 'Nothing was done.', buttons: 'OK' });
    expect(emulator.mail.sent).toHaveLength(acknowledgements);
    expect(outboxKeys(emulator, 'decision-')).toEqual([]);
  });

  it('after the deadline asks without the warning, and Yes sends each decision', () => {
    const emulator = cohort();
    applyAll(emulator, 'mentee', [SIAN]);
    setStatus(emulator, SIAN.email, 'Selected');
    moveTo(emulator, on(4, 19));
    const shown = recordDialogs(emulator, 'YES');
    click(emulator, 'Send decisions');
    expect(questions(shown)).toHaveLength(1);
    expect(questions(shown)[0]!.text).not.toContain('has not passed yet');
    expect(inbox(emulator, SIAN.email).map((m) => m.subject)).toEqual([
      'Thank you for applying to be a mentee',
      'You have a place as a mentee',
    ]);
  });
});

describe('"Open mentor choices" with no selected mentor', () => {
  it('says there is nobody to choose from, asks nothing and sends nothing', () => {
    const emulator = cohort();
    applyAll(emulator, 'mentee', [SIAN, WYN]);
    applyAll(emulator, 'mentor', [MO, CAI]);
    moveTo(emulator, on(5, 8));
    setStatus(emulator, SIAN.email, 'Selected');
    setStatus(emulator, WYN.email, 'Selected');
    setStatus(emulator, MO.email, 'Waitlisted');
    stopsWith(
      emulator,
      'Open mentor choices',
      'No mentor has the status Selected yet, so there is nobody to choose from. Set statuses in the Applicants tab first.',
    );
    expect(outboxKeys(emulator, 'mentor-choices-invitation')).toEqual([]);
    // No choices form was made either.
    expect(emulator.properties.stores.script.values.get('form:choices')).toBeUndefined();
  });
});

describe('"Open mentor choices" after the choices deadline', () => {
  it('says the deadline has passed and names the cell to change; a new date asks without it', () => {
    const emulator = cohort();
    applyAll(emulator, 'mentee', [SIAN, WYN]);
    applyAll(emulator, 'mentor', [MO]);
    moveTo(emulator, on(5, 8));
    setStatus(emulator, SIAN.email, 'Selected');
    setStatus(emulator, MO.email, 'Selected');
    let shown = recordDialogs(emulator);
    click(emulator, 'Open mentor choices');
    expect(asked(shown)).not.toContain('has passed');
    // A place comes free in June: the deadline in Settings (12 May) is long gone.
    moveTo(emulator, on(6, 5));
    setStatus(emulator, WYN.email, 'Selected');
    shown = recordDialogs(emulator, 'NO');
    click(emulator, 'Open mentor choices');
    const [question] = questions(shown);
    expect(question?.text).toContain('The choices deadline, Monday 12 May 2025');
    expect(question?.text).toContain('has passed');
    expect(question?.text).toMatch(/"[^"]+" in the Settings tab \(row \d+, Value column\)/);
    expect(inbox(emulator, WYN.email).filter((m) => /choose/i.test(m.subject))).toEqual([]);
    settings(emulator, { choicesDeadline: '2025-06-20 17:00' });
    shown = recordDialogs(emulator);
    click(emulator, 'Open mentor choices');
    expect(asked(shown)).not.toContain('has passed');
    const sent = inbox(emulator, WYN.email).filter((m) => /choose/i.test(m.subject));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain('by Friday 20 June 2025, 5pm');
  });
});

describe('"Announce pairs" with nothing proposed', () => {
  function selectedCohort(): Emulator {
    const emulator = cohort();
    applyAll(emulator, 'mentee', [SIAN, WYN]);
    applyAll(emulator, 'mentor', [MO, CAI]);
    moveTo(emulator, on(5, 20));
    edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
    return emulator;
  }

  it('before matching has run, says to run matching first and sends nothing', () => {
    const emulator = selectedCohort();
    stopsWith(
      emulator,
      'Announce pairs',
      'There are no Proposed or Locked pairs in the Matches tab: run matching first.',
    );
    expect(outboxKeys(emulator, 'pair-')).toEqual([]);
  });

  it('when every pair matching proposed was excluded, says the same and sends nothing', () => {
    const emulator = selectedCohort();
    recordDialogs(emulator);
    click(emulator, 'Run matching');
    expect(rows(emulator, 'Matches').filter((r) => r.Status === 'Proposed').length).toBeGreaterThan(0);
    edit(emulator, 'Matches', (r) => r.Status === 'Proposed', { Status: 'Excluded' });
    const before = emulator.mail.sent.length;
    const shown = recordDialogs(emulator);
    click(emulator, 'Announce pairs');
    expect(shown.map((d) => d.text)).toEqual([
      'There are no Proposed or Locked pairs in the Matches tab: run matching first.',
    ]);
    expect(questions(shown)).toEqual([]);
    expect(emulator.mail.sent).toHaveLength(before);
  });
});

/** Each Settings cell an email needs, its label and row in the Settings tab, and its filled value. */
const SENDER_CELLS = [
  {
    key: 'coordinatorName',
    label: 'Coordinator name',
    row: 3,
    why: 'so that emails are signed',
    value: COORDINATOR.coordinatorName,
  },
  {
    key: 'coordinatorEmail',
    label: 'Coordinator email',
    row: 4,
    why: 'so that replies reach you',
    value: COORDINATOR.coordinatorEmail,
  },
] as const;

describe.each(SENDER_CELLS)('with "$label" empty in Settings', ({ key, label, row, why, value }) => {
  const SIGNED = `Best wishes,\n${COORDINATOR.coordinatorName}\n`;
  const REPLY = `write to ${COORDINATOR.coordinatorEmail}.`;

  it('"Send decisions" sends nothing and names the cell; once it is filled, each decision goes once', () => {
    const emulator = cohort();
    applyAll(emulator, 'mentee', [SIAN, WYN]);
    setStatus(emulator, SIAN.email, 'Selected');
    setStatus(emulator, WYN.email, 'Not selected');
    moveTo(emulator, on(4, 22));
    settings(emulator, { [key]: '' });
    const before = emulator.mail.sent.length;
    stopsWith(
      emulator,
      'Send decisions',
      `Nothing was sent. Fill in "${label}" in the Settings tab (row ${row}, Value column) first, ${why}.`,
    );
    expect(outboxKeys(emulator, 'decision-')).toEqual([]);
    expect(rows(emulator, 'Settings')[row - 2]!.Key).toBe(key);

    settings(emulator, { [key]: value });
    click(emulator, 'Send decisions');
    moveTo(emulator, on(4, 23));
    click(emulator, 'Send decisions');
    const decisions = emulator.mail.sent.slice(before);
    expect(decisions.map((m) => `${m.to.join()}|${m.subject}`).sort()).toEqual([
      `${SIAN.email}|You have a place as a mentee`,
      `${WYN.email}|Your application to be a mentee`,
    ]);
    for (const m of decisions) {
      expect(m.fromName).toBe(COORDINATOR.coordinatorName);
      expect(m.replyTo).toBe(COORDINATOR.coordinatorEmail);
      expect(m.body).toContain(SIGNED);
      expect(m.body).toContain(REPLY);
    }
  });

  describe('an application that arrives meanwhile', () => {
    function appliedWhileEmpty(): Emulator {
      const emulator = cohort();
      settings(emulator, { [key]: '' });
      applyAll(emulator, 'mentee', [SIAN]);
      return emulator;
    }

    it('is not acknowledged until the cell is filled, then is acknowledged once', () => {
      const emulator = appliedWhileEmpty();
      moveTo(emulator, emulator.rt.clock.now() + 4 * 3_600_000);
      expect(emulator.mail.sent).toHaveLength(0);
      settings(emulator, { [key]: value });
      // The Outbox looks again every few hours; a day later the acknowledgement has gone, once.
      moveTo(emulator, emulator.rt.clock.now() + 24 * 3_600_000);
      applyAll(emulator, 'mentee', [WYN]);
      moveTo(emulator, emulator.rt.clock.now() + 24 * 3_600_000);
      expect(emulator.mail.sent.map((m) => `${m.to.join()}|${m.subject}`)).toEqual([
        `${SIAN.email}|Thank you for applying to be a mentee`,
        `${WYN.email}|Thank you for applying to be a mentee`,
      ]);
      expect(emulator.mail.sent[0]!.fromName).toBe(COORDINATOR.coordinatorName);
      expect(emulator.mail.sent[0]!.replyTo).toBe(COORDINATOR.coordinatorEmail);
    });

    it('the Log names the Settings cell to fill', () => {
      const emulator = appliedWhileEmpty();
      const log = rows(emulator, 'Log').filter((r) => r.Action === 'New application');
      expect(log).toHaveLength(1);
      expect(String(log[0]!.Message)).toContain('ME-001 Sian Early');
      expect(String(log[0]!.Message)).toContain(`"${label}"`);
      expect(String(log[0]!.Message)).toContain('Settings');
    });

    it('the acknowledgement that goes once the cell is filled is signed and gives the reply-to address', () => {
      const emulator = appliedWhileEmpty();
      settings(emulator, { [key]: value });
      moveTo(emulator, emulator.rt.clock.now() + 24 * 3_600_000);
      const [ack] = inbox(emulator, SIAN.email);
      expect(ack!.subject).toBe('Thank you for applying to be a mentee');
      expect(ack!.body).toContain(SIGNED);
      expect(ack!.body).toContain(REPLY);
    });
  });
});
