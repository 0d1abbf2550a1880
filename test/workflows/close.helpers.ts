/**
 * Helpers for the closing tests: a small cohort that has been through the whole year by the forms
 * (applications, decisions, choices, matching, pairs, calendar), people who agreed to the evaluation
 * and people who did not, a CheckIns tab as the check-ins will write it, and a clock to move on.
 */
import { choicesLinkAnswers } from '../../src/cli/participant';
import { applicationForm, EVALUATION_NO } from '../../src/domain/forms/spec';
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import type { DialogResponder } from '../../src/emulator/runtime/Runtime';
import { CHECK_IN } from '../../src/workflows/keepInTouch/tabs';
import { TAB } from '../../src/workflows/tabs';
import { apply, click, edit, formId, newCohort, rows, settings, setUp } from '../support/cohort';

export const at = (iso: string) => Date.parse(iso);

export interface Member {
  readonly role: 'mentor' | 'mentee';
  readonly name: string;
  readonly email: string;
  readonly libraryService: string;
  readonly areas: string[];
  readonly consents: boolean;
}

export const MENTORS: Member[] = [
  {
    role: 'mentor',
    name: 'Siân ap Dafydd',
    email: 'sian.apdafydd@aberwen.example',
    libraryService: 'Aberwen Libraries',
    areas: ['Budgeting', 'Restructures'],
    consents: true,
  },
  {
    role: 'mentor',
    name: 'Gareth Moorcroft',
    email: 'g.moorcroft@northfield.example',
    libraryService: 'Northfield Library Service',
    areas: ['Capital projects'],
    consents: true,
  },
  {
    role: 'mentor',
    name: 'Priya Raman',
    email: 'priya.raman@eastmere.example',
    libraryService: 'Eastmere Libraries',
    areas: ['Working with councillors', 'Budgeting'],
    consents: false,
  },
];

export const MENTEES: Member[] = [
  {
    role: 'mentee',
    name: 'Tomasz Nowicki',
    email: 'tomasz.nowicki@lowdale.example',
    libraryService: 'Lowdale Libraries',
    areas: ['Budgeting'],
    consents: true,
  },
  {
    role: 'mentee',
    name: 'Ffion Rhys',
    email: 'ffion.rhys@brynmor.example',
    libraryService: 'Brynmor Library Service',
    areas: ['Capital projects'],
    consents: true,
  },
  {
    role: 'mentee',
    name: 'Olu Adeyemi',
    email: 'olu.adeyemi@westholm.example',
    libraryService: 'Westholm Libraries',
    areas: ['Working with councillors'],
    consents: false,
  },
  {
    role: 'mentee',
    name: 'Hannah Kerr',
    email: 'hannah.kerr@glenbrook.example',
    libraryService: 'Glenbrook Libraries',
    areas: ['Restructures'],
    consents: true,
  },
];

export const EVERYONE = [...MENTORS, ...MENTEES];

export const SURVEY = 'https://survey.example/evaluation-2025';

/** Answers every dialog Yes (or No) and keeps what was shown. */
export function dialogs(
  emulator: Emulator,
  confirm: 'YES' | 'NO' = 'YES',
): Array<{ title: string; text: string }> {
  const seen: Array<{ title: string; text: string }> = [];
  const responder: DialogResponder = {
    alert: (title, text, buttons) => {
      seen.push({ title, text });
      return buttons.includes('YES') ? confirm : 'OK';
    },
    prompt: (title, text) => {
      seen.push({ title, text });
      return { button: 'CANCEL', text: '' };
    },
  };
  emulator.rt.dialogs = responder;
  return seen;
}

/** Clicks a menu item, answering Yes, and returns the last thing it said. */
export function say(emulator: Emulator, caption: string, confirm: 'YES' | 'NO' = 'YES'): string {
  const seen = dialogs(emulator, confirm);
  click(emulator, caption);
  return seen.map((s) => s.text).join('\n---\n');
}

export function moveTo(emulator: Emulator, when: number): ExecutionResult[] {
  const now = emulator.rt.clock.now();
  return when > now ? emulator.advance(when - now) : [];
}

function choose(emulator: Emulator, mentee: Member, picks: Member[]): void {
  const form = emulator.forms.data(formId(emulator, 'choices'))!;
  const options = form.items.find((i) => i.title.includes('first choice'))!.choices!;
  const label = (m: Member) => options.find((o) => o.startsWith(`${m.name} `))!;
  emulator.submitForm(formId(emulator, 'choices'), {
    ...choicesLinkAnswers(emulator, mentee.email),
    'Your work email address': mentee.email,
    'Your first choice of mentor': label(picks[0]!),
    'Your second choice of mentor': label(picks[1]!),
    'Your third choice of mentor': label(picks[2]!),
  });
}

const evaluationTitle = (role: 'mentor' | 'mentee') =>
  applicationForm(role).items.find((i) => i.key === 'consentEvaluation')!.title;

/**
 * Made once per test file, then each test gets a copy of its own (Emulator.fork): the months of
 * triggers before it are the same in every test, and replaying them took most of each test's time.
 */
function once(make: () => Emulator): () => Emulator {
  let made: Emulator | undefined;
  return () => {
    made ??= make();
    return made.fork();
  };
}

/**
 * The 2025 cohort up to the pairs' introductions: everyone applies (some decline the evaluation),
 * everyone is selected, mentees choose, matching and the announcements run, invitations go out.
 * Hannah Kerr withdraws in July, after being paired.
 */
export const cohortThroughTheYear = once(() => {
  const emulator = setUp(newCohort({ mailQuota: 100_000 }));
  dialogs(emulator);
  for (const [i, m] of EVERYONE.entries()) {
    moveTo(emulator, at('2025-03-25T10:00:00Z') + i * 3_600_000);
    apply(emulator, m.role, m, {
      overrides: m.consents ? {} : { [evaluationTitle(m.role)]: EVALUATION_NO },
    });
  }
  moveTo(emulator, at('2025-04-22T09:00:00Z'));
  edit(emulator, 'Applicants', () => true, { Status: 'Selected' });
  click(emulator, 'Send decisions');
  moveTo(emulator, at('2025-05-07T12:00:00Z'));
  click(emulator, 'Open mentor choices');
  moveTo(emulator, at('2025-05-08T09:00:00Z'));
  choose(emulator, MENTEES[0]!, [MENTORS[0]!, MENTORS[1]!, MENTORS[2]!]);
  choose(emulator, MENTEES[1]!, [MENTORS[1]!, MENTORS[0]!, MENTORS[2]!]);
  choose(emulator, MENTEES[2]!, [MENTORS[2]!, MENTORS[0]!, MENTORS[1]!]);
  choose(emulator, MENTEES[3]!, [MENTORS[0]!, MENTORS[2]!, MENTORS[1]!]);
  moveTo(emulator, at('2025-05-19T10:00:00Z'));
  edit(emulator, 'Applicants', (r) => r.Role === 'Mentor', { Capacity: 2 });
  click(emulator, 'Run matching');
  moveTo(emulator, at('2025-05-20T08:00:00Z'));
  click(emulator, 'Announce pairs');
  click(emulator, 'Send calendar invites');
  moveTo(emulator, at('2025-07-01T09:00:00Z'));
  edit(emulator, 'Applicants', (r) => r.Email === MENTEES[3]!.email, { Status: 'Withdrawn' });
  return emulator;
});

/**
 * The check-ins the morning run made (the cohort is past its first round), answered as the forms
 * would record them, each with a free-text note that names people; one more row needs review (an
 * answer from a link that was not the person's), which the export must leave out.
 */
export function addCheckIns(emulator: Emulator): void {
  const people = new Map(rows(emulator, 'Applicants').map((r) => [String(r.ID), r]));
  emulator.spreadsheets.editSheet(TAB.checkIns, (values) => {
    const [header = [], ...body] = values;
    if (body.length === 0) throw new Error('no check-ins yet: the cohort has not reached its first round');
    const col = (name: string) => {
      const k = header.map(String).indexOf(name);
      if (k < 0) throw new Error(`CheckIns has no ${name} column`);
      return k;
    };
    const answer = (row: unknown[], i: number, status: string) => {
      const out = [...row];
      const person = people.get(String(row[col(CHECK_IN.personId)]));
      out[col(CHECK_IN.met)] = i % 2 ? 'Yes' : 'No';
      out[col(CHECK_IN.rating)] = 3 + (i % 3);
      out[col(CHECK_IN.note)] =
        `Met ${person?.Name} at ${person?.['Library service']}; write to ${person?.Email}`;
      out[col(CHECK_IN.coach)] = 'No';
      out[col(CHECK_IN.status)] = status;
      return out;
    };
    return [header, ...body.map((row, i) => answer(row, i, 'Answered')), answer(body[0]!, 7, 'Needs review')];
  });
}

/** The cohort after the finale, with the survey link filled in and check-ins recorded. */
export const afterTheFinale = once(() => {
  const emulator = cohortThroughTheYear();
  addCheckIns(emulator);
  settings(emulator, { evaluationSurveyUrl: SURVEY });
  moveTo(emulator, at('2025-11-26T10:00:00Z'));
  return emulator;
});

/** Every text cell of every tab of the bound spreadsheet, with where it is. */
export function allCells(emulator: Emulator): Array<{ where: string; text: string }> {
  const out: Array<{ where: string; text: string }> = [];
  for (const sheet of emulator.spreadsheets.active.doc.sheets)
    for (const [r, row] of emulator.spreadsheets.values(sheet.name).entries())
      for (const [c, v] of row.entries())
        if (typeof v === 'string' && v) out.push({ where: `${sheet.name}!R${r + 1}C${c + 1}`, text: v });
  return out;
}

/** The cells that hold anyone's name, address or library service. */
export function personalCells(
  cells: ReadonlyArray<{ where: string; text: string }>,
  people = EVERYONE,
): string[] {
  return cells.flatMap(({ where, text }) =>
    people.flatMap((p) =>
      [p.name, p.email, p.libraryService]
        .filter((needle) => text.toLowerCase().includes(needle.toLowerCase()))
        .map((needle) => `${where}: ${needle}`),
    ),
  );
}
