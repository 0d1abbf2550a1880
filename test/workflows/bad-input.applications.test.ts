/**
 * Bad input, property-based, through dist/Code.js: thousands of generated responses to the mentor
 * and mentee application forms, sent by an "old copy" of the form (anything goes), in many small
 * cohorts. After each batch: every response is in Applicants (latest wins, each submission counted),
 * every bad answer is flagged in words, no trigger threw, no cell holds a formula, no email's HTML
 * carries raw input, and a re-delivered event changes nothing.
 */
import fc from 'fast-check';
import { applicationForm, CONSENT_AGREE, EVALUATION_NO, EVALUATION_YES } from '../../src/domain/forms/spec';
import { emailAnswer as storedEmail } from '../../src/domain/intake';
import { AREAS, CURRENT_ROLES, NATION_OUTSIDE, NATIONS } from '../../src/domain/scheme';
import type { Role } from '../../src/domain/status';
import type { Emulator } from '../../src/emulator/Emulator';
import type { FormSubmission } from '../../src/emulator/forms/FormModule';
import { formId, newCohort, setUp } from '../support/cohort';
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
  noise,
  problemLines,
  type Raw,
  responseStamps,
  tab,
  text,
  toSubmit,
  trialBudget,
  visibleText,
} from './bad-input.support';

const TOTAL = trialBudget(1000);
const BATCH = { min: 25, max: 35 };
const COHORTS = Math.max(1, Math.round(TOTAL / ((BATCH.min + BATCH.max) / 2)));
const CROSS_ROLE = 'Applied as both mentor and mentee; the scheme allows one';

const tally = { responses: 0, recorded: 0, lost: 0, flagged: 0, cohorts: 0 };

/** Who a response is: a valid address (the same person in any spelling), a unique bad one, or none. */
type Identity = { kind: 'valid' | 'invalid' | 'empty'; email: string };

type Planned = { role: Role; identity: Identity; answers: Record<string, Answer>; name: string | null };

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

type Weighted = { weight: number; arbitrary: fc.Arbitrary<Answer> };

/**
 * The answers of a question, acceptable ones first. A clean response (half of them) draws only from
 * the acceptable ones, so the "nothing flagged without cause" property is tested as often as the other.
 */
function some(clean: boolean, ...options: Weighted[]): fc.Arbitrary<Answer> {
  const any = fc.oneof(...options);
  return clean ? any.filter((a) => !a.bad) : any;
}

/** Case and spacing variants of a label the form offers: all acceptable. */
function labelVariant(label: string): fc.Arbitrary<string> {
  return fc
    .tuple(pick(['as is', 'lower', 'upper', 'padded']), noise)
    .map(([how, n]) =>
      how === 'lower'
        ? label.toLowerCase()
        : how === 'upper'
          ? label.toUpperCase()
          : how === 'padded'
            ? `  ${label.replace(/ /g, '  ')}\t${n === '\u200B' ? n : ''}`
            : label,
    );
}

function emailAnswer(
  k: number,
  n: number,
  clean: boolean,
): fc.Arbitrary<{ answer: Answer; identity: Identity }> {
  const canonical = `p${k}@example.org`;
  const valid = (value: string) => ({
    answer: good(value),
    identity: { kind: 'valid' as const, email: canonical },
  });
  // Invisible formatting characters are removed, so the address is the same person's, but flagged.
  const hidden = (value: string) => ({
    answer: bad(value),
    identity: { kind: 'valid' as const, email: canonical },
  });
  const invalid = (value: Raw) => ({
    answer: bad(value),
    identity: { kind: 'invalid' as const, email: `#${n}` },
  });
  const empty = (value: Raw) => ({
    answer: bad(value),
    identity: { kind: 'empty' as const, email: `#${n}` },
  });
  const goods = [
    { weight: 6, arbitrary: fc.constant(valid(canonical)) },
    { weight: 2, arbitrary: pick([canonical.toUpperCase(), `P${k}@Example.Org`]).map(valid) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(pick(['  ', '\t', '\u00A0']), pick(['', ' ', '\n']))
        .map(([a, b]) => valid(`${a}${canonical}${b}`)),
    },
  ];
  if (clean) return fc.oneof(...goods);
  return fc.oneof(
    ...goods,
    {
      weight: 1,
      arbitrary: fc
        .tuple(pick(['\u200B', '\uFEFF', '\u00AD', '\u2060']), fc.nat(canonical.length))
        .map(([c, at]) => hidden(`${canonical.slice(0, at)}${c}${canonical.slice(at)}`)),
    },
    {
      weight: 3,
      arbitrary: pick<Raw>([
        `p${k}.${n}@example`,
        `p${k}.${n} @example.org`,
        `p${k}.${n}@example.org, boss@example.org`,
        `p${k}.${n}@example.org; boss@example.org`,
        `<p${k}.${n}@example.org>`,
        `Name <p${k}.${n}@example.org>`,
        `p${k}.${n}@@example.org`,
        `p${k}.${n}.example.org`,
        `=HYPERLINK("mailto:p${k}.${n}@example.org")`,
        `${'x'.repeat(300)}${n}@example.org`,
        `p${n}@${'sub.'.repeat(70)}example.org`,
        [`p${k}.${n}@example.org`, `q${n}@example.org`],
        100_000 + n,
        `${2000 + n}-04-18`,
        `+4477009${String(n).padStart(5, '0')}`,
      ]).map(invalid),
    },
    { weight: 1, arbitrary: fc.oneof(invisibleText, fc.constant<string[]>([])).map((v) => empty(v as Raw)) },
  );
}

/** A required short text: visible text (fine), nothing (missing), too long (shortened). */
function requiredText(limit: number, clean: boolean, multiline = false): fc.Arbitrary<Answer> {
  return some(
    clean,
    { weight: 8, arbitrary: visibleText().map(good) },
    {
      weight: 1,
      arbitrary: fc
        .array(visibleText(60), { minLength: 2, maxLength: 3 })
        .map((lines) => good(multiline ? lines.join('\n\n\n') : lines)),
    },
    { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }).map((v) => good(v)) },
    { weight: 1, arbitrary: invisibleText.map(bad) },
    { weight: 1, arbitrary: fc.constant<Raw>(undefined).map(bad) },
    { weight: 1, arbitrary: hugeText(limit, limit * 2).map(bad) },
  );
}

function optionalText(limit: number, clean: boolean): fc.Arbitrary<Answer> {
  return some(
    clean,
    { weight: 4, arbitrary: visibleText().map(good) },
    { weight: 2, arbitrary: invisibleText.map(good) },
    { weight: 2, arbitrary: fc.constant<Raw>(undefined).map(good) },
    { weight: 1, arbitrary: hugeText(limit, limit).map(bad) },
  );
}

function choiceAnswer(
  labels: readonly string[],
  wrong: readonly string[],
  clean: boolean,
): fc.Arbitrary<Answer> {
  return some(
    clean,
    { weight: 8, arbitrary: pick(labels).chain(labelVariant).map(good) },
    { weight: 1, arbitrary: pick(wrong).map(bad) },
    {
      weight: 1,
      arbitrary: visibleText(80)
        .filter((t) => !labels.some((l) => l.toLowerCase() === t.trim().toLowerCase()))
        .map(bad),
    },
    { weight: 1, arbitrary: fc.subarray([...labels], { minLength: 2 }).map(bad) },
    { weight: 1, arbitrary: fc.oneof(invisibleText, fc.constant<string[]>([])).map((v) => bad(v as Raw)) },
    { weight: 1, arbitrary: fc.integer().map(bad) },
  );
}

const areasAnswer = (clean: boolean): fc.Arbitrary<Answer> =>
  some(
    clean,
    { weight: 8, arbitrary: fc.shuffledSubarray([...AREAS], { minLength: 1 }).map(good) },
    {
      weight: 1,
      arbitrary: pick(AREAS)
        .chain(labelVariant)
        .map((v) => good([v])),
    },
    {
      weight: 1,
      arbitrary: fc.shuffledSubarray([...AREAS], { minLength: 1 }).map((a) => good(a.join(', '))),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(pick(AREAS), visibleText(60))
        .filter(([, t]) => !/^\s*$/.test(t))
        .map(([a, t]) => bad([a, `Knitting ${t}`])),
    },
    { weight: 1, arbitrary: fc.constant<string[]>([]).map(bad) },
    { weight: 1, arbitrary: fc.constant<Raw>(undefined).map(bad) },
  );

const capacityAnswer = (clean: boolean): fc.Arbitrary<Answer> =>
  some(
    clean,
    { weight: 6, arbitrary: pick<Raw>(['1', '2', '3', 2, ' 3 ']).map(good) },
    {
      weight: 1,
      arbitrary: pick<Raw>(['0', '4', '1.5', '-1', 'two', '1e9', ['1', '2'], 99, 'NaN', 'Infinity']).map(bad),
    },
    { weight: 1, arbitrary: fc.oneof(invisibleText, fc.constant<string[]>([])).map((v) => bad(v as Raw)) },
  );

const consentAnswer = (clean: boolean): fc.Arbitrary<Answer> =>
  some(
    clean,
    {
      weight: 8,
      arbitrary: pick([CONSENT_AGREE, CONSENT_AGREE.toUpperCase(), ` ${CONSENT_AGREE} `, 'Yes']).map(good),
    },
    { weight: 1, arbitrary: pick<Raw>(['No', 'I disagree', 'Maybe', [CONSENT_AGREE, 'No'], 0]).map(bad) },
    { weight: 1, arbitrary: fc.oneof(invisibleText, fc.constant<Raw>(undefined)).map(bad) },
  );

const evaluationAnswer: fc.Arbitrary<Answer> = fc.oneof(
  pick<Raw>([
    EVALUATION_YES,
    EVALUATION_NO,
    undefined,
    '',
    'whatever',
    [EVALUATION_YES, EVALUATION_NO],
    1,
  ]).map(good),
);

/** Names from the list above (kept exactly) or any visible text. */
const nameAnswer = (clean: boolean): fc.Arbitrary<{ answer: Answer; name: string | null }> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(pick(NAMES), pick(['', ' ', '\u200B', '\t'])).map(([n, pad]) => ({
        answer: good(`${pad}${n.normalize('NFD')}${pad}`),
        name: n,
      })),
    },
    { weight: 7, arbitrary: requiredText(200, clean).map((answer) => ({ answer, name: null })) },
  );

function response(role: Role, pool: number, n: number, clean: boolean): fc.Arbitrary<Planned> {
  const form = applicationForm(role);
  const title = (key: string) => form.items.find((i) => i.key === key)?.title ?? key;
  const parts = {
    email: fc.integer({ min: 0, max: pool - 1 }).chain((k) => emailAnswer(k, n, clean)),
    name: nameAnswer(clean),
    libraryService: requiredText(200, clean),
    nation: choiceAnswer(NATIONS, [NATION_OUTSIDE, 'Scotland'], clean),
    currentRole: choiceAnswer(CURRENT_ROLES, ['Library assistant', 'Volunteer'], clean),
    responsibility: optionalText(2000, clean),
    areas: areasAnswer(clean),
    otherArea: optionalText(200, clean),
    capacity: role === 'mentor' ? capacityAnswer(clean) : fc.constant(good(undefined)),
    statement: requiredText(4000, clean, true),
    consentData: consentAnswer(clean),
    consentEvaluation: evaluationAnswer,
  };
  return fc.record(parts).map((p) => {
    const answers: Record<string, Answer> = {};
    for (const [key, value] of Object.entries(p)) {
      if (key === 'email') answers[title(key)] = p.email.answer;
      else if (key === 'name') answers[title(key)] = p.name.answer;
      else if (key !== 'capacity' || role === 'mentor') answers[title(key)] = value as Answer;
    }
    return { role, identity: p.email.identity, answers, name: p.name.name };
  });
}

const batch: fc.Arbitrary<Planned[]> = fc.integer({ min: BATCH.min, max: BATCH.max }).chain((size) => {
  const pool = Math.max(2, Math.round(size * 0.6));
  return fc.tuple(
    ...Array.from({ length: size }, (_, n) =>
      fc
        .tuple(fc.constantFrom<Role>('mentor', 'mentee'), fc.boolean())
        .chain(([role, clean]) => response(role, pool, n, clean)),
    ),
  );
});

/** A response's identity within the batch: role + who. Valid addresses merge; others stand alone. */
const groupKey = (p: Planned) => `${p.role}|${p.identity.kind}|${p.identity.email}`;

function runBatch(planned: Planned[]): void {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  const since = emulator.executions.length;
  const submissions: FormSubmission[] = [];
  for (const p of planned) {
    const submission = emulator.forms.submit(formId(emulator, p.role), toSubmit(p.answers), {
      unchecked: true,
    });
    if (!submission) throw new Error('form not linked');
    submissions.push(submission);
    emulator.deliverFormSubmit(submission);
  }
  const failures = [...batchFailures(emulator, since), ...recordFailures(emulator, planned)];
  // A duplicated trigger event (Google retries) must change nothing.
  const before = JSON.stringify(tab(emulator, 'Applicants'));
  const sent = emulator.mail.sent.length;
  const again = submissions[Math.floor(submissions.length / 2)];
  if (again) emulator.deliverFormSubmit(again);
  if (JSON.stringify(tab(emulator, 'Applicants')) !== before)
    failures.push('a re-delivered event changed Applicants');
  if (emulator.mail.sent.length !== sent) failures.push('a re-delivered event sent mail');
  tally.cohorts++;
  if (failures.length > 0) throw new Error(failures.slice(0, 15).join('\n'));
}

function responseTab(emulator: Emulator, role: Role): string {
  const dest = emulator.forms.data(formId(emulator, role))?.destination;
  if (!dest) throw new Error('form not linked');
  return dest.sheetName;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));

/** Every response recorded under its identity, counted once, flagged when bad, in words. */
function recordFailures(emulator: Emulator, planned: Planned[]): string[] {
  const failures: string[] = [];
  const applicants = tab(emulator, 'Applicants');
  const stamps = {
    mentor: responseStamps(emulator, responseTab(emulator, 'mentor')),
    mentee: responseStamps(emulator, responseTab(emulator, 'mentee')),
  };
  const next = { mentor: 0, mentee: 0 };
  const groups = new Map<string, Array<Planned & { stamp: string }>>();
  for (const p of planned) {
    const stamp = stamps[p.role][next[p.role]++] ?? '?';
    groups.set(groupKey(p), [...(groups.get(groupKey(p)) ?? []), { ...p, stamp }]);
  }
  tally.responses += planned.length;
  const emailsByRole = { mentor: new Set<string>(), mentee: new Set<string>() };
  for (const list of groups.values()) {
    const first = list[0];
    if (first?.identity.kind === 'valid') emailsByRole[first.role].add(first.identity.email);
  }
  const valid = new Set([...emailsByRole.mentor, ...emailsByRole.mentee]);
  for (const mail of emulator.mail.sent)
    for (const to of mail.to)
      if (!valid.has(to)) failures.push(`mail sent to ${JSON.stringify(to)}, not a valid applicant address`);
  if (applicants.length !== groups.size)
    failures.push(`${groups.size} applicants expected, ${applicants.length} rows`);
  const used = new Set<number>();
  for (const list of groups.values()) {
    const last = list[list.length - 1]!;
    const roleLabel = last.role === 'mentor' ? 'Mentor' : 'Mentee';
    const index = applicants.findIndex(
      (r, i) => !used.has(i) && r.Role === roleLabel && iso(r['Last submitted']) === last.stamp,
    );
    const row = applicants[index];
    const who = `${last.role} ${last.identity.kind} ${JSON.stringify(last.answers['Your work email address']?.value)}`;
    if (!row || used.has(index)) {
      tally.lost += list.length;
      failures.push(`lost: ${who} (${list.length} response(s))`);
      continue;
    }
    used.add(index);
    // The history is bounded (a count, the first and the last few): every submission is counted.
    const history = text(row['Submission history']);
    const counted =
      list.length === 1
        ? history.startsWith('1 submission')
        : history.startsWith(`${list.length} submissions`);
    tally.recorded += row.Submissions === list.length ? list.length : 0;
    if (row.Submissions !== list.length || !counted) {
      tally.lost += Math.abs(list.length - Number(row.Submissions));
      failures.push(
        `${who}: ${list.length} submissions, row says ${String(row.Submissions)} / history "${history}"`,
      );
    }
    if (last.identity.kind === 'valid' && row.Email !== last.identity.email)
      failures.push(`${who}: email recorded as ${JSON.stringify(row.Email)}`);
    if (last.name !== null && row.Name !== last.name)
      failures.push(`${who}: name ${JSON.stringify(row.Name)}, expected ${last.name}`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
    if (/[\u0000-\u0008\u000B-\u001F\u007F\u200B\u202A-\u202E\uFEFF]/.test(text(row.Name)))
      failures.push(`${who}: invisible characters kept in the name ${JSON.stringify(row.Name)}`);
    const problems = problemLines(row.Problems);
    for (const p of problems)
      if (!isInWords(p)) failures.push(`${who}: problem not in words: ${JSON.stringify(p)}`);
    const other = last.role === 'mentor' ? 'mentee' : 'mentor';
    const crossRole = last.identity.kind === 'valid' && emailsByRole[other].has(last.identity.email);
    if (crossRole !== problems.includes(CROSS_ROLE)) failures.push(`${who}: cross-role flag ${!crossRole}`);
    const isBad = Object.values(last.answers).some((a) => a.bad);
    const own = problems.filter((p) => p !== CROSS_ROLE);
    if (isBad && own.length === 0) {
      const badOnes = Object.entries(last.answers).filter(([, a]) => a.bad);
      failures.push(`${who}: bad input but no problem: ${JSON.stringify(badOnes).slice(0, 300)}`);
    }
    if (!isBad && own.length > 0)
      failures.push(`${who}: acceptable input flagged: ${own.join(' | ').slice(0, 300)}`);
    if (isBad) tally.flagged++;
  }
  return failures;
}

describe('bad input to the application forms', () => {
  afterAll(() => {
    console.log(
      `bad-input (applications): ${tally.responses} responses in ${tally.cohorts} cohorts, ${tally.recorded} recorded, ${tally.lost} lost, ${tally.flagged} applicants flagged`,
    );
  });

  it('reads an email answer the same way again from what it stored (else a response is imported twice)', () => {
    const piece = fc.constantFrom(
      'İ',
      'ẞ',
      'Σ',
      'ǅ',
      'ﬀ',
      'K',
      'Å',
      'e\u0301',
      '\u0301',
      '🐉',
      ' ',
      '\u200B',
      '@',
      '.',
      'a',
    );
    const long = fc.array(piece, { maxLength: 400, size: 'max' }).map((a) => a.join(''));
    const any = fc.oneof(
      long,
      fc.string({ unit: 'binary', maxLength: 1200, size: 'max' }),
      fc.date({ noInvalidDate: true }),
      fc.double(),
    );
    fc.assert(
      fc.property(any, (raw) => {
        const once = storedEmail(raw);
        expect(storedEmail(once)).toBe(once);
      }),
      { numRuns: trialBudget(2000), seed: 20250324, endOnFailure: true },
    );
  });

  it(`records and flags ${TOTAL} generated responses in ${COHORTS} cohorts`, () => {
    check(batch, COHORTS, runBatch);
    expect(tally.lost).toBe(0);
    expect(tally.responses).toBeGreaterThan(0);
  });
});
