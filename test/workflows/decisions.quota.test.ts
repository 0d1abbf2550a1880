import { answers, click, DAY, edit, formId, rows } from '../support/cohort';
import {
  cohort,
  decisionKey,
  duplicates,
  outboxStatuses,
  pendingTriggers,
  recordDialogs,
  sendDecisions,
  sentKeys,
} from './decisions.helpers';

const HOUR = 3_600_000;
const STATUSES = ['Selected', 'Waitlisted', 'Not selected'] as const;

describe('Send decisions with a 100-a-day mail quota', () => {
  it('reaches all 240 applicants over three days, none twice, counting the acknowledgements already sent', () => {
    const emulator = cohort({ mailQuota: 100 });
    // This test is about the quota itself: acknowledgements may use all of it here.
    edit(emulator, 'Settings', (r) => r.Key === 'applicantEmailShare', { Value: '100%' });
    for (let i = 0; i < 240; i++) {
      const role = i % 2 === 0 ? 'mentee' : 'mentor';
      emulator.forms.submit(
        formId(emulator, role),
        answers(role, { name: `Person ${i}`, email: `p${i}@example.org` }),
      );
    }
    // Intake: 240 acknowledgements, of which the day's quota allows 100; the rest follow by trigger.
    click(emulator, 'Check applications');
    expect(rows(emulator, 'Applicants')).toHaveLength(240);
    expect(emulator.mail.sent).toHaveLength(100);
    for (let i = 0; i < 20 && (outboxStatuses(emulator).queued ?? 0) > 0; i++) emulator.advance(3 * HOUR);
    expect(outboxStatuses(emulator)).toEqual({ sent: 240 });
    // The last 40 acknowledgements went in the current quota window: 60 recipients are left today.
    expect(emulator.mail.remaining()).toBe(60);
    expect(pendingTriggers(emulator, 'continueOutbox')).toHaveLength(0);

    const applicants = rows(emulator, 'Applicants');
    applicants.forEach((a, i) => {
      edit(emulator, 'Applicants', (r) => r.Email === a.Email, { Status: STATUSES[i % 3] });
    });
    const expected = applicants
      .map((a, i) =>
        decisionKey({ role: a.Role as 'Mentor' | 'Mentee', email: String(a.Email) }, STATUSES[i % 3]!),
      )
      .sort();

    const start = emulator.rt.clock.now();
    const dialogs = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(dialogs[0]!.text).toContain(
      'Send 240 emails: 80 selected, 80 waitlisted, 80 not selected; 0 already sent are skipped; 0 blocked by problems.',
    );
    expect(dialogs.at(-1)!.text).toBe(
      "Sent 60. 180 wait for Google's daily email limit to free up: they will be sent automatically.",
    );
    expect(pendingTriggers(emulator, 'continueOutbox')).toHaveLength(1);

    const runs = emulator.advance(3 * DAY);
    expect(runs.every((r) => r.ok)).toBe(true);
    const decisions = emulator.mail.sent.filter((m) => m.at >= start);
    const keys = sentKeys(emulator).slice(-decisions.length);
    expect(duplicates(keys)).toEqual([]);
    expect([...keys].sort()).toEqual(expected);
    // Over three quota windows: the rest of today's, then 100, then the last 80.
    const last = Math.max(...decisions.map((m) => m.at));
    expect(last - start).toBeLessThan(3 * DAY);
    expect(last - start).toBeGreaterThan(DAY);
    for (const m of decisions) {
      const inWindow = emulator.mail.sent.filter((o) => o.at > m.at - DAY && o.at <= m.at).length;
      expect(inWindow).toBeLessThanOrEqual(100);
    }
    expect(outboxStatuses(emulator)).toEqual({ sent: 480 });
    // Done: the continuation removed itself (the two daily triggers set-up installs are all that is left).
    expect(emulator.script.triggers().filter((t) => t.kind === 'clock' && !t.fired && !t.everyMs)).toEqual(
      [],
    );
    expect(
      emulator.script
        .triggers()
        .filter((t) => t.kind === 'clock' && !t.fired)
        .map((t) => t.handler)
        .sort(),
    ).toEqual(['keepInTouchDaily', 'retentionCheck']);
    expect(emulator.script.triggers().filter((t) => t.handler === 'continueOutbox')).toEqual([]);
  });
});
