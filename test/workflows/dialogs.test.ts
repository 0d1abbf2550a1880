/**
 * Menu actions and Google's dialogs (issue 9.3a). A dialog drops the script lock, so while the
 * coordinator reads "Send 12 emails?" a trigger may run, an applicant may submit, a colleague may
 * edit. The action asks first, then locks, re-reads and re-plans, and acts only if the plan is the
 * one the coordinator approved; otherwise it shows the new plan.
 */
import { apply, edit, formId, mailTo, rows } from '../support/cohort';
import {
  addApplicants,
  cohort,
  duplicates,
  people,
  recordDialogs,
  sendDecisions,
  sentDecisionKeys,
  sentKeys,
} from './decisions.helpers';

describe('while a question is open', () => {
  it('the scheduled decisions go during the "Send decisions" preview: Yes then sends nothing twice', () => {
    const emulator = cohort();
    addApplicants(emulator, people(6, ['Selected', 'Waitlisted', 'Not selected']));
    // "Send decisions on…" for a minute from now; the coordinator also clicks Send decisions and
    // reads the preview for two minutes, during which the schedule falls due.
    recordDialogs(emulator, { prompt: '2025-03-24 09:01' });
    emulator.rt.clock.set(Date.UTC(2025, 2, 24, 8, 59, 30));
    emulator.run('menuScheduleDecisions');
    const seen: string[] = [];
    emulator.rt.dialogs = {
      alert: (_title, text, buttons) => {
        seen.push(text);
        return buttons.includes('YES') ? { button: 'YES', afterMs: 3 * 60_000 } : 'OK';
      },
      prompt: () => ({ button: 'CANCEL', text: '' }),
    };
    emulator.triggerDelay = () => 0;
    const run = sendDecisions(emulator);
    expect(run.ok).toBe(true);
    expect(seen[0]).toContain('Send 6 emails');
    // The trigger sent them while the question was open; after Yes the new plan is "nothing".
    expect(emulator.executions.some((e) => e.handler === 'sendScheduledDecisions' && e.ok)).toBe(true);
    expect(seen.at(-1)).toContain('Nothing new to send');
    expect(duplicates(sentKeys(emulator))).toEqual([]);
    expect(sentDecisionKeys(emulator)).toHaveLength(6);
  });

  it('a status changed meanwhile: the new plan is shown, and only what the coordinator approved goes', () => {
    const emulator = cohort();
    const list = people(4, ['Selected']);
    addApplicants(emulator, list);
    const seen: string[] = [];
    emulator.rt.dialogs = {
      alert: (_t, text, buttons) => {
        seen.push(text);
        return buttons.includes('YES') ? 'YES' : 'OK';
      },
      prompt: () => ({ button: 'CANCEL', text: '' }),
    };
    // A colleague waitlists p0 while the coordinator reads the first preview.
    emulator.whileNextDialog(() =>
      edit(emulator, 'Applicants', (r) => r.Email === 'p0@example.org', { Status: 'Waitlisted' }),
    );
    sendDecisions(emulator);
    expect(seen[0]).toContain('Send 4 emails: 4 selected, 0 waitlisted');
    expect(seen[1]).toContain('Things changed while the question was open');
    expect(seen[1]).toContain('Send 4 emails: 3 selected, 1 waitlisted');
    // p0 heard the decision the coordinator approved the second time: waitlisted, not selected.
    expect(mailTo(emulator, 'p0@example.org').map((m) => m.body)).toEqual([
      expect.stringContaining('waiting list'),
    ]);
  });

  it('No does nothing, and says so', () => {
    const emulator = cohort();
    addApplicants(emulator, people(3, ['Selected']));
    const seen = recordDialogs(emulator, { confirm: 'NO' });
    sendDecisions(emulator);
    expect(seen.at(-1)!.text).toBe('Nothing was done.');
    expect(emulator.mail.sent).toHaveLength(0);
    expect(rows(emulator, 'Outbox')).toHaveLength(0);
  });

  it('Erase a person: an application from that address arrives during the question; the new plan covers it', () => {
    const emulator = cohort();
    apply(emulator, 'mentee', { name: 'Robin Hart', email: 'robin@example.org' });
    const seen: string[] = [];
    emulator.rt.dialogs = {
      alert: (_t, text, buttons) => {
        seen.push(text);
        // While the first question is open (the script is suspended), the same person applies again.
        if (seen.length === 1) apply(emulator, 'mentor', { name: 'Robin Hart', email: 'robin@example.org' });
        return buttons.includes('YES') ? 'YES' : 'OK';
      },
      prompt: () => ({ button: 'OK', text: 'robin@example.org' }),
    };
    emulator.run('menuErasePerson');
    expect(seen[0]).toContain('Applicants: 1 row');
    expect(seen[1]).toContain('Things changed while the question was open');
    expect(seen[1]).toContain('Applicants: 2 rows');
    const left = rows(emulator, 'Applicants').map((r) => [r.Name, r.Email, r.Status]);
    expect(left).toEqual([
      ['Erased', '', 'Withdrawn'],
      ['Erased', '', 'Withdrawn'],
    ]);
    expect(formId(emulator, 'mentor')).toBeTruthy();
  });
});
