import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { CalendarModule } from '../../../src/emulator/calendar/CalendarModule';
import { MailModule } from '../../../src/emulator/mail/MailModule';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { APRIL, launch, OWNER } from './harness';

/** A Calendar module whose invitations go through the real mail module. */
function withMail() {
  const rt = new Runtime(APRIL, OWNER);
  const mail = new MailModule(rt, { dailyQuota: 100 });
  const calendar = new CalendarModule(rt, mail, { owner: OWNER, timeZone: 'Europe/London' });
  return { mail, Calendar: calendar.globals().Calendar as GoogleAppsScript.Calendar };
}

describe('invitations through the real mail module', () => {
  it('are recorded as Calendar mail, cost no MailApp quota, and become .eml files with a calendar part', async () => {
    const { mail, Calendar } = withMail();
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

describe('every notification is an .eml with an invite.ics', () => {
  it('invitation, update and cancellation: METHOD, UID = iCalUID and SEQUENCE as the event has them', async () => {
    const { mail, Calendar } = withMail();
    const all = { sendUpdates: 'all' };
    const e = Calendar.Events.insert(launch([{ email: 'sian@example.org' }]), 'primary', all);
    const moved = Calendar.Events.patch({ location: 'Online' }, 'primary', e.id ?? '', all);
    Calendar.Events.remove('primary', e.id ?? '', all);
    const dir = mkdtempSync(join(tmpdir(), 'cohort-cal-mail-'));
    await mail.writeFiles(dir);
    const files = readdirSync(join(dir, 'outbox')).sort();
    expect(files).toHaveLength(3);
    const parts = await Promise.all(
      files.map(async (f) => {
        const parsed = await simpleParser(readFileSync(join(dir, 'outbox', f)));
        const ics = parsed.attachments.find((a) => a.filename === 'invite.ics');
        return { subject: parsed.subject ?? '', ics: ics?.content.toString('utf8') ?? '' };
      }),
    );
    const field = (ics: string, name: string) => new RegExp(`^${name}:(.*)$`, 'm').exec(ics)?.[1]?.trim();
    expect(
      parts.map((p) => [p.subject.split(':')[0], field(p.ics, 'METHOD'), field(p.ics, 'SEQUENCE')]),
    ).toEqual([
      ['Invitation', 'REQUEST', '0'],
      ['Updated invitation', 'REQUEST', String(moved.sequence)],
      ['Canceled event', 'CANCEL', String((moved.sequence ?? 0) + 1)],
    ]);
    for (const p of parts) expect(field(p.ics, 'UID')).toBe(e.iCalUID);
  });
});
