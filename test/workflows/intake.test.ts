import { simpleParser } from 'mailparser';
import { buildEml } from '../../src/emulator/mail/eml';
import {
  answers,
  apply,
  click,
  DAY,
  formId,
  mailTo,
  newCohort,
  rows,
  SCHEME_START,
  setUp,
} from '../support/cohort';

const siân = { name: 'Siân ap Dafydd', email: 'sian.apdafydd@example.org' };
const seán = { name: 'Seán Ó Briain', email: 'Sean.OBriain@Example.org' };

function applicant(emulator: ReturnType<typeof newCohort>, email: string) {
  return rows(emulator, 'Applicants').filter((r) => String(r.Email).toLowerCase() === email.toLowerCase());
}

describe('Set up programme', () => {
  it('creates the tabs, two linked forms and one trigger, and a second run changes nothing', () => {
    const emulator = setUp(newCohort());
    const tabs = () => emulator.spreadsheets.active.getSheets().map((s) => s.getName());
    const before = {
      tabs: tabs(),
      forms: emulator.forms.list().length,
      triggers: emulator.script.triggers().length,
    };
    expect(before.tabs).toEqual(
      expect.arrayContaining(['Settings', 'Programme', 'Templates', 'Applicants', 'Outbox', 'Log', 'Forms']),
    );
    expect(before.forms).toBe(2);
    expect(
      emulator.forms
        .list()
        .every((f) => f.published && f.destinationId === emulator.spreadsheets.active.getId()),
    ).toBe(true);
    expect(emulator.script.triggers().filter((t) => t.kind === 'onFormSubmit')).toHaveLength(1);
    setUp(emulator);
    expect({
      tabs: tabs(),
      forms: emulator.forms.list().length,
      triggers: emulator.script.triggers().length,
    }).toEqual(before);
  });

  it('repairs a deleted tab and keeps the rest', () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentor', siân);
    emulator.spreadsheets.deleteSheetHost('Templates');
    setUp(emulator);
    expect(rows(emulator, 'Templates').length).toBeGreaterThan(10);
    expect(applicant(emulator, siân.email)).toHaveLength(1);
    expect(emulator.forms.list()).toHaveLength(2);
  });

  it('seeds the programme with the scheme 2025 dates', () => {
    const emulator = setUp(newCohort());
    const programme = rows(emulator, 'Programme');
    expect(programme.find((r) => r.Key === 'launch')).toMatchObject({
      Date: '2025-05-07',
      Start: '10:00',
      End: '11:30',
      Audience: 'all participants',
    });
    expect(programme.filter((r) => r.Audience === 'mentors').map((r) => r.Date)).toEqual([
      '2025-07-08',
      '2025-09-12',
      '2025-10-21',
    ]);
  });
});

describe('Intake', () => {
  it('records a mentor and a mentee and acknowledges each once, with names intact', async () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentor', siân);
    apply(emulator, 'mentee', seán);
    const [mentor] = applicant(emulator, siân.email);
    const [mentee] = applicant(emulator, seán.email);
    expect(mentor).toMatchObject({
      ID: 'MR-001',
      Role: 'Mentor',
      Status: 'Applied',
      Name: 'Siân ap Dafydd',
      Problems: '',
      Submissions: 1,
    });
    expect(mentee).toMatchObject({
      ID: 'ME-001',
      Role: 'Mentee',
      Email: 'sean.obriain@example.org',
      Name: 'Seán Ó Briain',
    });
    expect(mailTo(emulator, siân.email)).toHaveLength(1);
    const parsed = await simpleParser(await buildEml(mailTo(emulator, seán.email)[0]!));
    expect(parsed.text).toContain('Dear Seán Ó Briain');
    expect(parsed.replyTo?.text).toBeDefined();
  });

  it('keeps the latest answers of the same person and counts the submissions: one acknowledgement, and a word that the answers changed', () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentee', seán, { overrides: {} });
    emulator.advance(DAY);
    apply(emulator, 'mentee', { ...seán, libraryService: 'Kilbride Libraries', nation: 'Northern Ireland' });
    const found = applicant(emulator, seán.email);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ 'Library service': 'Kilbride Libraries', Submissions: 2 });
    expect(String(found[0]!['Submission history'])).toMatch(
      /^2 submissions: first \d\d\/\d\d\/2025 \d\d:\d\d; latest /,
    );
    expect(mailTo(emulator, seán.email).map((m) => m.subject)).toEqual([
      'Thank you for applying to be a mentee',
      'We received an updated application',
    ]);
    // A third submission the same day: no second notice that day.
    apply(emulator, 'mentee', { ...seán, libraryService: 'Kilbride Libraries West' });
    expect(mailTo(emulator, seán.email)).toHaveLength(2);
  });

  it('flags both rows of someone who applied as mentor and mentee', () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentor', siân);
    apply(emulator, 'mentee', siân);
    const both = applicant(emulator, siân.email);
    expect(both).toHaveLength(2);
    for (const row of both) expect(String(row.Problems)).toContain('both mentor and mentee');
  });

  it('flags a late submission and an ineligible nation in words', () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentee', {
      name: 'Iona Scott',
      email: 'iona@example.org',
      nation: 'Other / outside these nations',
    });
    emulator.advance(Date.UTC(2025, 3, 19, 12) - SCHEME_START);
    apply(emulator, 'mentee', { name: 'Lee Late', email: 'lee@example.org' });
    expect(String(applicant(emulator, 'iona@example.org')[0]!.Problems)).toMatch(/nation/i);
    expect(String(applicant(emulator, 'lee@example.org')[0]!.Problems)).toMatch(/after the deadline/i);
  });

  it('keeps an answer starting with "=" as text and escapes a <script> name in the email HTML', () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentee', {
      name: 'Robin <script>alert(1)</script>',
      email: 'robin@example.org',
      libraryService: '=HYPERLINK("http://x","y")',
    });
    const [row] = applicant(emulator, 'robin@example.org');
    // Kept as text: Sheets stores the neutralising apostrophe in a plain-text cell, and Cohort reads past it.
    expect(String(row!['Library service']).replace(/^'/, '')).toBe('=HYPERLINK("http://x","y")');
    expect(emulator.spreadsheets.formulaCells()).toEqual([]);
    const [mail] = mailTo(emulator, 'robin@example.org');
    expect(mail!.htmlBody).toContain('Robin &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail!.htmlBody).not.toContain('<script>');
  });

  it('records a response with a missing required answer (the form refuses it; an older copy could send it)', () => {
    const emulator = setUp(newCohort());
    const incomplete = answers('mentee', { name: 'No Service', email: 'noservice@example.org' });
    delete incomplete['Your library service'];
    expect(() => emulator.forms.submit(formId(emulator, 'mentee'), incomplete)).toThrow();
    const submission = emulator.forms.submit(formId(emulator, 'mentee'), incomplete, { unchecked: true });
    emulator.deliverFormSubmit(submission!);
    expect(String(applicant(emulator, 'noservice@example.org')[0]!.Problems)).toContain(
      'Missing answer: Library service',
    );
  });

  it('records an invalid email with its problem and sends nothing to it', () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentee', { name: 'Sam Typo', email: 'sam.typo@example' }, { unchecked: true });
    const found = rows(emulator, 'Applicants').find((r) => r.Name === 'Sam Typo');
    expect(String(found!.Problems)).toMatch(/email/i);
    expect(rows(emulator, 'Outbox').find((r) => String(r.Key).includes('sam.typo'))).toMatchObject({
      Status: 'skipped',
    });
    expect(emulator.mail.sent).toHaveLength(0);
  });

  it('does nothing more when the same trigger event is delivered twice', () => {
    const emulator = setUp(newCohort());
    const submission = emulator.forms.submit(formId(emulator, 'mentor'), answers('mentor', siân))!;
    emulator.deliverFormSubmit(submission);
    const after = rows(emulator, 'Applicants');
    emulator.deliverFormSubmit(submission);
    expect(rows(emulator, 'Applicants')).toEqual(after);
    expect(mailTo(emulator, siân.email)).toHaveLength(1);
  });

  it('never loses a response: a trigger that could not run is caught up by the next one', () => {
    const emulator = setUp(newCohort());
    // The first response's trigger never fires (Google dropped it); the raw row is in its tab.
    emulator.forms.submit(formId(emulator, 'mentor'), answers('mentor', siân));
    apply(emulator, 'mentee', seán);
    expect(applicant(emulator, siân.email)).toHaveLength(1);
    expect(mailTo(emulator, siân.email)).toHaveLength(1);
  });

  it('uses the same number of service calls with 10 or 2,000 applicants already in the Sheet', () => {
    const measure = (existing: number) => {
      const emulator = setUp(newCohort({ mailQuota: 100_000 }));
      for (let i = 0; i < existing; i++)
        emulator.forms.submit(
          formId(emulator, i % 2 ? 'mentor' : 'mentee'),
          answers(i % 2 ? 'mentor' : 'mentee', { name: `Person ${i}`, email: `p${i}@example.org` }),
        );
      click(emulator, 'Check applications');
      // The acknowledgements of the catch-up continue in later executions; let them finish first.
      emulator.advance(DAY);
      const [run] = apply(emulator, 'mentee', { name: 'Last One', email: 'last@example.org' });
      expect(run!.ok).toBe(true);
      return run!.calls;
    };
    const small = measure(10);
    const large = measure(2000);
    expect(Object.fromEntries(large)).toEqual(Object.fromEntries(small));
  });
});

describe('Check applications after intake', () => {
  it('keeps the word that an answer was shortened (the row holds only the shortened answer)', () => {
    const emulator = setUp(newCohort());
    apply(emulator, 'mentee', { name: `Seán ${'Ó'.repeat(51_000)}`, email: 'sean.long@example.org' });
    const problems = () => String(applicant(emulator, 'sean.long@example.org')[0]!.Problems);
    expect(problems()).toContain('was shortened to 200 characters');
    click(emulator, 'Check applications');
    expect(problems()).toContain('was shortened to 200 characters');
  });
});
