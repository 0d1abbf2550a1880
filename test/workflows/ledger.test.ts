/**
 * A ledger no edit can erase (issue 10.5): what was sent is also kept where the coordinator's edits
 * cannot reach (script properties). A renamed Outbox "Key" header, deleted Outbox rows, a renamed
 * Applicants "Email" header or a deleted Applicants row: no email goes twice, and the coordinator is
 * told what is wrong, in words.
 */
import { apply, click, edit, mailTo, rows } from '../support/cohort';
import {
  addApplicants,
  cohort,
  duplicates,
  people,
  recordDialogs,
  sendDecisions,
  sentKeys,
} from './decisions.helpers';

function renameHeader(emulator: ReturnType<typeof cohort>, tab: string, from: string, to: string): void {
  emulator.spreadsheets.editSheet(tab, (values) =>
    values.map((r, i) => (i === 0 ? r.map((h) => (h === from ? to : h)) : r)),
  );
}

describe('the ledger no edit can erase', () => {
  it('a renamed Outbox Key column stops sending with a sentence; nobody is acknowledged again', () => {
    const emulator = cohort();
    apply(emulator, 'mentee', { name: 'Ann', email: 'ann@example.org' });
    expect(mailTo(emulator, 'ann@example.org')).toHaveLength(1);
    renameHeader(emulator, 'Outbox', 'Key', 'Reference');
    // The next application: the trigger stops (it is logged, and a banner shows), nothing is sent.
    const [run] = apply(emulator, 'mentee', { name: 'Bob', email: 'bob@example.org' });
    expect(run!.ok).toBe(false);
    expect(run!.error?.message).toBe(
      'The Outbox tab has no "Key" column. Was it renamed? Put its name back in row 1 and try again. Nothing was changed.',
    );
    expect(mailTo(emulator, 'ann@example.org')).toHaveLength(1);
    expect(rows(emulator, 'Log').some((r) => String(r.Message).includes('has no "Key" column'))).toBe(true);
    // Set-up does not "repair" it into a new empty column that would forget what was sent.
    const dialogs = recordDialogs(emulator);
    click(emulator, 'Set up programme');
    expect(dialogs.at(-1)!.text).toContain('The Outbox tab has no "Key" column. Was it renamed?');
    expect((emulator.spreadsheets.values('Outbox')[0] ?? []).filter((h) => h === 'Key')).toHaveLength(0);
    // Named back: Bob's application, waiting safe in its tab, goes through; Ann hears nothing more.
    renameHeader(emulator, 'Outbox', 'Reference', 'Key');
    emulator.run('continueIntake', undefined, 'trigger');
    expect(mailTo(emulator, 'bob@example.org')).toHaveLength(1);
    expect(mailTo(emulator, 'ann@example.org')).toHaveLength(1);
  });

  it('deleted Outbox rows never cause a resend: the rows come back, marked as sent', () => {
    const emulator = cohort();
    addApplicants(emulator, people(6, ['Selected', 'Not selected']));
    sendDecisions(emulator);
    expect(emulator.mail.sent).toHaveLength(6);
    emulator.spreadsheets.editSheet('Outbox', (values) => values.slice(0, 1)); // every row deleted
    const asked = recordDialogs(emulator);
    sendDecisions(emulator);
    expect(emulator.mail.sent).toHaveLength(6);
    expect(duplicates(sentKeys(emulator))).toEqual([]);
    expect(asked.at(-1)!.text).toContain('Nothing new to send');
    // Rows come back as soon as anything is queued again: here, one new person's decision.
    addApplicants(emulator, people(1, ['Selected'], 'late'));
    sendDecisions(emulator);
    expect(emulator.mail.sent).toHaveLength(7);
    const back = rows(emulator, 'Outbox');
    expect(back.filter((r) => r.Status === 'sent')).toHaveLength(1);
  });

  it('a retyped Status never resends: Cohort’s own record says it went', () => {
    const emulator = cohort();
    addApplicants(emulator, people(2, ['Selected']));
    sendDecisions(emulator);
    edit(emulator, 'Outbox', () => true, { Status: 'queued' });
    emulator.run('continueOutbox', undefined, 'trigger');
    expect(emulator.mail.sent).toHaveLength(2);
    for (const r of rows(emulator, 'Outbox')) {
      expect(r.Status).toBe('sent');
      expect(String(r.Error)).toContain("Cohort's own record shows the email went");
    }
  });

  it('a renamed Applicants Email column stops intake in words, and re-imports nobody', () => {
    const emulator = cohort();
    apply(emulator, 'mentor', { name: 'Cai', email: 'cai@example.org' });
    renameHeader(emulator, 'Applicants', 'Email', 'E-mail');
    const [run] = apply(emulator, 'mentor', { name: 'Dee', email: 'dee@example.org' });
    expect(run!.error?.message).toContain('The Applicants tab has no "Email" column. Was it renamed?');
    renameHeader(emulator, 'Applicants', 'E-mail', 'Email');
    emulator.run('continueIntake', undefined, 'trigger');
    expect(rows(emulator, 'Applicants').map((r) => r.Email)).toEqual(['cai@example.org', 'dee@example.org']);
    expect(mailTo(emulator, 'cai@example.org')).toHaveLength(1);
  });

  it('a deleted Applicants row comes back with its ID and last status, flagged', () => {
    const emulator = cohort();
    apply(emulator, 'mentee', { name: 'Eve', email: 'eve@example.org' });
    apply(emulator, 'mentee', { name: 'Fay', email: 'fay@example.org' });
    edit(emulator, 'Applicants', (r) => r.Email === 'eve@example.org', { Status: 'Selected' });
    // Intake notes the status as it reads the tab (the next response).
    apply(emulator, 'mentee', { name: 'Gus', email: 'gus@example.org' });
    const eve = rows(emulator, 'Applicants').find((r) => r.Email === 'eve@example.org')!;
    emulator.spreadsheets.editSheet('Applicants', (values) =>
      values.filter((r) => r[values[0]!.indexOf('Email')] !== 'eve@example.org'),
    );
    apply(emulator, 'mentee', { name: 'Hal', email: 'hal@example.org' });
    const back = rows(emulator, 'Applicants').find((r) => r.Email === 'eve@example.org');
    expect(back).toMatchObject({ ID: eve.ID, Status: 'Selected', Name: 'Eve' });
    expect(String(back!.Problems)).toContain('This row had been deleted from the Applicants tab');
    expect(mailTo(emulator, 'eve@example.org')).toHaveLength(1);
  });

  it('a To address edited after the email was queued is not sent to', () => {
    const emulator = cohort({ mailQuota: 1 });
    addApplicants(emulator, people(2, ['Selected']));
    sendDecisions(emulator); // one goes, one waits for tomorrow
    edit(emulator, 'Outbox', (r) => r.Status === 'queued', { To: 'attacker@example.net' });
    emulator.mail.setDailyQuota(100);
    emulator.run('continueOutbox', undefined, 'trigger');
    expect(mailTo(emulator, 'attacker@example.net')).toHaveLength(0);
    expect(rows(emulator, 'Outbox').find((r) => r.To === 'attacker@example.net')).toMatchObject({
      Status: 'failed',
      Error: expect.stringContaining('the To address was changed after this email was queued'),
    });
  });
});
