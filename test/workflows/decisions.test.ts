import { click, DAY, edit, rows, SCHEME_START } from '../support/cohort';
import {
  addApplicants,
  COORDINATOR,
  cohort,
  decisionKey,
  expectedKeys,
  fillSettings,
  outboxStatuses,
  type Person,
  pendingTriggers,
  people,
  recordDialogs,
  sendDecisions,
  sentDecisionKeys,
  setStatus,
} from './decisions.helpers';

/** 12 decisions (7 selected, 3 waitlisted, 2 not selected), 1 blocked, 2 with no decision to send. */
function scene(): Person[] {
  const list = people(12, [
    'Selected',
    'Selected',
    'Waitlisted',
    'Selected',
    'Not selected',
    'Selected',
    'Waitlisted',
    'Selected',
    'Selected',
    'Waitlisted',
    'Not selected',
    'Selected',
  ]);
  return [
    ...list,
    {
      id: 'ME-0100',
      role: 'Mentee',
      status: 'Selected',
      name: 'Lee Late',
      email: 'lee@example.org',
      problems: 'Submitted after the deadline',
    },
    { id: 'ME-0101', role: 'Mentee', status: 'Applied', name: 'Ana Applied', email: 'ana@example.org' },
    { id: 'MR-0102', role: 'Mentor', status: 'Withdrawn', name: 'Wyn Withdrawn', email: 'wyn@example.org' },
  ];
}

describe('Send decisions', () => {
  it('previews the counts first, then sends each person the template for their role and status', () => {
    const emulator = cohort();
    const list = scene();
    addApplicants(emulator, list);
    const dialogs = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(dialogs[0]!.text).toContain(
      'Send 12 emails: 7 selected, 3 waitlisted, 2 not selected; 0 already sent are skipped; 1 blocked by problems.',
    );
    expect(dialogs[0]!.text).toContain('ME-0100 Lee Late: Submitted after the deadline');
    expect(sentDecisionKeys(emulator)).toEqual(expectedKeys(list));
    expect(dialogs.at(-1)!.text).toBe('Sent 12.');
    const mentor = emulator.mail.sent.find((m) => m.to[0] === 'p1@example.org')!;
    expect(mentor.subject).toBe('You have a place as a mentor');
    expect(mentor.replyTo).toBe(COORDINATOR.email);
    expect(mentor.fromName).toBe(COORDINATOR.name);
    expect(mentor.body).toContain('Dear Person p1,');
    expect(emulator.mail.sent.find((m) => m.to[0] === 'p4@example.org')!.body).toContain(
      'not able to offer you a place',
    );
    expect(emulator.mail.sent.find((m) => m.to[0] === 'p2@example.org')!.body).toContain('waiting list');
    expect(outboxStatuses(emulator)).toEqual({ sent: 12 });

    const again = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(again).toHaveLength(1);
    expect(again[0]!.text).toMatch(
      /^Nothing new to send\. 12 already sent are skipped; 1 blocked by problems\./,
    );
    expect(emulator.mail.sent).toHaveLength(12);
  });

  it('sends nothing when the coordinator answers No to the preview', () => {
    const emulator = cohort();
    addApplicants(emulator, scene());
    recordDialogs(emulator, { confirm: 'NO' });
    sendDecisions(emulator);
    expect(emulator.mail.sent).toHaveLength(0);
    expect(rows(emulator, 'Outbox')).toHaveLength(0);
  });

  it('escapes the values put into the HTML', () => {
    const emulator = cohort();
    addApplicants(emulator, [
      {
        id: 'ME-0001',
        role: 'Mentee',
        status: 'Selected',
        name: 'Robin <b>Bold</b> & Co',
        email: 'robin@example.org',
      },
    ]);
    sendDecisions(emulator);
    const [mail] = emulator.mail.sent;
    expect(mail!.htmlBody).toContain('Dear Robin &lt;b&gt;Bold&lt;/b&gt; &amp; Co,');
    expect(mail!.htmlBody).not.toContain('<b>');
  });

  it('refuses a template with an unknown {{placeholder}} before anything is sent', () => {
    const emulator = cohort();
    addApplicants(emulator, scene());
    edit(emulator, 'Templates', (r) => r.Key === 'decision-mentee-waitlisted', {
      Body: 'Dear {{name}}, {{nickname}} is on the list.',
    });
    const dialogs = recordDialogs(emulator);
    sendDecisions(emulator);
    const message = dialogs.map((d) => d.text).join('\n');
    expect(message).toContain('Nothing was sent');
    expect(message).toContain('decision-mentee-waitlisted');
    expect(message).toContain('{{nickname}}');
    expect(emulator.mail.sent).toHaveLength(0);
    expect(rows(emulator, 'Outbox')).toHaveLength(0);
  });

  it('refuses to send without the coordinator email that replies go to', () => {
    const emulator = cohort();
    fillSettings(emulator, { coordinatorEmail: '' });
    addApplicants(emulator, scene());
    const dialogs = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(dialogs.map((d) => d.text).join('\n')).toContain('Fill in "Coordinator email"');
    expect(emulator.mail.sent).toHaveLength(0);
  });

  it('sends exactly the new decisions after statuses change, and never the same one twice', () => {
    const emulator = cohort();
    const list = scene();
    addApplicants(emulator, list);
    sendDecisions(emulator);
    const before = emulator.mail.sent.length;
    const waitlisted = list.filter((p) => p.status === 'Waitlisted');
    // Two move up from the waiting list; one selected person is moved back and then forward again.
    setStatus(emulator, [waitlisted[0]!.email, waitlisted[1]!.email], 'Selected');
    setStatus(emulator, ['p0@example.org'], 'Waitlisted');
    // The blocked applicant's problem is resolved.
    edit(emulator, 'Applicants', (r) => r.Email === 'lee@example.org', { Problems: '' });
    const dialogs = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(dialogs[0]!.text).toContain(
      'Send 4 emails: 3 selected, 1 waitlisted, 0 not selected; 9 already sent are skipped; 0 blocked by problems.',
    );
    const fresh = emulator.mail.sent.slice(before).map((m) => `${m.to[0]}: ${m.subject}`);
    expect(fresh.sort()).toEqual(
      [
        `${waitlisted[0]!.email}: You have a place as a ${waitlisted[0]!.role.toLowerCase()}`,
        `${waitlisted[1]!.email}: You have a place as a ${waitlisted[1]!.role.toLowerCase()}`,
        'lee@example.org: You have a place as a mentee',
        'p0@example.org: Your application to be a mentee',
      ].sort(),
    );
    setStatus(emulator, ['p0@example.org'], 'Selected');
    const count = emulator.mail.sent.length;
    sendDecisions(emulator);
    expect(emulator.mail.sent).toHaveLength(count);
    const keys = sentDecisionKeys(emulator);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain(decisionKey({ role: 'Mentee', email: 'p0@example.org' }, 'Waitlisted'));
  });

  it('records a failing recipient with Google’s error, sends the others, and Retry failed emails sends it', () => {
    const emulator = cohort();
    const list = scene();
    addApplicants(emulator, list);
    let broken = true;
    emulator.mail.failures.push((m) =>
      broken && m.to.includes('p3@example.org') ? 'Failed to send email: mailbox unavailable' : undefined,
    );
    const dialogs = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(dialogs.at(-1)!.text).toContain('Sent 11. 1 failed');
    const failed = rows(emulator, 'Outbox').find((r) => r.To === 'p3@example.org')!;
    expect(failed).toMatchObject({
      Status: 'failed',
      Attempts: 1,
      Error: 'Failed to send email: mailbox unavailable',
    });
    expect(emulator.mail.sent).toHaveLength(11);

    broken = false;
    const retry = recordDialogs(emulator);
    click(emulator, 'Retry failed emails');
    expect(retry.at(-1)!.text).toContain('Sent 1.');
    expect(rows(emulator, 'Outbox').find((r) => r.To === 'p3@example.org')).toMatchObject({
      Status: 'sent',
      Attempts: 2,
      Error: '',
    });
    expect(sentDecisionKeys(emulator)).toEqual(expectedKeys(list));
    click(emulator, 'Retry failed emails');
    expect(emulator.mail.sent).toHaveLength(12);
  });

  it('lets only one "Send decisions" run at a time: the other says so', () => {
    const emulator = cohort();
    const list = scene();
    addApplicants(emulator, list);
    // Another execution (e.g. the coordinator's second click) holds the script lock for 5 minutes.
    emulator.locks.holdByOther('script', emulator.rt.clock.now() + 5 * 60_000);
    const dialogs = recordDialogs(emulator);
    const busy = sendDecisions(emulator);
    expect(busy.ok).toBe(true);
    expect(dialogs).toEqual([
      { title: 'Already running', text: expect.stringContaining('"Send decisions" did not start') },
    ]);
    expect(emulator.mail.sent).toHaveLength(0);
    emulator.advance(5 * 60_000);
    sendDecisions(emulator);
    expect(sentDecisionKeys(emulator)).toEqual(expectedKeys(list));
  });

  it('in practice mode writes previews to the Outbox and sends nothing; turned off, sends them', () => {
    const emulator = cohort();
    const list = scene();
    addApplicants(emulator, list);
    fillSettings(emulator, { dryRun: 'TRUE' });
    const dialogs = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(dialogs[0]!.text).toContain('Write 12 previews');
    expect(dialogs.at(-1)!.text).toContain('12 previews written to the Outbox');
    expect(emulator.mail.sent).toHaveLength(0);
    expect(outboxStatuses(emulator)).toEqual({ preview: 12 });
    expect(rows(emulator, 'Outbox').find((r) => r.To === 'p1@example.org')).toMatchObject({
      Subject: 'You have a place as a mentor',
      Body: expect.stringContaining('Dear Person p1'),
    });

    fillSettings(emulator, { dryRun: 'FALSE' });
    sendDecisions(emulator);
    expect(sentDecisionKeys(emulator)).toEqual(expectedKeys(list));
    expect(outboxStatuses(emulator)).toEqual({ sent: 12 });
  });

  it('"Send decisions on…" sends them at the date and time given, then removes its trigger', () => {
    const emulator = cohort();
    const list = scene();
    addApplicants(emulator, list);
    const dialogs = recordDialogs(emulator, { prompt: '2025-04-25 09:00' });
    click(emulator, 'Send decisions on…');
    expect(dialogs.at(-1)!.text).toContain(
      'Decisions will be sent automatically at 2025-04-25 09:00 (Europe/London)',
    );
    // The Settings tab says what is scheduled.
    expect(rows(emulator, 'Settings').find((r) => r.Key === 'decisionsSendAt')?.Value).toBe(
      '2025-04-25 09:00',
    );
    const [trigger] = pendingTriggers(emulator, 'sendScheduledDecisions');
    // 09:00 in London on 25 April is 08:00 UTC (British Summer Time).
    expect(trigger!.dueAt).toBe(Date.UTC(2025, 3, 25, 8, 0));
    emulator.advance(Date.UTC(2025, 3, 25, 7, 59) - emulator.rt.clock.now());
    expect(emulator.mail.sent).toHaveLength(0);
    // Past the whole 9 o'clock hour: the daily retention check (Set up programme installs it for
    // 09:00) runs at its own minute of that hour, and finds nothing to do.
    const ran = emulator.advance(Date.UTC(2025, 3, 25, 9, 2) - emulator.rt.clock.now());
    expect(ran.map((r) => [r.handler, r.ok]).sort()).toEqual([
      ['retentionCheck', true],
      ['sendScheduledDecisions', true],
    ]);
    expect(ran.find((r) => r.handler === 'sendScheduledDecisions')!.startedAt).toBeLessThan(
      Date.UTC(2025, 3, 25, 8, 3),
    );
    expect(sentDecisionKeys(emulator)).toEqual(expectedKeys(list));
    expect(emulator.mail.sent.every((m) => m.at >= Date.UTC(2025, 3, 25, 8, 0))).toBe(true);
    // Only set-up's recurring triggers (the morning keep-in-touch run, the retention check) are left.
    expect(
      emulator.script
        .triggers()
        .filter((t) => t.kind === 'clock')
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['keepInTouchDaily', 'retentionCheck']);
    emulator.advance(DAY);
    expect(emulator.mail.sent).toHaveLength(12);
    expect(SCHEME_START).toBeLessThan(Date.UTC(2025, 3, 25));
  });

  it('"Send decisions on…" with nothing typed cancels the schedule, in the Settings tab too', () => {
    const emulator = cohort();
    recordDialogs(emulator, { prompt: '2025-04-25 09:00' });
    click(emulator, 'Send decisions on…');
    expect(pendingTriggers(emulator, 'sendScheduledDecisions')).toHaveLength(1);
    const dialogs = recordDialogs(emulator, { prompt: '' });
    click(emulator, 'Send decisions on…');
    expect(dialogs.at(-1)!.text).toContain('No decisions are scheduled.');
    expect(pendingTriggers(emulator, 'sendScheduledDecisions')).toHaveLength(0);
    expect(rows(emulator, 'Settings').find((r) => r.Key === 'decisionsSendAt')?.Value).toBe('');
  });

  it('"Send decisions on…" refuses a time that is not a date or has passed', () => {
    const emulator = cohort();
    const dialogs = recordDialogs(emulator, { prompt: '25/04/2025' });
    click(emulator, 'Send decisions on…');
    expect(dialogs.at(-1)!.text).toContain('is not a date and time');
    recordDialogs(emulator, { prompt: '2025-01-01 09:00' });
    click(emulator, 'Send decisions on…');
    expect(pendingTriggers(emulator, 'sendScheduledDecisions')).toHaveLength(0);
  });
});
