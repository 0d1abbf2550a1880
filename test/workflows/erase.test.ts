import { choicesLinkAnswers } from '../../src/cli/participant';
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import { apply, click, edit, formId, newCohort, rows, settings, setUp } from '../support/cohort';

const ERASE = 'Erase a person';
const SAM = { name: 'Sam Typo', email: 'sam.typo@example.org' };
const AREAS = ['Budgeting', 'Restructures', 'Capital projects'];

type Event = GoogleAppsScript.Calendar.Schema.Event;

/** Answers "Erase a person"'s prompt with `email`, every question with `confirm`; keeps what was shown. */
function answering(
  emulator: Emulator,
  email: string | null,
  confirm: 'YES' | 'NO' = 'YES',
): Array<{ title: string; text: string }> {
  const seen: Array<{ title: string; text: string }> = [];
  emulator.rt.dialogs = {
    alert: (title, text, buttons) => {
      seen.push({ title, text });
      return buttons.includes('YES') ? confirm : 'OK';
    },
    prompt: (title, text) => {
      seen.push({ title, text });
      return email === null ? { button: 'CANCEL', text: '' } : { button: 'OK', text: email };
    },
  };
  return seen;
}

function erase(emulator: Emulator, email: string | null, confirm: 'YES' | 'NO' = 'YES') {
  const seen = answering(emulator, email, confirm);
  const result: ExecutionResult = click(emulator, ERASE);
  expect(result.ok).toBe(true);
  return seen;
}

function choose(emulator: Emulator, email: string, picks: number[]): void {
  const form = emulator.forms.data(formId(emulator, 'choices'))!;
  const options = form.items.find((i) => i.title.includes('first choice'))!.choices!;
  const label = (m: number) => options.find((o) => o.startsWith(`Mentor ${m} `))!;
  emulator.submitForm(formId(emulator, 'choices'), {
    ...choicesLinkAnswers(emulator, email),
    'Your work email address': email,
    'Your first choice of mentor': label(picks[0]!),
    'Your second choice of mentor': label(picks[1]!),
    'Your third choice of mentor': label(picks[2]!),
  });
}

/**
 * A cohort that has gone through everything: applications (Sam twice, the second time with the
 * address typed in capitals), decisions, choices, matching, pair announcements and calendar invites.
 */
function fullCohort(): Emulator {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  settings(emulator, { coordinatorEmail: 'coordinator@example.org' });
  for (let i = 0; i < 3; i++)
    apply(emulator, 'mentor', {
      name: `Mentor ${i}`,
      email: `mentor${i}@example.org`,
      libraryService: `Service ${i}`,
      areas: [AREAS[i]!],
    });
  apply(emulator, 'mentee', { name: 'Alex Other', email: 'alex@example.org', libraryService: 'Home A' });
  apply(emulator, 'mentee', { ...SAM, libraryService: 'Home S' });
  apply(emulator, 'mentee', { name: SAM.name, email: 'Sam.Typo@Example.org', libraryService: 'Home S2' });
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  answering(emulator, null);
  click(emulator, 'Send decisions');
  click(emulator, 'Open mentor choices');
  choose(emulator, 'alex@example.org', [0, 1, 2]);
  choose(emulator, SAM.email, [1, 0, 2]);
  click(emulator, 'Run matching');
  click(emulator, 'Announce pairs');
  click(emulator, 'Send calendar invites');
  emulator.advance(10 * 60_000); // each person's copy goes out once Meet has made the date's room
  return emulator;
}

const tabNames = (emulator: Emulator) => emulator.spreadsheets.toState().sheets.map((s) => s.name);

/** Every cell, in every tab, whose text holds `needle` (any case): "Tab!R2C5". */
function cellsHolding(emulator: Emulator, needle: string): string[] {
  const found: string[] = [];
  for (const tab of tabNames(emulator)) {
    for (const [r, row] of emulator.spreadsheets.values(tab).entries()) {
      for (const [c, cell] of row.entries()) {
        if (typeof cell === 'string' && cell.toLowerCase().includes(needle.toLowerCase()))
          found.push(`${tab}!R${r + 1}C${c + 1}`);
      }
    }
  }
  return found;
}

/** The events of each programme date: its host event and everyone's own copy. */
function eventsByKey(emulator: Emulator): Map<string, Event[]> {
  const out = new Map<string, Event[]>();
  for (const e of emulator.calendar.events()) {
    const key = e.extendedProperties?.private?.cohortKey ?? '';
    out.set(key, [...(out.get(key) ?? []), e]);
  }
  return out;
}
const guests = (list: Event[] | undefined) =>
  (list ?? []).flatMap((e) => e.attendees ?? []).map((a) => (a.email ?? '').toLowerCase());

const responsesHolding = (emulator: Emulator, form: 'mentor' | 'mentee' | 'choices', email: string) =>
  emulator.forms
    .data(formId(emulator, form))!
    .responses.filter((r) => r.answers.some((a) => String(a.value).toLowerCase() === email)).length;

const logLines = (emulator: Emulator) =>
  rows(emulator, 'Log')
    .filter((r) => r.Action === ERASE)
    .map((r) => String(r.Message));

describe('Erase a person', () => {
  it('removes their name and address from every tab, form, outbox entry and future event, leaving an anonymous audit line', () => {
    const emulator = fullCohort();
    const samId = String(rows(emulator, 'Applicants').find((r) => r.Name === SAM.name)!.ID);
    // Before: the data really is everywhere the test looks.
    const before = cellsHolding(emulator, SAM.email).map((c) => c.split('!')[0]);
    for (const tab of ['Applicants', 'Outbox', 'Choices']) expect(before).toContain(tab);
    expect(cellsHolding(emulator, SAM.name).map((c) => c.split('!')[0])).toContain('Matches');
    expect(responsesHolding(emulator, 'mentee', SAM.email)).toBe(2);
    expect(responsesHolding(emulator, 'choices', SAM.email)).toBe(1);
    expect(guests(eventsByKey(emulator).get('training'))).toContain(SAM.email);
    const samMentor = String(rows(emulator, 'Matches').find((r) => r['Mentee ID'] === samId)!['Mentor ID']);
    const mentorRows = rows(emulator, 'Applicants').filter((r) => r.ID === samMentor);
    expect(
      rows(emulator, 'Outbox').some(
        (r) => r.To === mentorRows[0]!.Email && String(r.Body).includes(SAM.name),
      ),
    ).toBe(true);

    // The launch has happened; the training and the finale are still to come.
    emulator.advance(Date.UTC(2025, 4, 8) - emulator.rt.clock.now());
    const mailBefore = emulator.mail.sent.length;
    const seen = erase(emulator, ' Sam.Typo@EXAMPLE.org ');

    const preview = seen.find((s) => s.text.includes('Go ahead?'))!.text;
    expect(preview).toContain(`(${samId})`);
    expect(preview).toMatch(/Applicants: 1 row\b/);
    expect(preview).toMatch(/3 rows in the response tabs .* 3 responses kept inside the Google Forms/);

    expect(cellsHolding(emulator, SAM.email)).toEqual([]);
    expect(cellsHolding(emulator, 'sam.typo')).toEqual([]);
    expect(cellsHolding(emulator, SAM.name)).toEqual([]);
    // Their check-in keeps its round and status (it went), not their answers.
    const samCheckIns = rows(emulator, 'CheckIns').filter((r) => r['Person ID'] === samId);
    expect(samCheckIns).toHaveLength(1);
    for (const row of samCheckIns)
      expect(row).toMatchObject({ Name: 'Erased', 'For the coordinator': '', 'Wants the coach': '' });

    const applicant = rows(emulator, 'Applicants').find((r) => r.ID === samId)!;
    expect(applicant).toMatchObject({
      Name: 'Erased',
      Email: '',
      Status: 'Withdrawn',
      Role: 'Mentee',
      'Library service': '',
      Statement: '',
    });
    expect(String(applicant['Submission history'])).toMatch(/^2 submissions: /);
    expect(rows(emulator, 'Applicants')).toHaveLength(5);

    // Raw responses: their rows keep only the time; everyone else's are untouched.
    for (const form of ['mentee', 'choices'] as const) {
      const tab = JSON.parse(emulator.properties.stores.script.values.get(`form:${form}`)!)
        .responseTab as string;
      const blanked = rows(emulator, tab).filter((r) =>
        Object.entries(r).every(([h, v]) => h === 'Timestamp' || v === ''),
      );
      expect(blanked.length).toBe(form === 'mentee' ? 2 : 1);
      for (const r of blanked) expect(Object.prototype.toString.call(r.Timestamp)).toBe('[object Date]');
      expect(rows(emulator, tab).some((r) => Object.values(r).includes('alex@example.org'))).toBe(true);
      expect(responsesHolding(emulator, form, SAM.email)).toBe(0);
      expect(responsesHolding(emulator, form, 'alex@example.org')).toBe(1);
    }

    // Outbox: the rows that went to them stay (so nothing goes twice) without address, text or the address in the key.
    const outbox = rows(emulator, 'Outbox');
    const erased = outbox.filter((r) => String(r.Key).includes(':erased-'));
    expect(erased.length).toBeGreaterThanOrEqual(4); // acknowledgement, decision, choices link, pair announcement
    for (const r of erased)
      expect(r).toMatchObject({ To: '', Name: '', Subject: '', Body: '', Status: 'sent' });
    expect(new Set(outbox.map((r) => r.Key)).size).toBe(outbox.length);
    const toMentor = outbox.find(
      (r) => r.To === mentorRows[0]!.Email && String(r.Key).startsWith('pair-announcement-mentor'),
    )!;
    // The mentor's copy of the announcement was about Sam: its text is replaced by a note, the row stays sent.
    expect(String(toMentor.Body)).toContain('erased at their request');
    expect(String(toMentor.Body)).not.toContain('Sam');
    expect(toMentor.Status).toBe('sent');

    expect(rows(emulator, 'Choices').find((r) => r['Mentee ID'] === samId)).toMatchObject({
      'Mentee email': '',
      Mentee: 'Erased',
      '1st choice': '',
    });
    // Sam's pair had been announced: it has ended (the mentor is told, without Sam's name).
    expect(rows(emulator, 'Matches').find((r) => r['Mentee ID'] === samId)).toMatchObject({
      Mentee: 'Erased',
      Status: 'Ended',
      'Why it ended': 'One of the pair left the scheme',
    });

    // Calendar: off every future event, still on the one that has happened.
    const events = eventsByKey(emulator);
    expect(guests(events.get('training'))).not.toContain(SAM.email);
    expect(guests(events.get('finale'))).not.toContain(SAM.email);
    expect(guests(events.get('training'))).toContain('alex@example.org');
    expect(guests(events.get('launch'))).toContain(SAM.email);
    // Nothing was emailed to them but Google's own cancellations.
    for (const m of emulator.mail.sent.slice(mailBefore).filter((m) => m.to.includes(SAM.email)))
      expect(m.via).toBe('Calendar');

    // The audit line says what went, and names no one.
    const [audit] = logLines(emulator);
    expect(audit).toMatch(
      new RegExp(
        `^Erased one person's data \\(applicant ID ${samId}\\): 1 applicant row, 3 response rows, 3 responses inside the forms, \\d+ outbox entries, 1 choices row, 1 matches row, 1 check-in row, their place on 2 future events`,
      ),
    );
    expect(audit).not.toMatch(/sam|typo/i);
    for (const value of emulator.properties.stores.script.values.values())
      expect(value.toLowerCase()).not.toContain('sam.typo');
  });

  it('finds nothing the second time and says so; intake does not bring the blanked responses back', () => {
    const emulator = fullCohort();
    erase(emulator, SAM.email);
    const applicants = rows(emulator, 'Applicants').length;
    const seen = erase(emulator, SAM.email);
    expect(seen.at(-1)!.text).toMatch(/^Nothing was found for that address/);
    expect(seen.some((s) => s.text.includes('Go ahead?'))).toBe(false);
    expect(logLines(emulator)).toHaveLength(2);
    expect(logLines(emulator)[1]).not.toMatch(/sam/i);

    click(emulator, 'Check applications');
    apply(emulator, 'mentee', { name: 'New Person', email: 'new@example.org' });
    expect(rows(emulator, 'Applicants')).toHaveLength(applicants + 1);
    expect(cellsHolding(emulator, SAM.email)).toEqual([]);
    expect(cellsHolding(emulator, SAM.name)).toEqual([]);
  });

  it('changes nothing when the coordinator cancels the prompt or says no', () => {
    const emulator = fullCohort();
    const snapshot = () => tabNames(emulator).map((t) => JSON.stringify(emulator.spreadsheets.values(t)));
    const before = snapshot();
    erase(emulator, null);
    erase(emulator, SAM.email, 'NO');
    expect(snapshot()).toEqual(before);
    expect(responsesHolding(emulator, 'mentee', SAM.email)).toBe(2);
  });

  it("erasing a mentor renames them in other mentees' choices and pairs and takes them off the choices form", () => {
    const emulator = fullCohort();
    const mentor = rows(emulator, 'Applicants').find((r) => r.Name === 'Mentor 1')!;
    const seen = erase(emulator, 'mentor1@example.org');
    expect(seen.find((s) => s.text.includes('Go ahead?'))!.text).toMatch(
      /other people's form responses mention them/,
    );

    const options = emulator.forms
      .data(formId(emulator, 'choices'))!
      .items.find((i) => i.title.includes('first choice'))!.choices!;
    expect(options.some((o) => o.startsWith('Mentor 1 '))).toBe(false);
    expect(options.some((o) => o.startsWith('Mentor 0 '))).toBe(true);
    const alex = rows(emulator, 'Choices').find((r) => r['Mentee email'] === 'alex@example.org')!;
    expect(alex['2nd choice']).toBe(`Erased (${String(mentor.ID)})`);
    for (const r of rows(emulator, 'Matches').filter((m) => m['Mentor ID'] === mentor.ID))
      expect(r).toMatchObject({ Mentor: 'Erased', Status: 'Ended' });

    // Only other people's own answers (their raw choices) still name the mentor: reported, not changed.
    const choicesTab = JSON.parse(emulator.properties.stores.script.values.get('form:choices')!)
      .responseTab as string;
    expect(new Set(cellsHolding(emulator, 'Mentor 1').map((c) => c.split('!')[0]))).toEqual(
      new Set([choicesTab]),
    );
    expect(cellsHolding(emulator, 'mentor1@example.org')).toEqual([]);
    expect(logLines(emulator)[0]).toMatch(
      /answers? in other people's form responses mention them and were left as given/,
    );
    expect(logLines(emulator)[0]).not.toMatch(/Mentor 1|mentor1/);
  });
});
