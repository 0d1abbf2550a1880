/**
 * Pairs stay (Run matching after Announce pairs): an announced pair is never moved; a pair whose
 * mentee withdrew, or that the coordinator ended early, is over; the mentee without a live pair is
 * matched again into the places left, and only the people whose pair changed hear anything.
 */
import { choicesLinkAnswers } from '../../src/cli/participant';
import type { Emulator } from '../../src/emulator/Emulator';
import { apply, click, edit, formId, mailTo, newCohort, rows, settings, setUp } from '../support/cohort';

const mentorEmail = (i: number) => `mentor${i}@example.org`;
const menteeEmail = (j: number) => `mentee${j}@example.org`;
/** Mentee j applies (j+1)-th: ME-00(j+1); mentor i likewise MR-00(i+1). */
const menteeId = (j: number) => `ME-00${j + 1}`;

/**
 * Mentors with the given capacities (mentor i in Service i) and as many mentees as `picks` (mentee j
 * in Home j), all Selected, everyone listing Budgeting; mentee j chooses the mentors `picks[j]`, in
 * order, from their personal link.
 */
function cohortWith(capacities: number[], picks: Array<[number, number, number]>): Emulator {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  capacities.forEach((capacity, i) => {
    apply(emulator, 'mentor', {
      name: `Mentor ${i}`,
      email: mentorEmail(i),
      libraryService: `Service ${i}`,
      areas: ['Budgeting'],
      capacity,
    });
  });
  picks.forEach((_, j) => {
    apply(emulator, 'mentee', {
      name: `Mentee ${j}`,
      email: menteeEmail(j),
      libraryService: `Home ${j}`,
      areas: ['Budgeting'],
    });
  });
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  click(emulator, 'Open mentor choices');
  picks.forEach((p, j) => {
    choose(emulator, j, p);
  });
  return emulator;
}

function choose(emulator: Emulator, mentee: number, picks: [number, number, number]): void {
  const form = emulator.forms.data(formId(emulator, 'choices'))!;
  const options = form.items.find((i) => i.title.includes('first choice'))!.choices!;
  const label = (m: number) => options.find((o) => o.startsWith(`Mentor ${m} `))!;
  const submission = emulator.forms.submit(formId(emulator, 'choices'), {
    ...choicesLinkAnswers(emulator, menteeEmail(mentee)),
    'Your work email address': menteeEmail(mentee),
    'Your first choice of mentor': label(picks[0]),
    'Your second choice of mentor': label(picks[1]),
    'Your third choice of mentor': label(picks[2]),
  });
  emulator.deliverFormSubmit(submission!);
}

const matches = (emulator: Emulator) => rows(emulator, 'Matches');

/** Each Matches row as "Mentee ID|Mentor ID|Status", sorted. */
const statuses = (emulator: Emulator) =>
  matches(emulator)
    .map((r) => `${r['Mentee ID']}|${r['Mentor ID']}|${r.Status}`)
    .sort();

/** The emails sent since `from` (an index into mail.sent), as "to|subject", sorted. */
const sentSince = (emulator: Emulator, from: number) =>
  emulator.mail.sent
    .slice(from)
    .map((m) => `${m.to.join()}|${m.subject}`)
    .sort();

/** The text of the alerts shown since `from` (an index into rt.shown). */
const alertsSince = (emulator: Emulator, from: number) =>
  emulator.rt.shown
    .slice(from)
    .filter((m) => m.kind === 'alert')
    .map((m) => m.text);

const runMatchingLog = (emulator: Emulator) =>
  rows(emulator, 'Log')
    .filter((r) => r.Action === 'Run matching')
    .map((r) => String(r.Message));

/** The announced pair of `mentee` (by ID), as a coordinator reads it. */
const announcedPair = (emulator: Emulator, mentee: string) => {
  const row = matches(emulator).find((r) => r['Mentee ID'] === mentee && r.Status === 'Announced');
  return row && { mentor: row['Mentor ID'], reason: row.Reason, announced: row['Announced on'] };
};

/**
 * Mentors 0–2 (one place each) and mentees 0–3: mentee j < 3 chooses mentor j first; mentee 3
 * chooses mentors 0, 1, 2, all full, so is unmatched. Matched and announced.
 */
function announcedWithOneWaiting(): Emulator {
  return announced(
    [1, 1, 1],
    [
      [0, 1, 2],
      [1, 2, 0],
      [2, 0, 1],
      [0, 1, 2],
    ],
  );
}

/** cohortWith, then Run matching and Announce pairs. */
function announced(capacities: number[], picks: Array<[number, number, number]>): Emulator {
  const emulator = cohortWith(capacities, picks);
  click(emulator, 'Run matching');
  click(emulator, 'Announce pairs');
  return emulator;
}

describe('Run matching after Announce pairs: a mentee withdraws', () => {
  it('ends only their pair, tells only their mentor, and offers the place to the mentee waiting for it', () => {
    const emulator = announcedWithOneWaiting();
    expect(statuses(emulator)).toEqual([
      'ME-001|MR-001|Announced',
      'ME-002|MR-002|Announced',
      'ME-003|MR-003|Announced',
      'ME-004||Unmatched',
    ]);
    const kept = [1, 2].map((j) => announcedPair(emulator, menteeId(j)));
    expect(kept.every((p) => p && p.announced instanceof Date)).toBe(true);

    settings(emulator, { coachName: 'Dr Alex Morgan', contactName: 'Dewi Price' });
    const mailBefore = emulator.mail.sent.length;
    edit(emulator, 'Applicants', (r) => r.Email === menteeEmail(0), { Status: 'Withdrawn' });
    click(emulator, 'Run matching');

    // The other announced pairs are exactly as they were.
    expect([1, 2].map((j) => announcedPair(emulator, menteeId(j)))).toEqual(kept);
    expect(statuses(emulator)).toEqual([
      'ME-001|MR-001|Ended',
      'ME-002|MR-002|Announced',
      'ME-003|MR-003|Announced',
      'ME-004|MR-001|Proposed',
    ]);
    const ended = matches(emulator).find((r) => r['Mentee ID'] === 'ME-001')!;
    expect(String(ended['Why it ended'])).toMatch(/^Mentee 0 \(ME-001\) withdrew \(/);
    // The place Mentee 0 left goes to Mentee 3, who chose Mentor 0 first.
    expect(matches(emulator).find((r) => r['Mentee ID'] === 'ME-004')).toMatchObject({
      'Mentor ID': 'MR-001',
      'Choice rank': '1st',
      Status: 'Proposed',
    });

    expect(runMatchingLog(emulator).at(-1)).toContain(
      'Pairs that end (someone is no longer Selected; the other side is told): Mentee 0 (ME-001) with Mentor 0 (MR-001).',
    );
    expect(runMatchingLog(emulator).at(-1)).toContain(
      'New proposed pairs: Mentee 3 (ME-004) with Mentor 0 (MR-001).',
    );
    // Only Mentor 0 hears, once, that the pairing has ended.
    expect(sentSince(emulator, mailBefore)).toEqual([`${mentorEmail(0)}|A change to your mentoring pairing`]);
    const told = mailTo(emulator, mentorEmail(0)).filter(
      (m) => m.subject === 'A change to your mentoring pairing',
    );
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain(
      'Mentee 0 has withdrawn from the scheme, so your mentoring pairing with Mentee 0 has come to an end.',
    );
    expect(told[0]!.body).toContain('Thank you for the time you have given Mentee 0.');
    // The coach is still there for them; help "if things go wrong between you" is not: no pair is left.
    expect(told[0]!.body).toContain('Dr Alex Morgan, the scheme’s professional coach and supervisor');
    expect(told[0]!.body).not.toContain('Dewi Price');

    // Announce pairs introduces only the new pair: Mentee 3 and Mentor 0, once each.
    const beforeAnnounce = emulator.mail.sent.length;
    click(emulator, 'Announce pairs');
    expect(sentSince(emulator, beforeAnnounce)).toEqual(
      [`${menteeEmail(3)}|Meet your mentor`, `${mentorEmail(0)}|Meet your mentee`].sort(),
    );
    expect(mailTo(emulator, menteeEmail(3)).find((m) => m.subject === 'Meet your mentor')!.body).toContain(
      'Mentor 0 of Service 0',
    );
    expect(
      mailTo(emulator, mentorEmail(0))
        .filter((m) => m.subject === 'Meet your mentee')
        .at(-1)!.body,
    ).toContain('Mentee 3 of Home 3');
    expect(statuses(emulator)).toEqual([
      'ME-001|MR-001|Ended',
      'ME-002|MR-002|Announced',
      'ME-003|MR-003|Announced',
      'ME-004|MR-001|Announced',
    ]);
    // Mentee 0, who withdrew, heard nothing from either run.
    expect(emulator.mail.sent.slice(mailBefore).filter((m) => m.to.includes(menteeEmail(0)))).toEqual([]);
  });
});

describe('Run matching with nothing changed', () => {
  it('leaves the Matches tab as it is, sends nothing and says nothing has changed', () => {
    const emulator = announcedWithOneWaiting();
    const unchanged = (summary: string) => {
      const before = emulator.spreadsheets.values('Matches');
      const mail = emulator.mail.sent.length;
      const outbox = rows(emulator, 'Outbox').length;
      const logged = runMatchingLog(emulator).length;
      const shown = emulator.rt.shown.length;
      click(emulator, 'Run matching');
      expect(emulator.spreadsheets.values('Matches')).toEqual(before);
      expect(emulator.mail.sent.length).toBe(mail);
      expect(rows(emulator, 'Outbox')).toHaveLength(outbox);
      // It stops before the question: no run is logged, and the one dialog says why.
      expect(runMatchingLog(emulator)).toHaveLength(logged);
      const said = alertsSince(emulator, shown);
      expect(said).toHaveLength(1);
      expect(said[0]).toMatch(/^Nothing has changed since matching last ran\. /);
      expect(said[0]).toContain(summary);
    };
    // Straight after Announce pairs: three announced pairs and Mentee 3 unmatched.
    unchanged('3 of 4 selected mentees have a mentor, with 3 of 3 selected mentors');
    // After a withdrawal, its ended pair and the new pair announced: still nothing to change, twice.
    edit(emulator, 'Applicants', (r) => r.Email === menteeEmail(0), { Status: 'Withdrawn' });
    click(emulator, 'Run matching');
    click(emulator, 'Announce pairs');
    unchanged('3 of 3 selected mentees have a mentor, with 3 of 3 selected mentors');
    unchanged('3 of 3 selected mentees have a mentor, with 3 of 3 selected mentors');
  });
});

describe('a pair the coordinator ends early', () => {
  it('is over: the mentee gets a new mentor from their other choices, within capacity, and is introduced once', () => {
    // Mentor 1 has two places. Mentee 0 chooses mentors 0, 2, 1; mentees 1 and 2 take mentors 1 and 2.
    const emulator = announced(
      [1, 2, 1],
      [
        [0, 2, 1],
        [1, 0, 2],
        [2, 0, 1],
      ],
    );
    expect(statuses(emulator)).toEqual([
      'ME-001|MR-001|Announced',
      'ME-002|MR-002|Announced',
      'ME-003|MR-003|Announced',
    ]);
    const kept = [1, 2].map((j) => announcedPair(emulator, menteeId(j)));

    expect(
      edit(emulator, 'Matches', (r) => r['Mentee ID'] === 'ME-001' && r.Status === 'Announced', {
        Status: 'Ended',
        'Why it ended': 'ended early: moved job',
      }),
    ).toBe(1);
    const mailBefore = emulator.mail.sent.length;
    click(emulator, 'Run matching');
    // Nobody withdrew: Run matching itself sends nothing.
    expect(emulator.mail.sent.length).toBe(mailBefore);

    expect([1, 2].map((j) => announcedPair(emulator, menteeId(j)))).toEqual(kept);
    const ended = matches(emulator).filter((r) => r['Mentee ID'] === 'ME-001' && r.Status === 'Ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]).toMatchObject({ 'Mentor ID': 'MR-001', 'Why it ended': 'ended early: moved job' });
    // Mentor 0 (1st choice) was the ended pair's mentor, Mentor 2 (2nd) is full: Mentor 1, 3rd choice.
    const proposed = matches(emulator).filter((r) => r['Mentee ID'] === 'ME-001' && r.Status === 'Proposed');
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toMatchObject({ 'Mentor ID': 'MR-002', 'Choice rank': '3rd' });
    const load = (id: string) =>
      matches(emulator).filter(
        (r) => r['Mentor ID'] === id && ['Announced', 'Proposed'].includes(String(r.Status)),
      ).length;
    expect([load('MR-001'), load('MR-002'), load('MR-003')]).toEqual([0, 2, 1]);

    const beforeAnnounce = emulator.mail.sent.length;
    click(emulator, 'Announce pairs');
    const meet = (to: string, subject: string) =>
      emulator.mail.sent.slice(beforeAnnounce).filter((m) => m.to.includes(to) && m.subject === subject);
    expect(meet(menteeEmail(0), 'Meet your mentor')).toHaveLength(1);
    expect(meet(menteeEmail(0), 'Meet your mentor')[0]!.body).toContain(
      'I am pleased to introduce your new mentor, Mentor 1 of Service 1.',
    );
    expect(meet(mentorEmail(1), 'Meet your mentee')).toHaveLength(1);
    expect(meet(mentorEmail(1), 'Meet your mentee')[0]!.body).toContain('Mentee 0 of Home 0');
    // The pair the coordinator ended: both sides are told, once (nobody withdrew).
    for (const who of [menteeEmail(0), mentorEmail(0)]) {
      const ending = meet(who, 'A change to your mentoring pairing');
      expect(ending).toHaveLength(1);
      expect(ending[0]!.body).toContain(
        'Your coordinator has brought your pairing to an end, so your mentoring pairing with',
      );
    }
    // The same run introduces the mentee's new mentor: the ending says who, not "we will look".
    const menteeEnding = meet(menteeEmail(0), 'A change to your mentoring pairing')[0]!.body;
    expect(menteeEnding).toContain(
      'Your new mentor is Mentor 1 of Service 1: a separate email introduces you to each other.',
    );
    expect(menteeEnding).not.toContain('We will look for another mentor');
    expect(meet(mentorEmail(0), 'A change to your mentoring pairing')[0]!.body).toContain(
      'Thank you for the time you have given Mentee 0. We may ask whether you could take another mentee.',
    );
    // No one else is introduced; the people of the other pairs hear nothing.
    const introductions = emulator.mail.sent
      .slice(beforeAnnounce)
      .filter((m) => m.subject === 'Meet your mentor' || m.subject === 'Meet your mentee')
      .map((m) => m.to.join())
      .sort();
    expect(introductions).toEqual([menteeEmail(0), mentorEmail(1)].sort());
    for (const quiet of [menteeEmail(1), menteeEmail(2), mentorEmail(2)])
      expect(emulator.mail.sent.slice(beforeAnnounce).filter((m) => m.to.includes(quiet))).toEqual([]);
    expect(
      matches(emulator).find((r) => r['Mentee ID'] === 'ME-001' && r['Mentor ID'] === 'MR-002')!.Status,
    ).toBe('Announced');
    // A second Announce pairs introduces nobody again.
    const again = emulator.mail.sent.length;
    click(emulator, 'Announce pairs');
    expect(emulator.mail.sent.length).toBe(again);
  });
});

describe('a mentor whose mentee withdrew and who gets no new mentee', () => {
  it('is named in the matching summary as having no mentee', () => {
    const emulator = announced(
      [1, 1, 1],
      [
        [0, 1, 2],
        [1, 2, 0],
        [2, 0, 1],
      ],
    );
    expect(runMatchingLog(emulator).join('\n')).not.toContain('no mentee');

    edit(emulator, 'Applicants', (r) => r.Email === menteeEmail(0), { Status: 'Withdrawn' });
    const shown = emulator.rt.shown.length;
    click(emulator, 'Run matching');

    expect(statuses(emulator)).toEqual([
      'ME-001|MR-001|Ended',
      'ME-002|MR-002|Announced',
      'ME-003|MR-003|Announced',
      '|MR-001|No mentee',
    ]);
    const log = runMatchingLog(emulator).at(-1)!;
    expect(log).toContain('2 of 2 selected mentees have a mentor, with 2 of 3 selected mentors');
    expect(log).toContain('1 selected mentor has no mentee: Mentor 0 (MR-001).');
    expect(log).toContain('Selected mentors with no mentee: Mentor 0 (MR-001).');
    // The question and the closing dialog say the same.
    const said = alertsSince(emulator, shown);
    expect(said.some((t) => t.includes('1 selected mentor has no mentee: Mentor 0 (MR-001).'))).toBe(true);
    expect(said.at(-1)).toContain('Selected mentors with no mentee: Mentor 0 (MR-001).');
  });
});
