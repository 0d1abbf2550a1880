/**
 * Welsh, Irish, accented, non-Latin and emoji names arrive intact (NFC, nothing dropped) in the
 * Sheet, in the acknowledgement and choices-invitation emails as a mail client parses them (.eml via
 * mailparser), and in the calendar invitations beside their addresses (parsed with ical.js).
 */
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { buildEml } from '../../src/emulator/mail/eml';
import { apply, click, edit, mailTo, newCohort, rows, setUp } from '../support/cohort';
import { htmlEscaped, NAMES } from './bad-input.support';

const people = NAMES.map((name, i) => ({
  name,
  email: `person${i}@example.org`,
  role: i % 2 === 0 ? ('mentor' as const) : ('mentee' as const),
}));

describe('names survive into emails and invitations', () => {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  // Typed decomposed (as some keyboards send them) and padded: stored and mailed composed.
  for (const p of people)
    apply(emulator, p.role, {
      name: ` ${p.name.normalize('NFD')}\u200B `,
      email: p.email,
      libraryService: `${p.name} Libraries`,
    });

  it('keeps every name exactly in the Applicants tab', () => {
    const byEmail = new Map(rows(emulator, 'Applicants').map((r) => [r.Email, r]));
    for (const p of people) expect(byEmail.get(p.email)).toMatchObject({ Name: p.name, Problems: '' });
  });

  it('puts every name intact into the acknowledgement as a mail client reads it', async () => {
    for (const p of people) {
      const [mail] = mailTo(emulator, p.email);
      expect(mail).toBeDefined();
      const parsed = await simpleParser(await buildEml(mail!));
      expect(parsed.text).toContain(`Dear ${p.name},`);
      expect(parsed.html || '').toContain(`Dear ${htmlEscaped(p.name)},`);
      expect(parsed.to && 'text' in parsed.to ? parsed.to.text : '').toContain(p.email);
    }
  });

  it('greets selected mentees by name in the choices invitation and invites everyone selected', async () => {
    edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
    click(emulator, 'Open mentor choices');
    for (const p of people.filter((x) => x.role === 'mentee')) {
      const mail = mailTo(emulator, p.email).find((m) => m.subject === 'Choose your mentors');
      expect(mail).toBeDefined();
      const parsed = await simpleParser(await buildEml(mail!));
      expect(parsed.text).toContain(p.name);
    }
    // The choices form lists the mentors by name: intact there too.
    const form = emulator.forms.list().find((f) => f.title.includes('choose your mentors'));
    const options = emulator.forms.data(form!.id)!.items.find((i) => i.title.includes('first choice'))!
      .choices!;
    for (const p of people.filter((x) => x.role === 'mentor'))
      expect(options).toContain(`${p.name} — ${p.name} Libraries`);

    const result = click(emulator, 'Send calendar invites');
    expect(result.ok).toBe(true);
    emulator.advance(10 * 60_000); // each person's copy goes out once Meet has made the room
    const launch = emulator.calendar
      .events()
      .filter((e) => e.extendedProperties?.private?.cohortKey === 'launch')
      .flatMap((e) => e.attendees ?? []);
    // Each guest is named beside their address, and the invitation a calendar reads says so.
    for (const p of people) {
      expect(launch).toContainEqual(expect.objectContaining({ email: p.email, displayName: p.name }));
      const invitation = emulator.mail.sent.find(
        (m) => m.via === 'Calendar' && m.to.includes(p.email) && m.subject.startsWith('Invitation: Launch'),
      );
      const parsed = ICAL.Component.fromString(invitation!.calendar!.ics);
      const attendee = parsed
        .getFirstSubcomponent('vevent')!
        .getAllProperties('attendee')
        .find((a) => String(a.getFirstValue()).includes(p.email));
      expect(attendee?.getParameter('cn')).toBe(p.name);
    }
  });

  // Only Google's own links (forms, Sheet, Meet) are made clickable in the HTML.
  it('does not turn a URL typed as a name into a link in the email', () => {
    const fresh = setUp(newCohort());
    apply(fresh, 'mentee', { name: 'Click https://evil.example/login now', email: 'phish@example.org' });
    const [mail] = mailTo(fresh, 'phish@example.org');
    expect(mail!.htmlBody).not.toContain('<a href="https://evil.example/login"');
  });

  // Cohort signs an email queued before Settings named the coordinator by filling {{coordinatorName}}
  // and {{coordinatorEmail}} at sending: typed by an applicant, those words must stay words.
  it('never fills in a placeholder an applicant typed', () => {
    const fresh = setUp(newCohort());
    apply(fresh, 'mentee', { name: '{{coordinatorEmail}} {{coordinatorName}}', email: 'braces@example.org' });
    expect(rows(fresh, 'Applicants').find((r) => r.Email === 'braces@example.org')?.Name).toBe(
      '{ {coordinatorEmail}} { {coordinatorName}}',
    );
    const [mail] = mailTo(fresh, 'braces@example.org');
    expect(mail!.body).toContain('Dear { {coordinatorEmail}} { {coordinatorName}},');
  });
});
