/**
 * The whole-scheme scenario the fault trials run: a small cohort (6 mentors, 10 mentees) from
 * set-up to the second calendar sync after a withdrawal, then a short year of keeping in touch (the
 * coordinator brings the finale forward to 23 June so that it fits in three weeks: one round of
 * check-ins, some answered, a nudge, the continuation question and its answers, the needs-attention
 * list, the finale thank-you) and its close (the evaluation invitations, the evaluator's export,
 * Close the programme), as a list of steps at fixed simulated times.
 * Every step happens at its own instant whatever went before (the clock never goes back), so a
 * recovery that takes simulated time (a continuation, a day's quota) still ends before the next step.
 */

import { setStatuses } from '../../src/cli/coordinator';
import { choicesLinkAnswers, linkAnswers } from '../../src/cli/participant';
import { CHECK_IN_ITEMS, CONTINUATION_ITEMS } from '../../src/domain/forms/keepInTouch';
import { AREAS } from '../../src/domain/scheme';
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import type { FormSubmission } from '../../src/emulator/forms/FormModule';
import {
  answers,
  COORDINATOR,
  edit as editRows,
  formId,
  newCohort,
  SCHEME_START,
  settings,
} from '../support/cohort';

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

const question = (items: typeof CHECK_IN_ITEMS, key: string) => items.find((i) => i.key === key)!.title;

interface CheckInAnswer {
  readonly met: 'Yes' | 'No';
  readonly rating: number;
  readonly note?: string;
  readonly coach: 'Yes' | 'No';
}

/** `who` opens the check-in email about `partner` and answers (no email: no code, as from the plain form). */
function checkIn(who: string, email: string | null, partner: string, when: number, a: CheckInAnswer): Step {
  return submit(
    email ? `${who} answers the check-in about ${partner}` : `${who} sends a check-in without a link`,
    when,
    (e) => formId(e, 'check-in'),
    (e) => ({
      ...(email ? linkAnswers(e, email, /How is your mentoring going/, `with ${partner}:`) : {}),
      [question(CHECK_IN_ITEMS, 'met')]: a.met,
      [question(CHECK_IN_ITEMS, 'rating')]: String(a.rating),
      ...(a.note ? { [question(CHECK_IN_ITEMS, 'note')]: a.note } : {}),
      [question(CHECK_IN_ITEMS, 'coach')]: a.coach,
    }),
  );
}

function continuation(who: string, email: string, partner: string, when: number, answer: string): Step {
  return submit(
    `${who} answers the continuation question about ${partner}: ${answer}`,
    when,
    (e) => formId(e, 'continuation'),
    (e) => ({
      ...linkAnswers(e, email, /keep meeting/, `You and ${partner} are`),
      [question(CONTINUATION_ITEMS, 'continues')]: answer,
    }),
  );
}

/**
 * The year after the introductions, shortened: check-ins 2 weeks after them (3 June), a nudge for
 * the pair that says nothing (mentee 2 and mentor 3: 10 June), the continuation question a week
 * before the finale (16 June), the pair on the list 14 days after the nudge and the thank-you after
 * the finale (both 24 June). The morning trigger runs at 07:00 London time (06:00 UTC);
 * the coordinator clicks at 06:00, so the faults fall on the click. Pairs: mentee 1 and 6 with
 * mentor 2, 5 and 8 with mentor 1, 2 with 3, 4 with 5; mentee 3 (with mentor 4) has withdrawn.
 */
function keepingInTouch(): Step[] {
  const day = (iso: string, hour: number) => at(`${iso}T${String(hour).padStart(2, '0')}:00:00Z`);
  return [
    edit('Coordinator adds the coach and brings the finale forward', at('2025-06-02T11:00:00Z'), (e) => {
      settings(e, {
        coachName: 'Dr Alex Morgan',
        coachEmail: 'coach@coaching.example',
        firstCheckInWeeks: '2',
        checkInEveryWeeks: '4',
        nudgeAfterDays: '14',
        continuationWeeksBefore: '1',
        programmeEndDate: '2025-06-30',
      });
      editRows(e, 'Programme', (r) => r.Key === 'finale', { Date: '2025-06-23' });
    }),
    menu('Keep in touch: the check-ins', '2025-06-03T05:00:00Z', 'Keep in touch now'),
    checkIn('Mentee 1', 'mentee1@example.org', 'Mentor 2', day('2025-06-03', 10), {
      met: 'Yes',
      rating: 4,
      coach: 'No',
    }),
    checkIn('Mentor 2', 'mentor2@example.org', 'Mentee 6', day('2025-06-03', 11), {
      met: 'Yes',
      rating: 2,
      note: 'We have met once; I am not sure I am helping.',
      coach: 'Yes',
    }),
    checkIn('Mentee 4', 'mentee4@example.org', 'Mentor 5', day('2025-06-03', 12), {
      met: 'Yes',
      rating: 5,
      coach: 'No',
    }),
    checkIn('Mentor 1', 'mentor1@example.org', 'Mentee 5', day('2025-06-03', 13), {
      met: 'Yes',
      rating: 4,
      coach: 'No',
    }),
    checkIn('Mentee 8', 'mentee8@example.org', 'Mentor 1', day('2025-06-03', 14), {
      met: 'Yes',
      rating: 3,
      coach: 'No',
    }),
    checkIn('Someone', null, '', day('2025-06-03', 15), { met: 'Yes', rating: 1, coach: 'No' }),
    menu('Keep in touch: the nudge', '2025-06-10T05:00:00Z', 'Keep in touch now'),
    menu('Keep in touch: the continuation question', '2025-06-16T05:00:00Z', 'Keep in touch now'),
    continuation('Mentee 1', 'mentee1@example.org', 'Mentor 2', day('2025-06-16', 10), 'Yes'),
    continuation('Mentor 2', 'mentor2@example.org', 'Mentee 1', day('2025-06-16', 11), 'Yes'),
    continuation('Mentee 4', 'mentee4@example.org', 'Mentor 5', day('2025-06-16', 12), 'Yes'),
    continuation('Mentor 5', 'mentor5@example.org', 'Mentee 4', day('2025-06-16', 13), 'No'),
    menu('Keep in touch: the list and the thank-you', '2025-06-24T05:00:00Z', 'Keep in touch now'),
  ];
}

/**
 * The close, after the shortened year: the evaluation invitations once the finale is over, the
 * evaluator's export, and Close the programme once the programme's end date (30 June) has passed.
 */
function closing(): Step[] {
  return [
    edit('Coordinator adds the evaluation survey', at('2025-06-24T11:00:00Z'), (e) =>
      settings(e, { evaluationSurveyUrl: 'https://evaluation.example/peer-mentoring-2025' }),
    ),
    menu('Invite to the evaluation', '2025-06-25T09:00:00Z'),
    menu('Export for the evaluator', '2025-06-25T10:00:00Z'),
    menu('Close the programme', '2025-07-01T09:00:00Z'),
  ];
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
    ...keepingInTouch(),
    ...closing(),
  ];
}

/** When every run ends: late enough for every continuation. */
export const SCENARIO_END = at('2025-07-02T09:00:00Z');

export function newScenario(): Emulator {
  return newCohort({ now: SCHEME_START });
}
