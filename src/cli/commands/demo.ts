import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import { Command } from 'commander';
import { sampleCohort } from '../../../scripts/sample-cohort';
import type { Emulator } from '../../emulator/Emulator';
import { CliError } from '../workspace';
import { initWorkspace, SCHEME_START } from './init';
import { statusReport } from './status';
import { formIdFor } from './submit';

const DAY = 86_400_000;
/** The 2025 scheme's application deadline (18 April, end of day, BST) and the submission window. */
const DEADLINE = Date.UTC(2025, 3, 18, 22, 59);

export interface DemoStep {
  readonly title: string;
  readonly run: (emulator: Emulator) => void;
}

/** Moves the clock to `at` (running the triggers that fall due); never backwards. */
export function moveTo(emulator: Emulator, at: number): void {
  const now = emulator.rt.clock.now();
  if (at > now) emulator.advance(at - now);
}

/** The sample cohort applies through the two forms, over the weeks before the deadline. */
function applications(emulator: Emulator): DemoStep[] {
  const props = () => Object.fromEntries(emulator.properties.stores.script.values);
  return sampleCohort({ mentors: 14, mentees: 22, from: SCHEME_START + DAY, until: DEADLINE - DAY, withProblems: true }).map((s) => ({
    title: `${s.role} application${s.expect ? ` (${s.expect})` : ''}`,
    run: (emu) => {
      moveTo(emu, s.at);
      const submission = emu.forms.submit(formIdFor(props(), s.role), s.answers, { unchecked: Boolean(s.unchecked) });
      if (submission) emu.deliverFormSubmit(submission);
    },
  }));
}

export async function runDemo(dir: string, log: (line: string) => void = console.log): Promise<Emulator> {
  const emulator = initWorkspace({ now: SCHEME_START, mailQuota: 100 });
  const steps = applications(emulator);
  const bar = process.stdout.isTTY ? new SingleBar({ format: ' {bar} {value}/{total} {step}', hideCursor: true }) : null;
  bar?.start(steps.length, 0, { step: '' });
  steps.forEach((step, i) => {
    step.run(emulator);
    if (bar) bar.update(i + 1, { step: step.title });
    else log(`[${i + 1}/${steps.length}] ${step.title}`);
  });
  bar?.stop();
  const failed = emulator.executions.filter((e) => !e.ok);
  for (const f of failed) log(`! ${f.handler} failed: ${f.error?.message}`);
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
        if (!existsSync(join(dir, 'state.json'))) throw new CliError(`${dirArg} exists and is not a Cohort workspace: choose another folder.`, 2);
        rmSync(dir, { recursive: true, force: true });
      }
      const emulator = await runDemo(dir);
      console.log(`\n${statusReport(emulator)}\n`);
      console.log('Open:');
      console.log(`  ${join(dirArg, 'workbook.xlsx')}   every tab (LibreOffice or Excel)`);
      console.log(`  ${join(dirArg, 'outbox')}/*.eml     every email sent (any mail client)`);
      console.log(`  ${join(dirArg, 'calendar')}/*.ics   every programme event (any calendar)`);
      console.log(`  ${join(dirArg, 'forms')}/*.html     the forms as applicants see them`);
    });
}
