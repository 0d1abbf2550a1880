import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { emlFileName, slugOf } from '../../../src/emulator/mail/eml';
import { MailModule } from '../../../src/emulator/mail/MailModule';
import { NotImplemented, ScriptException } from '../../../src/emulator/runtime/errors';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { scriptRunner, thrown } from '../support/vmHarness';

const T0 = Date.UTC(2025, 8, 1, 9, 0, 0);
const HOUR = 3600000;

function setup(dailyQuota = 100) {
  const rt = new Runtime(T0);
  const mail = new MailModule(rt, { dailyQuota });
  const run = scriptRunner(mail);
  return { rt, mail, run };
}

describe('MailApp.sendEmail overloads', () => {
  it('(recipient, subject, body)', () => {
    const { mail, run } = setup();
    run(`MailApp.sendEmail('a@example.com', 'Hi', 'Body text')`);
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]).toMatchObject({
      id: 1,
      via: 'MailApp',
      from: 'coordinator@example.org',
      to: ['a@example.com'],
      cc: [],
      bcc: [],
      subject: 'Hi',
      body: 'Body text',
    });
    expect(mail.sent[0]?.replyTo).toBeUndefined();
  });

  it('(recipient, subject, body, options) with cc, bcc, name, htmlBody, replyTo', () => {
    const { mail, run } = setup();
    run(`MailApp.sendEmail('a@example.com, b@example.com', 'S', 'plain', {
      cc: 'c@example.com', bcc: 'd@example.com,e@example.com', name: 'Mentoring team',
      htmlBody: '<p>html</p>', replyTo: 'help@example.org' })`);
    expect(mail.sent[0]).toMatchObject({
      to: ['a@example.com', 'b@example.com'],
      cc: ['c@example.com'],
      bcc: ['d@example.com', 'e@example.com'],
      fromName: 'Mentoring team',
      htmlBody: '<p>html</p>',
      replyTo: 'help@example.org',
    });
    expect(mail.remaining()).toBe(95);
  });

  it('(to, replyTo, subject, body)', () => {
    const { mail, run } = setup();
    run(`MailApp.sendEmail('a@example.com', 'reply@example.org', 'Subject', 'Body')`);
    expect(mail.sent[0]).toMatchObject({
      to: ['a@example.com'],
      replyTo: 'reply@example.org',
      subject: 'Subject',
      body: 'Body',
    });
  });

  it('(message) object from the script realm', () => {
    const { mail, run } = setup();
    run(
      `MailApp.sendEmail({ to: 'a@example.com', subject: 'Obj', body: 'b', htmlBody: '<b>b</b>', name: 'N' })`,
    );
    expect(mail.sent[0]).toMatchObject({
      to: ['a@example.com'],
      subject: 'Obj',
      htmlBody: '<b>b</b>',
      fromName: 'N',
    });
  });

  it('noReply uses a no-reply sender for a Workspace account only', () => {
    const { mail, run } = setup();
    run(`MailApp.sendEmail({ to: 'a@example.com', subject: 's', body: 'b', noReply: true })`);
    expect(mail.sent[0]?.from).toBe('noreply@example.org');
    const rt = new Runtime(T0, 'someone@gmail.com');
    const gmail = new MailModule(rt, { dailyQuota: 100 });
    (gmail.globals().MailApp as GoogleAppsScript.Mail.MailApp).sendEmail({
      to: 'a@example.com',
      subject: 's',
      noReply: true,
    });
    expect(gmail.sent[0]?.from).toBe('someone@gmail.com');
  });

  it('rejects a wrong signature in Apps Script wording', () => {
    const { mail, run } = setup();
    expect(thrown(() => run(`MailApp.sendEmail('a@example.com', 'only two')`)).message).toBe(
      "The parameters (String,String) don't match the method signature for MailApp.sendEmail.",
    );
    expect(thrown(() => run(`MailApp.sendEmail('a@example.com', 5, 'b')`)).message).toContain(
      '(String,number,String)',
    );
    expect(mail.sent).toHaveLength(0);
  });

  it('attachments and inlineImages are not emulated', () => {
    const { mail, run } = setup();
    expect(
      thrown(() => run(`MailApp.sendEmail('a@example.com', 's', 'b', { attachments: [{}] })`)),
    ).toBeInstanceOf(NotImplemented);
    expect(
      thrown(() =>
        run(`MailApp.sendEmail({ to: 'a@example.com', subject: 's', inlineImages: { logo: {} } })`),
      ),
    ).toBeInstanceOf(NotImplemented);
    run(`MailApp.sendEmail('a@example.com', 's', 'b', { attachments: [] })`);
    expect(mail.sent).toHaveLength(1);
  });

  it('counts each call through the runtime', () => {
    const { rt, run } = setup();
    run(`MailApp.sendEmail('a@example.com', 's', 'b'); MailApp.getRemainingDailyQuota()`);
    expect(rt.totalCalls.get('MailApp.sendEmail')).toBe(1);
    expect(rt.totalCalls.get('MailApp.getRemainingDailyQuota')).toBe(1);
    expect(rt.clock.now()).toBeGreaterThan(T0);
  });
});

describe('MailApp validation', () => {
  it.each([
    ['not-an-address', 'Invalid email: not-an-address'],
    ['a@example.com, b@@example.com', 'Invalid email: b@@example.com'],
    ['a@example.com;b@example.com', 'Invalid email: a@example.com;b@example.com'],
    ['a@example', 'Invalid email: a@example'],
  ])('invalid recipient %s', (to, message) => {
    const { mail, run } = setup();
    const err = thrown(() => run(`MailApp.sendEmail(${JSON.stringify(to)}, 's', 'b')`));
    expect(err).toBeInstanceOf(ScriptException);
    expect(err.message).toBe(message);
    expect(mail.sent).toHaveLength(0);
    expect(mail.remaining()).toBe(100);
  });

  it('accepts a named address and ignores a trailing comma', () => {
    const { mail, run } = setup();
    run(`MailApp.sendEmail('Siân ap Dafydd <sian@example.cymru>, ', 's', 'b')`);
    expect(mail.sent[0]?.to).toEqual(['Siân ap Dafydd <sian@example.cymru>']);
  });

  it('an invalid replyTo is refused', () => {
    const { run } = setup();
    expect(thrown(() => run(`MailApp.sendEmail('a@example.com', 'nope', 's', 'b')`)).message).toBe(
      'Invalid email: nope',
    );
  });

  it('no recipient at all', () => {
    const { mail, run } = setup();
    expect(thrown(() => run(`MailApp.sendEmail('', 's', 'b')`)).message).toBe(
      'Failed to send email: no recipient',
    );
    expect(thrown(() => run(`MailApp.sendEmail({ subject: 's', body: 'b' })`)).message).toBe(
      'Failed to send email: no recipient',
    );
    run(`MailApp.sendEmail({ bcc: 'x@example.com', subject: 's', body: 'b' })`);
    expect(mail.sent).toHaveLength(1);
  });

  it('a message object without subject is refused; an empty subject is sent', () => {
    const { mail, run } = setup();
    expect(thrown(() => run(`MailApp.sendEmail({ to: 'a@example.com', body: 'b' })`)).message).toBe(
      'Failed to send email: no subject',
    );
    run(`MailApp.sendEmail('a@example.com', '', 'b')`);
    expect(mail.sent[0]?.subject).toBe('');
  });

  it('more than 50 recipients in one message is refused, 50 is fine', () => {
    const { mail, run } = setup(1500);
    const list = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com`).join(',');
    expect(
      thrown(() => run(`MailApp.sendEmail('a@example.com', 's', 'b', { bcc: '${list(50)}' })`)).message,
    ).toBe('Limit Exceeded: Email Recipients Per Message.');
    expect(mail.remaining()).toBe(1500);
    run(`MailApp.sendEmail('a@example.com', 's', 'b', { bcc: '${list(49)}' })`);
    expect(mail.remaining()).toBe(1450);
  });
});

describe('daily quota', () => {
  it('counts recipients and refuses a send that would go over, sending nothing', () => {
    const { mail, run } = setup(5);
    run(`MailApp.sendEmail('a@example.com,b@example.com', 's', 'b', { cc: 'c@example.com' })`);
    expect(run('MailApp.getRemainingDailyQuota()')).toBe(2);
    const err = thrown(() => run(`MailApp.sendEmail('a@example.com,b@example.com,c@example.com', 's', 'b')`));
    expect(err.message).toBe('Service invoked too many times for one day: email.');
    expect(mail.sent).toHaveLength(1);
    expect(mail.remaining()).toBe(2);
    run(`MailApp.sendEmail('a@example.com,b@example.com', 's', 'b')`);
    expect(mail.remaining()).toBe(0);
    expect(thrown(() => run(`MailApp.sendEmail('a@example.com', 's', 'b')`)).message).toContain(
      'too many times',
    );
  });

  it('resets 24 hours after the first send of the window', () => {
    const { rt, mail, run } = setup(2);
    run(`MailApp.sendEmail('a@example.com', 's', 'b')`);
    const first = mail.sent[0]!.at;
    rt.clock.set(first + 10 * HOUR);
    run(`MailApp.sendEmail('a@example.com', 's', 'b')`);
    expect(mail.remaining()).toBe(0);
    rt.clock.set(first + 24 * HOUR - 1);
    expect(mail.remaining()).toBe(0);
    rt.clock.set(first + 24 * HOUR);
    expect(mail.remaining()).toBe(2);
    run(`MailApp.sendEmail('a@example.com', 's', 'b')`);
    // The new window starts at this send, not at the old boundary.
    rt.clock.set(first + 47 * HOUR);
    expect(mail.remaining()).toBe(1);
  });

  it('setDailyQuota changes the limit and keeps the usage', () => {
    const { mail, run } = setup(100);
    run(`MailApp.sendEmail('a@example.com', 's', 'b')`);
    mail.setDailyQuota(1500);
    expect(mail.remaining()).toBe(1499);
    expect(() => mail.setDailyQuota(-1)).toThrow(RangeError);
  });
});

describe('host-side hooks', () => {
  it('a failure hook makes sendEmail throw and nothing is sent or counted', () => {
    const { mail, run } = setup();
    const seen: Array<{ to: string[]; subject: string }> = [];
    mail.failures.push((m) => {
      seen.push(m);
      return m.subject === 'boom' ? 'Service unavailable: Gmail' : undefined;
    });
    expect(thrown(() => run(`MailApp.sendEmail('a@example.com', 'boom', 'b')`)).message).toBe(
      'Service unavailable: Gmail',
    );
    expect(mail.sent).toHaveLength(0);
    expect(mail.remaining()).toBe(100);
    run(`MailApp.sendEmail('a@example.com', 'fine', 'b')`);
    expect(mail.sent).toHaveLength(1);
    expect(seen).toEqual([
      { to: ['a@example.com'], subject: 'boom' },
      { to: ['a@example.com'], subject: 'fine' },
    ]);
  });

  it('deliver records a Calendar message without quota or call counting', () => {
    const { rt, mail } = setup(1);
    const m = mail.deliver({
      via: 'Calendar',
      from: 'coordinator@example.org',
      to: ['a@example.com', 'b@example.com'],
      cc: [],
      bcc: [],
      subject: 'Invitation: Launch',
      body: 'You are invited',
      calendar: { method: 'REQUEST', ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' },
    });
    expect(m).toMatchObject({ id: 1, at: T0, via: 'Calendar' });
    expect(mail.remaining()).toBe(1);
    expect(rt.totalCalls.size).toBe(0);
  });

  it('toState/fromState keeps the quota window and the sent list', () => {
    const { rt, mail, run } = setup(10);
    run(`MailApp.sendEmail('a@example.com,b@example.com', 's', 'b')`);
    const state = JSON.parse(JSON.stringify(mail.toState()));
    const copy = new MailModule(new Runtime(rt.clock.now()), { dailyQuota: 100 });
    copy.fromState(state);
    expect(copy.remaining()).toBe(8);
    expect(copy.sent).toEqual(mail.sent);
    copy.deliver({
      via: 'Calendar',
      from: 'x@example.org',
      to: ['y@example.org'],
      cc: [],
      bcc: [],
      subject: 's',
      body: '',
    });
    expect(copy.sent[1]?.id).toBe(2);
  });
});

describe('.eml files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cohort-mail-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names files by zero-padded id and an ASCII slug of the subject', () => {
    expect(slugOf('Croeso, Siân! Your mentor — Seán Ó Briain 🎉')).toBe(
      'croeso-sian-your-mentor-sean-o-briain',
    );
    expect(slugOf('🎉🎉')).toBe('no-subject');
    expect(emlFileName({ id: 7, subject: 'Welcome to the scheme' })).toBe('0007-welcome-to-the-scheme.eml');
  });

  it('round-trips Welsh and Irish names and emoji through mailparser', async () => {
    const { rt, mail, run } = setup();
    rt.clock.set(Date.UTC(2025, 6, 15, 13, 30, 0));
    run(`MailApp.sendEmail({
      to: 'Siân Ffion ap Dafydd <sian@example.cymru>',
      cc: 'sean@example.ie',
      bcc: 'records@example.org',
      replyTo: 'help@example.org',
      name: 'Cynllun Mentora 🌱 Seán Ó Briain',
      subject: 'Croeso, Siân Ffion ap Dafydd! Dy fentor: Seán Ó Briain 🎉',
      body: 'Helo Siân,\\nDy fentor yw Seán Ó Briain. Pob lwc! 🌟',
      htmlBody: '<p>Helo <b>Siân</b>, dy fentor yw Seán Ó Briain 🌟</p>',
    })`);
    await mail.writeFiles(dir);
    const files = readdirSync(join(dir, 'outbox'));
    expect(files).toEqual(['0001-croeso-sian-ffion-ap-dafydd-dy-fentor-sean-o-briain.eml']);
    const raw = readFileSync(join(dir, 'outbox', files[0]!));
    expect(raw.toString('latin1')).toContain('\r\n');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Croeso, Siân Ffion ap Dafydd! Dy fentor: Seán Ó Briain 🎉');
    expect(parsed.from?.value[0]).toEqual({
      name: 'Cynllun Mentora 🌱 Seán Ó Briain',
      address: 'coordinator@example.org',
    });
    const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
    expect(to?.value[0]).toEqual({ name: 'Siân Ffion ap Dafydd', address: 'sian@example.cymru' });
    const cc = Array.isArray(parsed.cc) ? parsed.cc[0] : parsed.cc;
    expect(cc?.value[0]?.address).toBe('sean@example.ie');
    const bcc = Array.isArray(parsed.bcc) ? parsed.bcc[0] : parsed.bcc;
    expect(bcc?.value[0]?.address).toBe('records@example.org');
    expect(parsed.replyTo?.value[0]?.address).toBe('help@example.org');
    expect(parsed.date?.toISOString()).toBe('2025-07-15T13:30:00.000Z');
    expect(parsed.text?.trim()).toBe('Helo Siân,\nDy fentor yw Seán Ó Briain. Pob lwc! 🌟');
    expect(parsed.html).toContain('<b>Siân</b>, dy fentor yw Seán Ó Briain 🌟');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
  });

  it('writes a text/calendar part with its METHOD for a calendar message', async () => {
    const { mail } = setup();
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Cohort//Emulator//EN',
      'METHOD:CANCEL',
      'BEGIN:VEVENT',
      'UID:launch-2025@cohort',
      'DTSTAMP:20250901T090000Z',
      'DTSTART:20251001T170000Z',
      'DTEND:20251001T183000Z',
      'SUMMARY:Lansiad — Seán Ó Briain 🎉',
      'STATUS:CANCELLED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    mail.deliver({
      via: 'Calendar',
      from: 'coordinator@example.org',
      fromName: 'Peer mentoring',
      to: ['sean@example.ie'],
      cc: [],
      bcc: [],
      subject: 'Canceled event: Lansiad',
      body: 'This event has been canceled.',
      htmlBody: '<p>This event has been canceled.</p>',
      calendar: { method: 'CANCEL', ics },
    });
    await mail.writeFiles(dir);
    const raw = readFileSync(join(dir, 'outbox', '0001-canceled-event-lansiad.eml'));
    expect(raw.toString('utf8')).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=CANCEL/i);
    const parsed = await simpleParser(raw);
    const calendarPart = parsed.attachments.find(
      (a) => a.contentType === 'text/calendar' || a.contentType === 'application/ics',
    );
    expect(calendarPart).toBeDefined();
    const comp = new ICAL.Component(ICAL.parse(calendarPart!.content.toString('utf8')));
    expect(comp.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(comp.getFirstSubcomponent('vevent')?.getFirstPropertyValue('summary')).toBe(
      'Lansiad — Seán Ó Briain 🎉',
    );
    expect(parsed.text?.trim()).toBe('This event has been canceled.');
  });

  it('writes only the files not yet on disk', async () => {
    const { mail, run } = setup();
    run(`MailApp.sendEmail('a@example.com', 'First', 'b')`);
    await mail.writeFiles(dir);
    const first = join(dir, 'outbox', '0001-first.eml');
    writeFileSync(first, 'kept as it was');
    run(`MailApp.sendEmail('a@example.com', 'Second', 'b')`);
    await mail.writeFiles(dir);
    expect(readFileSync(first, 'utf8')).toBe('kept as it was');
    expect(existsSync(join(dir, 'outbox', '0002-second.eml'))).toBe(true);
    expect(statSync(join(dir, 'outbox', '0002-second.eml')).size).toBeGreaterThan(100);
  });
});
