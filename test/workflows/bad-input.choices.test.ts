/**
 * Bad input to the mentor choices form, property-based, through dist/Code.js: generated responses
 * from selected mentees, strangers and broken addresses, naming listed, withdrawn, unknown and
 * repeated mentors, in many small cohorts. Every response lands in Choices under its mentee (latest
 * wins, each submission counted), every bad answer is flagged in words, good choices are recorded as
 * "name (ID)", no trigger throws, no cell holds a formula, no email's HTML carries raw input.
 */
import fc from 'fast-check';
import { choicesLinkAnswers } from '../../src/cli/participant';
import type { Emulator } from '../../src/emulator/Emulator';
import type { FormSubmission } from '../../src/emulator/forms/FormModule';
import { addApplicants, click, edit, formId, newCohort, type Person, setUp } from '../support/cohort';
import {
  type Answer,
  bad,
  batchFailures,
  check,
  good,
  hugeText,
  invisibleText,
  isInWords,
  NAMES,
  problemLines,
  type Raw,
  responseStamps,
  tab,
  text,
  toSubmit,
  trialBudget,
  visibleText,
} from './bad-input.support';

const TOTAL = trialBudget(500);
const PER_COHORT = 30;
const COHORTS = Math.max(1, Math.ceil(TOTAL / PER_COHORT));
const tally = { responses: 0, recorded: 0, lost: 0, flagged: 0, cohorts: 0 };

const TITLES = {
  email: 'Your work email address',
  choices: ['Your first choice of mentor', 'Your second choice of mentor', 'Your third choice of mentor'],
  note: 'Anything else we should know when matching you?',
} as const;

const MENTOR_NAMES = [
  ...NAMES,
  '<b>Bold</b> & Co',
  '=HYPERLINK("https://evil.example","x")',
  'Ann "The" O\'Neill',
];
const SERVICES = [
  'Gwynedd Libraries',
  'Dún Laoghaire <Libraries>',
  '+Plus Libraries',
  'Llyfrgell Ceredigion',
];

/** The people of a cohort: who is selected, who withdrew, who was never selected. */
type Cast = {
  mentors: Array<Person & { libraryService: string }>;
  mentees: Person[];
};

function cast(mentorCount: number, menteeCount: number): Cast {
  const mentors = Array.from({ length: mentorCount }, (_, i) => ({
    id: `MR-${String(i + 1).padStart(3, '0')}`,
    role: 'Mentor' as const,
    // The last mentor withdraws after the form lists them; the one before is never selected and
    // shares the first mentor's name and service.
    status: i === mentorCount - 2 ? 'Waitlisted' : 'Selected',
    name: i === mentorCount - 2 ? (MENTOR_NAMES[0] ?? '') : (MENTOR_NAMES[i % MENTOR_NAMES.length] ?? ''),
    email: `mr${i}@example.org`,
    libraryService: i === mentorCount - 2 ? (SERVICES[0] ?? '') : (SERVICES[i % SERVICES.length] ?? ''),
  }));
  const mentees = Array.from({ length: menteeCount }, (_, j) => ({
    id: `ME-${String(j + 1).padStart(3, '0')}`,
    role: 'Mentee' as const,
    status: j % 5 === 4 ? 'Waitlisted' : 'Selected',
    name: [...NAMES].reverse()[j % NAMES.length] ?? '',
    email: `me${j}@example.org`,
  }));
  return { mentors, mentees };
}

type Identity = { kind: 'selected' | 'other'; email: string };
type Planned = { identity: Identity; answers: Record<string, Answer>; picks: Array<string | null> };

/** The form's options, with who each is; computed from the cohort as the form lists them. */
type Option = { label: string; mentor: Cast['mentors'][number] };

function emailAnswer(
  c: Cast,
  n: number,
  clean: boolean,
): fc.Arbitrary<{ answer: Answer; identity: Identity }> {
  const selected = c.mentees.filter((m) => m.status === 'Selected');
  const listed = fc
    .constantFrom(...selected)
    .chain((m) =>
      fc
        .constantFrom(
          m.email,
          m.email.toUpperCase(),
          ` ${m.email}\u200B `,
          `\t${m.email.replace('me', 'Me')}\n`,
        )
        .map((v) => ({ answer: good(v), identity: { kind: 'selected' as const, email: m.email } })),
    );
  if (clean) return listed;
  const other = (value: Raw, email = `#${n}`) => ({
    answer: bad(value),
    identity: { kind: 'other' as const, email },
  });
  const waitlisted = c.mentees.filter((m) => m.status !== 'Selected');
  return fc.oneof(
    { weight: 6, arbitrary: listed },
    ...(waitlisted.length > 0
      ? [{ weight: 1, arbitrary: fc.constantFrom(...waitlisted).map((m) => other(m.email, m.email)) }]
      : []),
    { weight: 1, arbitrary: fc.constant(other(`stranger${n}@example.org`, `stranger${n}@example.org`)) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<Raw>(
          `me${n}@example`,
          `me0@example.org, me${n}@x.org`,
          [`me${n}@x.org`, 'me1@example.org'],
          50_000 + n,
          `<me${n}@example.org>`,
        )
        .map((v) => other(v)),
    },
    { weight: 1, arbitrary: fc.oneof(invisibleText, fc.constant<string[]>([])).map((v) => other(v as Raw)) },
  );
}

function choiceAnswers(
  options: Option[],
  withdrawn: Option,
  clean: boolean,
): fc.Arbitrary<{ answers: Answer[]; picks: Array<string | null> }> {
  const live = options.filter((o) => o !== withdrawn);
  const distinct = fc.shuffledSubarray(live, { minLength: 3, maxLength: 3 });
  const goodSet = distinct.chain((three) =>
    fc
      .tuple(...three.map((o) => fc.constantFrom(o.label, `  ${o.label}  `, o.label.replace(/ /g, '  '))))
      .map((labels) => ({ answers: labels.map((l) => good(l)), picks: three.map((o) => o.mentor.id) })),
  );
  if (clean) return goodSet;
  const badOne: fc.Arbitrary<Answer> = fc.oneof(
    fc.constant(bad(withdrawn.label)),
    visibleText(80).map((t) => bad(`${t} — Nowhere Libraries`)),
    fc.constantFrom<Raw>('', '   ', '\u200B', [], 7).map(bad),
    fc.constant(bad([live[0]?.label ?? 'x', live[1]?.label ?? 'y'])),
  );
  return fc
    .tuple(goodSet, fc.integer({ min: 0, max: 2 }), fc.oneof(badOne, fc.constant('repeat' as const)))
    .map(([set, at, wrong]) => {
      const answers = [...set.answers];
      if (wrong === 'repeat') answers[at] = bad(set.answers[at === 0 ? 1 : 0]?.value);
      else answers[at] = wrong;
      return { answers, picks: set.picks.map((p, i) => (i === at ? null : p)) };
    });
}

const noteAnswer = (clean: boolean): fc.Arbitrary<Answer> =>
  clean
    ? fc.oneof(visibleText(), invisibleText, fc.constant(undefined)).map((v) => good(v))
    : fc.oneof(visibleText().map(good), hugeText(2000, 3000).map(bad));

function response(c: Cast, options: Option[], withdrawn: Option, n: number): fc.Arbitrary<Planned> {
  return fc.boolean().chain((clean) =>
    fc
      .record({
        email: emailAnswer(c, n, clean),
        choices: choiceAnswers(options, withdrawn, clean),
        note: noteAnswer(clean),
      })
      .map(({ email, choices, note }) => {
        const answers: Record<string, Answer> = { [TITLES.email]: email.answer, [TITLES.note]: note };
        TITLES.choices.forEach((title, i) => {
          answers[title] = choices.answers[i] ?? good(undefined);
        });
        return { identity: email.identity, answers, picks: choices.picks };
      }),
  );
}

/** A cohort whose choices form is open, then its options (read from the live form). */
function openCohort(c: Cast): { emulator: Emulator; options: Option[]; withdrawn: Option } {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  addApplicants(emulator, [...c.mentors, ...c.mentees]);
  for (const m of c.mentors)
    edit(emulator, 'Applicants', (r) => r.ID === m.id, { 'Library service': m.libraryService });
  click(emulator, 'Open mentor choices');
  const labels =
    emulator.forms.data(formId(emulator, 'choices'))?.items.find((i) => i.title === TITLES.choices[0])
      ?.choices ?? [];
  const listed = c.mentors.filter((m) => m.status === 'Selected');
  const options = labels.map((label, i) => ({ label, mentor: listed[i]! }));
  const withdrawn = options[options.length - 1]!;
  edit(emulator, 'Applicants', (r) => r.ID === withdrawn.mentor.id, { Status: 'Withdrawn' });
  return { emulator, options, withdrawn };
}

const MENTORS = 8;
const MENTEES = 12;

// The options depend only on the cast, so they are computed once to build the generator.
const CAST = cast(MENTORS, MENTEES);
const SAMPLE = openCohort(CAST);

const batch = fc.tuple(
  ...Array.from({ length: PER_COHORT }, (_, n) => response(CAST, SAMPLE.options, SAMPLE.withdrawn, n)),
);

function runBatch(planned: Planned[]): void {
  const { emulator, options } = openCohort(CAST);
  if (options.map((o) => o.label).join('|') !== SAMPLE.options.map((o) => o.label).join('|'))
    throw new Error('the choices form lists different options in a new cohort');
  const since = emulator.executions.length;
  const submissions: FormSubmission[] = [];
  for (const p of planned) {
    // A selected mentee sends from the personal link in their email (it fills in their code);
    // anyone else has only the address they type.
    const code = p.identity.kind === 'selected' ? choicesLinkAnswers(emulator, p.identity.email) : {};
    const submission = emulator.forms.submit(
      formId(emulator, 'choices'),
      { ...toSubmit(p.answers), ...code },
      {
        unchecked: true,
      },
    );
    if (!submission) throw new Error('choices form not linked');
    submissions.push(submission);
    emulator.deliverFormSubmit(submission);
  }
  const failures = [...batchFailures(emulator, since), ...recordFailures(emulator, planned)];
  const before = JSON.stringify(tab(emulator, 'Choices'));
  const again = submissions[Math.floor(submissions.length / 2)];
  if (again) emulator.deliverFormSubmit(again);
  if (JSON.stringify(tab(emulator, 'Choices')) !== before)
    failures.push('a re-delivered event changed Choices');
  tally.cohorts++;
  if (failures.length > 0) throw new Error(failures.slice(0, 15).join('\n'));
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));

function recordFailures(emulator: Emulator, planned: Planned[]): string[] {
  const failures: string[] = [];
  const dest = emulator.forms.data(formId(emulator, 'choices'))?.destination;
  const stamps = responseStamps(emulator, dest?.sheetName ?? '');
  const rows = tab(emulator, 'Choices');
  const groups = new Map<string, Array<Planned & { stamp: string }>>();
  planned.forEach((p, i) => {
    const key = `${p.identity.kind}|${p.identity.email}`;
    groups.set(key, [...(groups.get(key) ?? []), { ...p, stamp: stamps[i] ?? '?' }]);
  });
  tally.responses += planned.length;
  if (rows.length !== groups.size)
    failures.push(`${groups.size} mentees expected in Choices, ${rows.length} rows`);
  const used = new Set<number>();
  for (const list of groups.values()) {
    const last = list[list.length - 1]!;
    const who = `${last.identity.kind} ${JSON.stringify(last.answers[TITLES.email]?.value)}`;
    const index = rows.findIndex((r, i) => !used.has(i) && iso(r['Last submitted']) === last.stamp);
    const row = rows[index];
    if (!row || used.has(index)) {
      tally.lost += list.length;
      failures.push(`lost: ${who} (${list.length} response(s))`);
      continue;
    }
    used.add(index);
    // Histories are bounded (a count, the first and the last few): every submission is counted.
    const history = text(row['Submission history']);
    const counted = history.startsWith(list.length === 1 ? '1 submission' : `${list.length} submissions`);
    tally.recorded += row.Submissions === list.length ? list.length : 0;
    if (row.Submissions !== list.length || !counted) {
      tally.lost += Math.abs(list.length - Number(row.Submissions));
      failures.push(
        `${who}: ${list.length} submissions, row says ${String(row.Submissions)} / history "${history}"`,
      );
    }
    // Only a selected mentee's own link makes their choices count; anything else waits for review.
    const expected = last.identity.kind === 'selected' ? 'Valid' : 'Needs review';
    if (row.Status !== expected)
      failures.push(`${who}: Status ${JSON.stringify(row.Status)}, expected ${expected}`);
    if (last.identity.kind === 'selected' && row['Mentee email'] !== last.identity.email)
      failures.push(`${who}: recorded as ${JSON.stringify(row['Mentee email'])}`);
    const problems = problemLines(row.Problems);
    for (const p of problems)
      if (!isInWords(p)) failures.push(`${who}: problem not in words: ${JSON.stringify(p)}`);
    const isBad = Object.values(last.answers).some((a) => a.bad);
    if (isBad && problems.length === 0) failures.push(`${who}: bad input but no problem`);
    if (!isBad && problems.length > 0)
      failures.push(`${who}: acceptable input flagged: ${problems.join(' | ')}`);
    if (isBad) tally.flagged++;
    const recorded = [row['1st choice'], row['2nd choice'], row['3rd choice']].map(text);
    // Accepted choices are recorded in order, without gaps for the refused ones.
    if (last.identity.kind === 'selected')
      last.picks
        .filter((id): id is string => id !== null)
        .forEach((id, i) => {
          if (!recorded[i]?.endsWith(`(${id})`))
            failures.push(`${who}: choice ${i + 1} should be ${id}, recorded ${JSON.stringify(recorded[i])}`);
        });
  }
  return failures;
}

describe('bad input to the mentor choices form', () => {
  afterAll(() => {
    console.log(
      `bad-input (choices): ${tally.responses} responses in ${tally.cohorts} cohorts, ${tally.recorded} recorded, ${tally.lost} lost, ${tally.flagged} mentees flagged`,
    );
  });

  it(`records and flags ${COHORTS * PER_COHORT} generated responses in ${COHORTS} cohorts`, () => {
    check(batch, COHORTS, runBatch);
    expect(tally.lost).toBe(0);
    expect(tally.responses).toBeGreaterThan(0);
  });
});
