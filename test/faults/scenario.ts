/**
 * The whole-scheme scenario the fault trials run: a small cohort (6 mentors, 10 mentees) from
 * set-up to the second calendar sync after a withdrawal, as a list of steps at fixed simulated times.
 * Every step happens at its own instant whatever went before (the clock never goes back), so a
 * recovery that takes simulated time (a continuation, a day's quota) still ends before the next step.
 */

import { setStatuses } from '../../src/cli/coordinator';
import { choicesLinkAnswers } from '../../src/cli/participant';
import { AREAS } from '../../src/domain/scheme';
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import type { FormSubmission } from '../../src/emulator/forms/FormModule';
import { answers, COORDINATOR, formId, newCohort, SCHEME_START, settings } from '../support/cohort';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

export type StepKind = 'menu' | 'submit' | 'edit';

export interface Step {
  readonly name: string;
  readonly kind: StepKind;
  /** When the step happens (UTC ms). */
  readonly at: number;
  /** The menu caption a recovery clicks again. */
  readonly caption?: string;
  /** Does what the step does; returns the executions it started itself. */
  readonly act: (emulator: Emulator, state: ScenarioState) => ExecutionResult[];
}

/** What a recovery needs from the step just run (the event to deliver again). */
export interface ScenarioState {
  lastSubmission: FormSubmission | null;
}

interface Person {
  readonly n: number;
  readonly role: 'mentor' | 'mentee';
  readonly name: string;
  readonly email: string;
  readonly libraryService: string;
  readonly areas: string[];
  readonly capacity: number;
}

const MENTORS: Person[] = Array.from({ length: 6 }, (_, i) => ({
  n: i + 1,
  role: 'mentor',
  name: `Mentor ${i + 1}`,
  email: `mentor${i + 1}@example.org`,
  libraryService: `Mentor Service ${i + 1}`,
  areas: [AREAS[i % 6]!, AREAS[(i + 2) % 6]!],
  capacity: i < 2 ? 2 : 1,
}));

const MENTEES: Person[] = Array.from({ length: 10 }, (_, i) => ({
  n: i + 1,
  role: 'mentee',
  name: `Mentee ${i + 1}`,
  email: `mentee${i + 1}@example.org`,
  libraryService: `Mentee Service ${i + 1}`,
  areas: [AREAS[(i + 1) % 6]!],
  capacity: 1,
}));

/** The coordinator's decisions: mentors 1–5 and mentees 1–8 selected. */
function decision(role: string, n: number): string {
  if (role === 'Mentor') return n <= 5 ? 'Selected' : 'Waitlisted';
  return n <= 8 ? 'Selected' : n === 9 ? 'Waitlisted' : 'Not selected';
}

/** Moves the clock to `when`, running the triggers that fall due; never backwards. */
export function moveTo(emulator: Emulator, when: number): ExecutionResult[] {
  const now = emulator.rt.clock.now();
  return when > now ? emulator.advance(when - now) : [];
}

/** Clicks a Mentoring menu item; a failed or cut-off execution is returned, not thrown. */
export function clickMenu(emulator: Emulator, caption: string): ExecutionResult {
  const item = emulator.spreadsheets
    .menus()
    .flatMap((m) => m.items)
    .find((i) => i !== 'separator' && i.caption === caption);
  if (!item || item === 'separator') throw new Error(`no menu item ${caption}`);
  return emulator.run(item.functionName, undefined, 'menu');
}

function menu(name: string, when: string, caption = name): Step {
  return { name, kind: 'menu', at: at(when), caption, act: (e) => [clickMenu(e, caption)] };
}

function submit(
  name: string,
  when: number,
  form: (e: Emulator) => string,
  values: (e: Emulator) => Record<string, string | string[]>,
): Step {
  return {
    name,
    kind: 'submit',
    at: when,
    act: (e, state) => {
      const submission = e.forms.submit(form(e), values(e), { unchecked: true });
      if (!submission) throw new Error(`${name}: the form is not linked`);
      state.lastSubmission = submission;
      return e.deliverFormSubmit(submission);
    },
  };
}

function edit(name: string, when: number, change: (e: Emulator) => void): Step {
  return {
    name,
    kind: 'edit',
    at: when,
    act: (e) => {
      change(e);
      return [];
    },
  };
}

function application(p: Person, when: number): Step {
  return submit(
    `${p.name} applies`,
    when,
    (e) => formId(e, p.role),
    () => answers(p.role, { ...p, nation: 'Wales' }),
  );
}

/** Mentee n picks three selected mentors, by the labels the choices form shows. */
function choices(n: number, when: number): Step {
  const picks = [0, 1, 2].map((k) => ((n + k) % 5) + 1);
  return submit(
    `Mentee ${n} chooses mentors ${picks.join(', ')}`,
    when,
    (e) => formId(e, 'choices'),
    (e) => {
      const options =
        e.forms.data(formId(e, 'choices'))?.items.find((i) => i.title.includes('first choice'))?.choices ??
        [];
      const label = (m: number) => options.find((o) => o.startsWith(`Mentor ${m} — `)) ?? '';
      return {
        ...choicesLinkAnswers(e, `mentee${n}@example.org`),
        'Your work email address': `mentee${n}@example.org`,
        'Your first choice of mentor': label(picks[0]!),
        'Your second choice of mentor': label(picks[1]!),
        'Your third choice of mentor': label(picks[2]!),
      };
    },
  );
}

/** The steps, in order. Applications one a day from 25 March, choices three hours apart. */
export function scenario(): Step[] {
  const people = MENTORS.flatMap((m, i) => [m, MENTEES[i]!]).concat(MENTEES.slice(MENTORS.length));
  const day = (k: number) => at('2025-03-25T10:00:00Z') + k * 24 * HOUR;
  return [
    menu('Set up programme', '2025-03-24T09:00:00Z'),
    edit('Coordinator fills in Settings', at('2025-03-24T09:30:00Z'), (e) =>
      settings(e, { ...COORDINATOR, menteePlaces: '8', mentorPlaces: '5' }),
    ),
    ...people.map((p, k) => application(p, day(k))),
    menu('Check applications', '2025-04-22T09:00:00Z'),
    edit('Coordinator sets each status', at('2025-04-22T09:30:00Z'), (e) =>
      setStatuses(e, (row) => decision(String(row.Role), Number(String(row.ID).slice(3)))),
    ),
    menu('Send decisions', '2025-04-24T09:00:00Z'),
    menu('Send calendar invites', '2025-04-28T10:00:00Z'),
    menu('Open mentor choices', '2025-05-07T12:00:00Z'),
    ...Array.from({ length: 8 }, (_, i) => choices(i + 1, at('2025-05-08T09:00:00Z') + i * 3 * HOUR)),
    menu('Run matching', '2025-05-19T10:00:00Z'),
    menu('Announce pairs', '2025-05-20T08:00:00Z'),
    edit('Mentee 3 withdraws', at('2025-06-02T09:00:00Z'), (e) =>
      setStatuses(e, (row) => (row.Email === 'mentee3@example.org' ? 'Withdrawn' : null)),
    ),
    menu('Send calendar invites again', '2025-06-02T10:00:00Z', 'Send calendar invites'),
  ];
}

/** When every run ends: late enough for every continuation, before the next programme date. */
export const SCENARIO_END = at('2025-06-05T09:00:00Z');

export function newScenario(): Emulator {
  return newCohort({ now: SCHEME_START });
}
