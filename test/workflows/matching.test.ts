import { choicesLinkAnswers } from '../../src/cli/participant';
import type { Emulator } from '../../src/emulator/Emulator';
import {
  answers,
  apply,
  click,
  edit,
  formId,
  mailTo,
  newCohort,
  rows,
  settings,
  setUp,
} from '../support/cohort';

const AREAS = ['Budgeting', 'Restructures', 'Capital projects', 'Service transformation'];

/** A cohort with `mentors` and `mentees` selected (mentor i is in service i; mentee j in a different one). */
function selectedCohort(mentors: number, mentees: number, options: { quota?: number } = {}): Emulator {
  const emulator = setUp(newCohort({ mailQuota: options.quota ?? 100_000 }));
  for (let i = 0; i < mentors; i++) {
    apply(emulator, 'mentor', {
      name: `Mentor ${i}`,
      email: `mentor${i}@example.org`,
      libraryService: `Service ${i}`,
      areas: [AREAS[i % 4]!],
      capacity: 1 + (i % 2),
    });
  }
  for (let j = 0; j < mentees; j++) {
    apply(emulator, 'mentee', {
      name: `Mentee ${j}`,
      email: `mentee${j}@example.org`,
      libraryService: `Home ${j}`,
      areas: [AREAS[j % 4]!],
    });
  }
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  return emulator;
}

function choose(emulator: Emulator, mentee: number, picks: number[]): void {
  const form = emulator.forms.data(formId(emulator, 'choices'))!;
  const options = form.items.find((i) => i.title.includes('first choice'))!.choices!;
  const label = (m: number) => options.find((o) => o.startsWith(`Mentor ${m} `))!;
  const submission = emulator.forms.submit(formId(emulator, 'choices'), {
    ...choicesLinkAnswers(emulator, `mentee${mentee}@example.org`),
    'Your work email address': `mentee${mentee}@example.org`,
    'Your first choice of mentor': label(picks[0]!),
    'Your second choice of mentor': label(picks[1]!),
    'Your third choice of mentor': label(picks[2]!),
  });
  emulator.deliverFormSubmit(submission!);
}

/** Three mentors and two mentees, who chose; matching run: mentee 0 with mentor 0, 1 with 1. */
function matchedCohort(): Emulator {
  const emulator = selectedCohort(3, 2);
  click(emulator, 'Open mentor choices');
  choose(emulator, 0, [0, 1, 2]);
  choose(emulator, 1, [1, 0, 2]);
  click(emulator, 'Run matching');
  return emulator;
}

const pairOf = (emulator: Emulator, mentee: string) =>
  rows(emulator, 'Matches').find((r) => r.Mentee === mentee);

describe('Mentor choices', () => {
  it('lists the selected mentors, emails each selected mentee the link once, and records choices', () => {
    const emulator = selectedCohort(4, 3);
    click(emulator, 'Open mentor choices');
    click(emulator, 'Open mentor choices');
    for (let j = 0; j < 3; j++)
      expect(
        mailTo(emulator, `mentee${j}@example.org`).filter((m) => m.subject === 'Choose your mentors'),
      ).toHaveLength(1);
    const options = emulator.forms
      .data(formId(emulator, 'choices'))!
      .items.find((i) => i.title.includes('first choice'))!.choices!;
    expect(options).toEqual([
      'Mentor 0 — Service 0',
      'Mentor 1 — Service 1',
      'Mentor 2 — Service 2',
      'Mentor 3 — Service 3',
    ]);
    choose(emulator, 0, [1, 2, 3]);
    choose(emulator, 0, [2, 1, 3]);
    const choices = rows(emulator, 'Choices');
    expect(choices).toHaveLength(1);
    expect(choices[0]).toMatchObject({
      '1st choice': 'Mentor 2 (MR-003)',
      '2nd choice': 'Mentor 1 (MR-002)',
      Submissions: 2,
      Problems: '',
    });
  });

  it('refreshes the form when the selected mentors change, keeping its link', () => {
    const emulator = selectedCohort(3, 2);
    click(emulator, 'Open mentor choices');
    const id = formId(emulator, 'choices');
    edit(emulator, 'Applicants', (r) => r.Name === 'Mentor 2', { Status: 'Withdrawn' });
    click(emulator, 'Open mentor choices');
    expect(formId(emulator, 'choices')).toBe(id);
    const options = emulator.forms.data(id)!.items.find((i) => i.title.includes('first choice'))!.choices!;
    expect(options).toHaveLength(2);
  });

  it('flags a mentor chosen twice and a respondent who is not a selected mentee', () => {
    const emulator = selectedCohort(3, 2);
    click(emulator, 'Open mentor choices');
    choose(emulator, 0, [1, 1, 2]);
    expect(String(rows(emulator, 'Choices')[0]!.Problems)).toMatch(/same mentor chosen twice/i);
    edit(emulator, 'Applicants', (r) => r.Name === 'Mentee 1', { Status: 'Waitlisted' });
    choose(emulator, 1, [0, 1, 2]);
    expect(
      String(rows(emulator, 'Choices').find((r) => r['Mentee email'] === 'mentee1@example.org')!.Problems),
    ).toMatch(/not a selected mentee/i);
  });
});

describe('Run matching and Announce pairs', () => {
  it('gives every mentee their first choice when capacity allows, with a reason', () => {
    const emulator = selectedCohort(3, 3);
    click(emulator, 'Open mentor choices');
    choose(emulator, 0, [0, 1, 2]);
    choose(emulator, 1, [1, 0, 2]);
    choose(emulator, 2, [2, 0, 1]);
    click(emulator, 'Run matching');
    for (let j = 0; j < 3; j++) {
      const pair = pairOf(emulator, `Mentee ${j}`)!;
      expect(pair).toMatchObject({ 'Mentor ID': `MR-00${j + 1}`, 'Choice rank': '1st', Status: 'Proposed' });
      expect(String(pair.Reason)).toMatch(/^1st choice/);
    }
  });

  it('introduces each pair with the handbook and the video from Settings, as links, and without them when empty', () => {
    const emulator = matchedCohort();
    settings(emulator, {
      handbookUrl: 'https://libraries.example/mentoring-handbook',
      videoUrl: 'https://video.example/mentoring',
    });
    click(emulator, 'Announce pairs');
    const intro = mailTo(emulator, 'mentee0@example.org').find((m) => m.subject === 'Meet your mentor')!;
    expect(intro.body).toContain(
      'The mentoring handbook, with templates to plan your meetings: https://libraries.example/mentoring-handbook',
    );
    expect(intro.body).toContain('A short video about mentoring: https://video.example/mentoring');
    expect(intro.htmlBody).toContain('href="https://libraries.example/mentoring-handbook"');
    const mentor = mailTo(emulator, 'mentor1@example.org').find((m) => m.subject === 'Meet your mentee')!;
    expect(mentor.body).toContain('https://libraries.example/mentoring-handbook');
    // Without them, the paragraph is simply not there.
    const bare = selectedCohort(3, 1);
    click(bare, 'Open mentor choices');
    choose(bare, 0, [0, 1, 2]);
    click(bare, 'Run matching');
    click(bare, 'Announce pairs');
    const plain = mailTo(bare, 'mentee0@example.org').find((m) => m.subject === 'Meet your mentor')!;
    expect(plain.body).not.toMatch(/handbook|video/i);
    expect(plain.body).not.toMatch(/\n\n\n/);
  });

  it('keeps Locked pairs and never makes Excluded ones on a re-run', () => {
    const emulator = selectedCohort(3, 2);
    click(emulator, 'Open mentor choices');
    choose(emulator, 0, [0, 1, 2]);
    choose(emulator, 1, [0, 1, 2]);
    click(emulator, 'Run matching');
    edit(emulator, 'Matches', (r) => r.Mentee === 'Mentee 0', { Status: 'Excluded' });
    edit(emulator, 'Matches', (r) => r.Mentee === 'Mentee 1', { 'Mentor ID': 'MR-003', Status: 'Locked' });
    click(emulator, 'Run matching');
    const matches = rows(emulator, 'Matches');
    expect(matches.find((r) => r.Mentee === 'Mentee 1' && r.Status === 'Locked')).toMatchObject({
      'Mentor ID': 'MR-003',
    });
    expect(matches.find((r) => r.Mentee === 'Mentee 0' && r.Status === 'Excluded')).toBeDefined();
    const proposed = matches.find((r) => r.Mentee === 'Mentee 0' && r.Status === 'Proposed')!;
    expect(proposed['Mentor ID']).not.toBe(
      matches.find((r) => r.Mentee === 'Mentee 0' && r.Status === 'Excluded')!['Mentor ID'],
    );
  });

  it('announces each pair once, and after a change tells only the people affected', () => {
    const emulator = matchedCohort();
    click(emulator, 'Announce pairs');
    click(emulator, 'Announce pairs');
    const meet = (to: string, subject: string) => mailTo(emulator, to).filter((m) => m.subject === subject);
    expect(meet('mentee0@example.org', 'Meet your mentor')).toHaveLength(1);
    expect(meet('mentor0@example.org', 'Meet your mentee')).toHaveLength(1);
    expect(meet('mentee0@example.org', 'Meet your mentor')[0]!.body).toContain('Mentor 0');
    const before = emulator.mail.sent.length;
    // The coordinator moves mentee 0 to mentor 2 and locks it.
    edit(emulator, 'Matches', (r) => r.Mentee === 'Mentee 0', { 'Mentor ID': 'MR-003', Status: 'Locked' });
    click(emulator, 'Announce pairs');
    const after = emulator.mail.sent.slice(before);
    expect(after.map((m) => `${m.to.join()}|${m.subject}`).sort()).toEqual(
      [
        'mentee0@example.org|A correction to your mentoring pair',
        'mentor0@example.org|A change to your mentoring pair',
        'mentor2@example.org|Meet your mentee',
      ].sort(),
    );
    // Clicked again, and after a new matching run (mentor 0 now has no mentee): nothing goes twice,
    // and mentor 0, told of the change, is not told they were never given a mentee.
    const corrected = emulator.mail.sent.length;
    click(emulator, 'Announce pairs');
    expect([...emulator.rt.shown].reverse().find((m) => m.kind === 'alert')?.text).toContain(
      'nothing new to send',
    );
    click(emulator, 'Run matching');
    expect(
      rows(emulator, 'Matches').some((r) => r['Mentor ID'] === 'MR-001' && r.Status === 'No mentee'),
    ).toBe(true);
    click(emulator, 'Announce pairs');
    expect(emulator.mail.sent.slice(corrected).map((m) => `${m.to.join()}|${m.subject}`)).toEqual([]);
    expect(meet('mentee0@example.org', 'Meet your mentor')).toHaveLength(1);
    // The coordinator moves mentee 0 back to mentor 0, then to mentor 2 again: each move is told,
    // once, to the three people it concerns, though each has heard of this pairing before.
    const said = (since: number) =>
      emulator.mail.sent
        .slice(since)
        .filter((m) => m.via === 'MailApp')
        .map(
          (m) =>
            `${m.to.join()}|${m.subject}|${/Mentor \d|Mentee \d/.exec(m.body.slice(m.body.indexOf(',')))?.[0]}`,
        )
        .sort();
    for (const [to, from] of [
      ['MR-001', 'MR-003'],
      ['MR-003', 'MR-001'],
    ] as const) {
      const since = emulator.mail.sent.length;
      edit(emulator, 'Matches', (r) => r.Mentee === 'Mentee 0', { 'Mentor ID': to, Status: 'Locked' });
      click(emulator, 'Announce pairs');
      click(emulator, 'Announce pairs');
      const n = (id: string) => Number(id.slice(3)) - 1;
      expect(said(since)).toEqual(
        [
          `mentee0@example.org|A correction to your mentoring pair|Mentor ${n(to)}`,
          `mentor${n(to)}@example.org|Meet your mentee|Mentee 0`,
          `mentor${n(from)}@example.org|A change to your mentoring pair|Mentee 0`,
        ].sort(),
      );
    }
  });

  it('withdraws introductions held by the quota when the coordinator changes the pair before they go', () => {
    const emulator = matchedCohort();
    emulator.mail.setDailyQuota(0);
    click(emulator, 'Announce pairs');
    const before = emulator.mail.sent.length;
    edit(emulator, 'Matches', (r) => r.Mentee === 'Mentee 0', { 'Mentor ID': 'MR-003', Status: 'Locked' });
    click(emulator, 'Announce pairs');
    emulator.mail.setDailyQuota(100_000);
    click(emulator, 'Announce pairs');
    const sent = emulator.mail.sent.slice(before).filter((m) => m.via === 'MailApp');
    const to = (who: string) => sent.filter((m) => m.to.includes(who)).map((m) => m.subject);
    expect(to('mentee0@example.org')).toEqual(['Meet your mentor']);
    expect(sent.find((m) => m.to.includes('mentee0@example.org'))!.body).toContain('Mentor 2');
    expect(to('mentor0@example.org')).toEqual([]);
    expect(to('mentor2@example.org')).toEqual(['Meet your mentee']);
    expect(to('mentee1@example.org')).toEqual(['Meet your mentor']);
    const old = rows(emulator, 'Outbox').filter((r) =>
      /:MR-001$|^pair-announcement-mentor:mentor0@/.test(String(r.Key)),
    );
    expect(old.map((r) => r.Status)).toEqual(['skipped', 'skipped']);
    expect(old[0]!.Error).toContain('the pair changed before it could go');
  });

  it('uses a fixed number of spreadsheet calls for 2,000 mentees as for 20', () => {
    const sheetCalls = (mentees: number) => {
      const emulator = setUp(newCohort({ mailQuota: 100_000 }));
      // Everyone applies; the responses are taken in by one catch-up run, then all are selected.
      for (let i = 0; i < mentees / 2; i++) {
        emulator.forms.submit(
          formId(emulator, 'mentor'),
          answers('mentor', {
            name: `Mentor ${i}`,
            email: `mentor${i}@example.org`,
            libraryService: `Service ${i}`,
            areas: [AREAS[i % 4]!],
            capacity: 2,
          }),
        );
      }
      for (let j = 0; j < mentees; j++) {
        emulator.forms.submit(
          formId(emulator, 'mentee'),
          answers('mentee', {
            name: `Mentee ${j}`,
            email: `mentee${j}@example.org`,
            libraryService: `Home ${j}`,
            areas: [AREAS[j % 4]!],
          }),
        );
      }
      // Intake takes at most 1,500 responses a run; its continuations take the rest.
      emulator.run('continueIntake', undefined, 'trigger');
      emulator.advance(30 * 60_000);
      edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
      const result = click(emulator, 'Run matching');
      expect(rows(emulator, 'Matches').filter((r) => r.Status === 'Proposed').length).toBeGreaterThan(
        mentees * 0.8,
      );
      const counts = Object.fromEntries(
        [...result.calls].filter(([name]) => /^(Spreadsheet|Sheet|Range)/.test(name)),
      );
      // Growing a sheet past its rows is one call, once, whatever the size.
      expect(counts['Sheet.insertRowsAfter'] ?? 0).toBeLessThanOrEqual(1);
      delete counts['Sheet.insertRowsAfter'];
      return counts;
    };
    expect(sheetCalls(2000)).toEqual(sheetCalls(20));
  });
});
