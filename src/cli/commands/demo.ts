import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { type SampleSubmission, sampleCohort } from '../../../scripts/sample-cohort';
import type { Emulator } from '../../emulator/Emulator';
import { yesResponder } from '../../emulator/runtime/Runtime';
import { CliDialogs } from '../dialogs';
import { rowsOf, typeCell } from '../edit';
import { choicesLinkAnswers } from '../participant';
import { progressBar } from '../progress';
import { actionFailure, CliError, clickMenu } from '../workspace';
import { keepInTouchSteps } from './demoKeepInTouch';
import { initWorkspace, SCHEME_START } from './init';
import { statusReport } from './status';
import { formIdFor } from './submit';

const DAY = 86_400_000;
/** 2025 scheme dates, as UTC instants (London is on BST from 30 March). */
const at = (iso: string) => Date.parse(iso);
const DEADLINE = at('2025-04-18T22:59:00Z');

export interface DemoStep {
  readonly title: string;
  readonly run: (emulator: Emulator) => void;
}

/** Moves the clock to `when` (running the triggers that fall due); never backwards. */
export function moveTo(emulator: Emulator, when: number): void {
  const now = emulator.rt.clock.now();
  if (when > now) emulator.advance(when - now);
}

const props = (emulator: Emulator) => Object.fromEntries(emulator.properties.stores.script.values);

function menu(caption: string, when: string): DemoStep {
  return {
    title: `${when.slice(0, 10)} coordinator: ${caption}`,
    run: (emulator) => {
      moveTo(emulator, at(when));
      const failed = actionFailure(emulator, caption, clickMenu(emulator, caption));
      if (failed !== null) throw new CliError(`${caption} failed: ${failed}`);
    },
  };
}

/** The coordinator types a Status into an applicant's row, as in Sheets. */
const setStatus = (emulator: Emulator, id: unknown, status: string) =>
  typeCell(emulator, 'Applicants', String(id), 'Status', status);

/** A realistic selection within the places in Settings: problems resolved or declined, as a coordinator would. */
function select(emulator: Emulator): void {
  let mentees = 0;
  let mentors = 0;
  const decide = (row: Record<string, unknown>): string => {
    const problems = String(row.Problems ?? '');
    if (/both mentor and mentee/.test(problems) && row.Role === 'Mentor') return 'Withdrawn';
    if (/nation|deadline|email/i.test(problems)) return 'Not selected';
    if (row.Role === 'Mentor') return ++mentors <= 14 ? 'Selected' : 'Waitlisted';
    mentees++;
    return mentees <= 18 ? 'Selected' : mentees <= 21 ? 'Waitlisted' : 'Not selected';
  };
  for (const row of rowsOf(emulator, 'Applicants')) if (row.Role) setStatus(emulator, row.ID, decide(row));
}

function submissionStep(s: SampleSubmission): DemoStep {
  return {
    title: `${new Date(s.at).toISOString().slice(0, 10)} ${s.role} applies${s.expect ? ` (${s.expect})` : ''}`,
    run: (emulator) => {
      moveTo(emulator, s.at);
      const submission = emulator.forms.submit(formIdFor(props(emulator), s.role), s.answers, {
        unchecked: Boolean(s.unchecked),
      });
      if (submission) emulator.deliverFormSubmit(submission);
    },
  };
}

/**
 * After the launch event each selected mentee picks three mentors: mostly ones who offer what they
 * need, with the first few mentors more popular than the rest, as at a real speed-dating session.
 */
function choicesStep(): DemoStep {
  return {
    title: '2025-05-08 selected mentees choose their mentors',
    run: (emulator) => {
      moveTo(emulator, at('2025-05-08T10:00:00Z'));
      const id = formIdFor(props(emulator), 'choices');
      const options =
        emulator.forms.data(id)?.items.find((i) => i.title.includes('first choice'))?.choices ?? [];
      const [header = [], ...rows] = emulator.spreadsheets.values('Applicants');
      const h = (name: string) => header.map(String).indexOf(name);
      const areas = (r: unknown[]) => String(r[h('Areas')]).split(', ');
      const selected = (role: string) =>
        rows.filter((r) => r[h('Role')] === role && r[h('Status')] === 'Selected');
      const mentors = selected('Mentor').map((r) => ({
        label: options.find((o) => o.startsWith(`${String(r[h('Name')])} — `)) ?? '',
        areas: areas(r),
        service: String(r[h('Library service')]),
      }));
      // How often each mentor has been someone's first choice: at a launch, every mentor appeals to someone.
      const firsts = new Map<string, number>();
      selected('Mentee').forEach((r, i) => {
        const needs = areas(r);
        const ranked = mentors
          .filter((m) => m.label && m.service !== String(r[h('Library service')]))
          .map((m, k) => ({
            m,
            // Shared areas first; between equals, each mentee's own taste (not everyone the same top three).
            score: m.areas.filter((a) => needs.includes(a)).length * 10 + ((i * 7 + k * 5) % 13),
          }))
          .sort((a, b) => b.score - a.score);
        // The first choice goes to the least-chosen of the mentors sharing a need with them.
        const best = ranked.filter((x) => x.m.areas.some((a) => needs.includes(a)));
        const pick = [...best].sort(
          (a, b) => (firsts.get(a.m.label) ?? 0) - (firsts.get(b.m.label) ?? 0) || b.score - a.score,
        )[0];
        if (pick) firsts.set(pick.m.label, (firsts.get(pick.m.label) ?? 0) + 1);
        const [first, second, third] = [
          ...(pick ? [pick.m.label] : []),
          ...ranked.filter((x) => x !== pick).map((x) => x.m.label),
        ];
        emulator.advance(20 * 60_000);
        const submission = emulator.forms.submit(
          id,
          {
            // Each mentee opens the personal link in their "Choose your mentors" email.
            ...choicesLinkAnswers(emulator, String(r[h('Email')])),
            'Your work email address': String(r[h('Email')]),
            'Your first choice of mentor': first ?? '',
            'Your second choice of mentor': second ?? '',
            'Your third choice of mentor': third ?? '',
          },
          { unchecked: true },
        );
        if (submission) emulator.deliverFormSubmit(submission);
      });
    },
  };
}

export function demoSteps(): DemoStep[] {
  const applications = sampleCohort({
    mentors: 16,
    mentees: 24,
    from: SCHEME_START + DAY,
    until: DEADLINE - DAY,
    withProblems: true,
  });
  const calendar = (when: string): DemoStep[] => [
    {
      title: `${when.slice(0, 10)} coordinator: Send calendar invites`,
      run: (emulator) => {
        const has = emulator.spreadsheets
          .menus()
          .some((m) => m.items.some((i) => i !== 'separator' && i.caption === 'Send calendar invites'));
        if (has) menu('Send calendar invites', when).run(emulator);
      },
    },
  ];
  return [
    {
      title: '2025-03-24 coordinator fills in Settings',
      run: (emulator) => {
        for (const [key, value] of Object.entries({
          coordinatorName: 'Rhian Evans',
          coordinatorEmail: 'rhian.evans@example.org',
          coachName: 'Dr Alex Morgan',
          coachEmail: 'alex.morgan@coaching.example',
          contactName: 'Dewi Price',
          contactEmail: 'dewi.price@example.org',
          handbookUrl: 'https://librariesconnected.example/mentoring-handbook',
          videoUrl: 'https://librariesconnected.example/mentoring-video',
          menteePlaces: '18',
          mentorPlaces: '14',
        }))
          typeCell(emulator, 'Settings', key, 'Value', value);
      },
    },
    ...applications.map(submissionStep),
    menu('Check applications', '2025-04-22T09:00:00Z'),
    { title: '2025-04-22 coordinator sets each status in Applicants', run: select },
    menu('Check applications', '2025-04-22T10:00:00Z'),
    {
      title: '2025-04-24 coordinator: Send decisions on… 25 April 09:00',
      run: (emulator) => {
        moveTo(emulator, at('2025-04-24T15:00:00Z'));
        emulator.rt.dialogs = new CliDialogs(emulator.rt, true, ['2025-04-25 09:00']);
        clickMenu(emulator, 'Send decisions on…');
        emulator.rt.dialogs = yesResponder;
      },
    },
    {
      title: '2025-04-25 decisions go out (scheduled; the daily quota may spread them)',
      run: (emulator) => moveTo(emulator, at('2025-04-28T09:00:00Z')),
    },
    ...calendar('2025-04-28T10:00:00Z'),
    menu('Open mentor choices', '2025-05-07T12:00:00Z'),
    choicesStep(),
    menu('Run matching', '2025-05-19T10:00:00Z'),
    menu('Announce pairs', '2025-05-20T08:00:00Z'),
    {
      title: '2025-06-02 a mentee withdraws',
      run: (emulator) => {
        moveTo(emulator, at('2025-06-02T09:00:00Z'));
        const mentee = rowsOf(emulator, 'Applicants').find(
          (row) => row.Role === 'Mentee' && row.Status === 'Selected',
        );
        if (mentee) setStatus(emulator, mentee.ID, 'Withdrawn');
      },
    },
    // Matching ends the withdrawn mentee's pair (their mentor is told) and moves no announced pair.
    menu('Run matching', '2025-06-02T09:30:00Z'),
    ...calendar('2025-06-02T10:00:00Z'),
    {
      title: '2025-06-05 the last continuations run',
      run: (emulator) => moveTo(emulator, at('2025-06-05T09:00:00Z')),
    },
    ...keepInTouchSteps(moveTo),
    ...closingSteps(),
  ];
}

/** After the finale (25 November): the evaluation, the evaluator's export, and the close. */
function closingSteps(): DemoStep[] {
  return [
    {
      title: '2025-11-26 coordinator fills in the evaluation survey link',
      run: (emulator) => {
        moveTo(emulator, at('2025-11-26T09:30:00Z'));
        typeCell(
          emulator,
          'Settings',
          'evaluationSurveyUrl',
          'Value',
          'https://evaluation.example/peer-mentoring-2025',
        );
      },
    },
    menu('Invite to the evaluation', '2025-11-26T10:00:00Z'),
    menu('Export for the evaluator', '2025-11-27T10:00:00Z'),
    menu('Close the programme', '2025-12-01T10:00:00Z'),
    {
      title: '2025-12-02 the last continuations run',
      run: (emulator) => moveTo(emulator, at('2025-12-02T09:00:00Z')),
    },
  ];
}

export async function runDemo(dir: string, log: (line: string) => void = console.log): Promise<Emulator> {
  const emulator = initWorkspace({ now: SCHEME_START, mailQuota: 100 });
  emulator.rt.dialogs = yesResponder;
  const steps = demoSteps();
  const bar = progressBar(steps.length);
  steps.forEach((step, i) => {
    step.run(emulator);
    if (bar) bar.update(i + 1, step.title.slice(0, 60));
    else log(`[${i + 1}/${steps.length}] ${step.title}`);
  });
  bar?.stop();
  for (const f of emulator.executions.filter((e) => !e.ok)) log(`! ${f.handler} failed: ${f.error?.message}`);
  await emulator.save(dir);
  return emulator;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('run the whole 2025 scheme offline with a fictional cohort, into a fresh workspace')
    .argument('[dir]', 'the workspace folder (replaced if it is an earlier demo)', './cohort-demo')
    .action(async (dirArg: string) => {
      const dir = resolve(dirArg);
      if (existsSync(dir)) {
        if (!existsSync(join(dir, 'state.json')))
          throw new CliError(`${dirArg} exists and is not a Cohort workspace: choose another folder.`, 2);
        rmSync(dir, { recursive: true, force: true });
      }
      const emulator = await runDemo(dir);
      console.log(`\n${statusReport(emulator)}\n`);
      console.log('Open:');
      console.log(`  ${join(dirArg, 'workbook.xlsx')}   every tab (LibreOffice or Excel)`);
      console.log(`  ${join(dirArg, 'outbox')}/*.eml     every email sent (any mail client)`);
      console.log(`  ${join(dirArg, 'calendar')}/*.ics   every programme event (any calendar)`);
      console.log(`  ${join(dirArg, 'forms')}/*.html     the forms as applicants see them`);
      console.log(`  ${join(dirArg, 'exports')}/*.xlsx   the evaluator's pseudonymised export`);
    });
}
