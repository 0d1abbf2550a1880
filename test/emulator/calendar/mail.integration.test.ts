import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { CalendarModule } from '../../../src/emulator/calendar/CalendarModule';
import { MailModule } from '../../../src/emulator/mail/MailModule';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { APRIL, launch, OWNER } from './harness';

describe('invitations through the real mail module', () => {
  it('are recorded as Calendar mail, cost no MailApp quota, and become .eml files with a calendar part', async () => {
    const rt = new Runtime(APRIL, OWNER);
    const mail = new MailModule(rt, { dailyQuota: 100 });
    const calendar = new CalendarModule(rt, mail, { owner: OWNER, timeZone: 'Europe/London' });
    const Calendar = calendar.globals().Calendar as GoogleAppsScript.Calendar;
    Calendar.Events.insert(
      launch([{ email: 'sian@example.org', displayName: 'Siân Ffion ap Dafydd' }]),
      'primary',
      {
        sendUpdates: 'all',
      },
    );
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({ via: 'Calendar', to: ['sian@example.org'] });
    expect(mail.remaining()).toBe(100);
    const dir = mkdtempSync(join(tmpdir(), 'cohort-cal-mail-'));
    await mail.writeFiles(dir);
    const [file] = readdirSync(join(dir, 'outbox'));
    const parsed = await simpleParser(readFileSync(join(dir, 'outbox', file ?? '')));
    expect(parsed.subject).toBe(
      'Invitation: Launch event and speed dating @ Wed 7 May 2025 10:00 - 11:30 (BST) (sian@example.org)',
    );
    const raw = readFileSync(join(dir, 'outbox', file ?? ''), 'utf8');
    expect(raw).toMatch(/text\/calendar;[^\r\n]*method=REQUEST/i);
  });
});
