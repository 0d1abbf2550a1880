import type { Emulator } from '../../src/emulator/Emulator';
import { SubmissionRefused } from '../../src/emulator/forms/submit';
import { answers, apply, click, formId, rows, settings } from '../support/cohort';
import { afterTheFinale, allCells, at, EVERYONE, MENTORS, moveTo, personalCells, say } from './close.helpers';
import { answerCheckIn } from './keepInTouch.helpers';

const NEXT = 'Start the next cohort';
const setting = (emulator: Emulator, key: string) =>
  rows(emulator, 'Settings').find((r) => r.Key === key)?.Value;
const hidden = (emulator: Emulator) =>
  emulator.spreadsheets.active.doc.sheets
    .filter((s) => s.hidden)
    .map((s) => s.name)
    .sort();
const formSubmitTriggers = (emulator: Emulator) =>
  emulator.script.triggers().filter((t) => t.kind === 'onFormSubmit');

/** The 2025 cohort, closed on 1 December, the next started on 5 January 2026. */
function nextStarted(
  months = 12,
  meanwhile: (emulator: Emulator) => void = () => {},
): { emulator: Emulator; oldForms: Record<string, string>; text: string } {
  const emulator = afterTheFinale();
  meanwhile(emulator);
  settings(emulator, { retentionMonths: String(months) });
  say(emulator, 'Invite to the evaluation');
  moveTo(emulator, at('2025-12-01T10:00:00Z'));
  say(emulator, 'Close the programme');
  moveTo(emulator, at('2026-01-05T10:00:00Z'));
  const oldForms = Object.fromEntries(
    (['mentor', 'mentee', 'choices', 'check-in'] as const).map((f) => [f, formId(emulator, f)]),
  );
  return { emulator, oldForms, text: say(emulator, NEXT) };
}

describe('Start the next cohort', () => {
  it('waits for Close the programme', () => {
    const emulator = afterTheFinale();
    expect(say(emulator, NEXT)).toContain('is still running: the programme ends on Sunday 30 November 2025');
    moveTo(emulator, at('2025-12-02T10:00:00Z'));
    expect(say(emulator, NEXT)).toContain('Run Mentoring → Close the programme first');
    expect(setting(emulator, 'programmeName')).toBe('Libraries Connected Peer Mentoring Scheme 2025');
  });

  it('rolls the dates and the name once, keeping each date on its weekday; a second click changes nothing', () => {
    const { emulator, text } = nextStarted();
    expect(text).toContain('Start the 2026 cohort from the 2025 one.');
    expect(text).toContain(
      '• Programme name: "Libraries Connected Peer Mentoring Scheme 2025" → "Libraries Connected Peer Mentoring Scheme 2026"',
    );
    expect(text).toContain(
      '• Application deadline: Friday 18 April 2025, 11.59pm → Friday 17 April 2026, 11.59pm',
    );
    expect(text).toContain('• Launch event and speed dating: Wednesday 7 May 2025 → Wednesday 6 May 2026');
    expect(text).toContain('The 2026 cohort has started');
    expect(setting(emulator, 'programmeName')).toBe('Libraries Connected Peer Mentoring Scheme 2026');
    expect(setting(emulator, 'applicationDeadline')).toBe('2026-04-17 23:59');
    // The new application forms ask for applications by the new deadline, not last year's.
    for (const role of ['mentor', 'mentee'] as const) {
      const { title, description } = emulator.forms.data(formId(emulator, role))!;
      expect(title).toBe(`Libraries Connected Peer Mentoring Scheme 2026: apply as a ${role}`);
      expect(description).toContain('Please apply by Friday 17 April 2026, 11.59pm.');
      expect(description).not.toContain('2025');
    }
    expect(setting(emulator, 'programmeEndDate')).toBe('2026-11-29');
    expect(setting(emulator, 'calendarName')).toBe('Peer Mentoring Scheme 2026');
    const dates = Object.fromEntries(rows(emulator, 'Programme').map((r) => [r.Key, r.Date]));
    expect(dates).toMatchObject({ launch: '2026-05-06', finale: '2026-11-24', 'drop-in-1': '2026-07-07' });
    expect(rows(emulator, 'Programme').every((r) => r['Event ID'] === '' && r.Invitations === '')).toBe(true);

    const before = JSON.stringify([rows(emulator, 'Settings'), rows(emulator, 'Programme')]);
    expect(say(emulator, NEXT)).toContain('The 2026 cohort is still running');
    expect(JSON.stringify([rows(emulator, 'Settings'), rows(emulator, 'Programme')])).toBe(before);
  });

  it('keeps the 2025 tabs, renamed and hidden, and leaves empty people tabs for 2026', () => {
    const { emulator } = nextStarted();
    expect(hidden(emulator)).toEqual(
      [
        '2025 Applicants',
        '2025 Attention',
        '2025 CheckIns',
        '2025 Choices',
        '2025 Form Responses 1',
        '2025 Form Responses 2',
        '2025 Form Responses 3',
        '2025 Form Responses 4',
        '2025 Form Responses 5',
        '2025 Launch',
        '2025 Log',
        '2025 Matches',
        '2025 Outbox',
      ].sort(),
    );
    expect(rows(emulator, '2025 Applicants')).toHaveLength(EVERYONE.length);
    for (const tab of ['Applicants', 'Choices', 'Matches', 'Outbox', 'Changes'])
      expect(rows(emulator, tab)).toEqual([]);
    expect(rows(emulator, 'Log').map((r) => r.Action)).toEqual(['Start the next cohort']);
    expect(personalCells(allCells(emulator).filter((c) => !c.where.startsWith('2025 ')))).toEqual([]);
    expect(rows(emulator, 'Templates').length).toBeGreaterThan(10);
  });

  it("puts Cohort's tabs first and the new response tabs last, and the 2025 tabs stay hidden when tabs are put in order", () => {
    const { emulator } = nextStarted();
    const order = () => emulator.spreadsheets.active.doc.sheets.map((s) => s.name);
    const responses = (['mentor', 'mentee'] as const).map(
      (f) => JSON.parse(emulator.properties.stores.script.values.get(`form:${f}`)!).responseTab as string,
    );
    expect(order().slice(0, 2)).toEqual(['Settings', 'Programme']);
    expect(order().slice(-2).sort()).toEqual([...responses].sort());
    // Every 2025 tab but the anonymous Summary, hidden still after the moves (and after another set-up).
    const kept = order().filter((t) => t.startsWith('2025 ') && t !== '2025 Summary');
    expect(kept).toHaveLength(13);
    expect(hidden(emulator)).toEqual([...kept].sort());
    // The coordinator drags an earlier tab to the front (shown, moved, hidden again): set-up moves it back.
    const sheets = emulator.spreadsheets.active.doc.sheets;
    sheets.unshift(
      ...sheets.splice(
        sheets.findIndex((t) => t.name === '2025 Applicants'),
        1,
      ),
    );
    click(emulator, 'Set up programme');
    expect(order()[0]).toBe('Settings');
    expect(order().slice(-2).sort()).toEqual([...responses].sort());
    expect(hidden(emulator)).toEqual([...kept].sort());
  });

  it('makes new forms that take applications into the 2026 cohort only; the old ones take none', () => {
    const { emulator, oldForms } = nextStarted();
    expect(formId(emulator, 'mentor')).not.toBe(oldForms.mentor);
    expect(() => emulator.forms.submit(oldForms.mentor!, answers('mentor', MENTORS[0]!))).toThrow(
      SubmissionRefused,
    );
    expect(formSubmitTriggers(emulator)).toHaveLength(1);
    const oldRows = JSON.stringify(rows(emulator, '2025 Applicants'));
    apply(emulator, 'mentor', MENTORS[0]!);
    apply(emulator, 'mentee', {
      name: 'Nia Howells',
      email: 'nia.howells@cwmderi.example',
      libraryService: 'Cwmderi Libraries',
    });
    const applicants = rows(emulator, 'Applicants');
    expect(applicants.map((r) => [r.ID, r.Email])).toEqual([
      ['MR-001', MENTORS[0]!.email],
      ['ME-001', 'nia.howells@cwmderi.example'],
    ]);
    expect(JSON.stringify(rows(emulator, '2025 Applicants'))).toBe(oldRows);
    // Siân applied in 2025 too: she is acknowledged for 2026, once.
    const acks = emulator.mail.sent.filter(
      (m) => m.to[0] === MENTORS[0]!.email && /Thank you for applying/.test(m.subject),
    );
    expect(acks).toHaveLength(2);
    expect(acks[1]!.body).toContain('Libraries Connected Peer Mentoring Scheme 2026');
    const ref = JSON.parse(emulator.properties.stores.script.values.get('form:mentor')!) as {
      publishedUrl: string;
    };
    expect(rows(emulator, 'Forms').find((r) => r.Form === 'Mentor application')?.['Link to share']).toBe(
      ref.publishedUrl,
    );
  });

  it('erases the archived 2025 data when its time comes, leaving the 2026 cohort as it is', () => {
    const { emulator } = nextStarted(6);
    apply(emulator, 'mentee', {
      name: 'Nia Howells',
      email: 'nia.howells@cwmderi.example',
      libraryService: 'Cwmderi Libraries',
    });
    moveTo(emulator, at('2026-05-31T12:00:00Z'));
    expect(say(emulator, 'Close the programme')).toContain(
      'The personal data of the 2025 cohort is kept until Sunday 31 May 2026; it falls due for erasure on Monday 1 June 2026.',
    );
    moveTo(emulator, at('2026-06-01T12:00:00Z'));
    const reminder = emulator.mail.sent.filter((m) => m.subject.startsWith('Time to erase'));
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.body).toContain(
      'Libraries Connected Peer Mentoring Scheme 2025 ended on Sunday 30 November 2025',
    );
    const text = say(emulator, 'Close the programme');
    expect(text).toContain('ERASE the personal data of the 2025 cohort');
    expect(text).toContain('2025 Applicants');
    expect(personalCells(allCells(emulator))).toEqual([]);
    expect(rows(emulator, 'Applicants').map((r) => r.Name)).toEqual(['Nia Howells']);
    expect(rows(emulator, '2025 Applicants').every((r) => r.Name === 'Erased')).toBe(true);
  });
});

describe('Erase a person, after the next cohort has started', () => {
  it('reaches the earlier cohort’s kept tabs and forms too', () => {
    const sian = MENTORS[0]!;
    const { emulator, oldForms } = nextStarted(12, (e) => {
      answerCheckIn(e, sian.email, { note: 'Our sessions keep me going.' });
      answerCheckIn(e, MENTORS[1]!.email);
    });
    // Her 2025 check-in answers, kept inside the 2025 check-in form under her personal code.
    const hers = () =>
      emulator.forms
        .data(oldForms['check-in']!)!
        .responses.filter((r) => r.answers.some((a) => String(a.value).startsWith('MR-001:'))).length;
    const others = () => emulator.forms.data(oldForms['check-in']!)!.responses.length - hers();
    expect(hers()).toBeGreaterThan(0);
    const othersBefore = others();
    emulator.rt.dialogs = {
      alert: (_t, _m, buttons) => (buttons.includes('YES') ? 'YES' : 'OK'),
      prompt: () => ({ button: 'OK', text: sian.email }),
    };
    click(emulator, 'Erase a person');
    // As for the current cohort: other people's own answers (a mentee's choices name their mentor)
    // are left as given; everything else, the 2025 check-ins and Log included, no longer names her.
    const left = allCells(emulator)
      .filter((c) => !/Form Responses 3!/.test(c.where))
      .filter((c) => c.text.includes(sian.name) || c.text.toLowerCase().includes(sian.email));
    expect(left).toEqual([]);
    expect(rows(emulator, '2025 Applicants').find((r) => r.ID === 'MR-001')?.Name).toBe('Erased');
    const mentorForm = emulator.forms.data(oldForms.mentor!)!;
    expect(mentorForm.responses.some((r) => r.answers.some((a) => String(a.value) === sian.email))).toBe(
      false,
    );
    expect(hers()).toBe(0);
    expect(others()).toBe(othersBefore);
    // Everyone else is still there, until their own erasure.
    expect(personalCells(allCells(emulator), [MENTORS[1]!]).length).toBeGreaterThan(0);
  });
});
