/**
 * Dialog trials (issue 9.3a), beside the fault trials (faults.test.ts) so that the two run in
 * parallel: every dialog of the scenario (each menu step asks, or at least says what it did, in one)
 * with each trigger that can run while it is open. On Google the dialog drops the script lock, so
 * the trigger runs in the middle of the action. Every email and invitation must still go exactly once.
 */
import { DIALOG_TRIGGERS, type DialogTrigger } from './faults';
import { scenario } from './scenario';
import { type CleanRun, cleanRun, faultyRun, type Trial } from './trial';

const steps = scenario();
const introduced = steps.findIndex((s) => s.name === 'Announce pairs');
const decided = steps.findIndex((s) => s.name === 'Send decisions');
const firstCalendar = steps.findIndex((s) => s.name === 'Send calendar invites');

/**
 * The triggers that can do something while a step's question is open (each trial is a whole
 * scenario: none is run for naught): the scheduled decisions until the decisions are sent, the
 * calendar's continuation once there is a calendar, the morning keep-in-touch run once pairs are
 * introduced; while keeping in touch, only the continuations, a response and the morning run.
 */
function dialogTriggersFor(step: (typeof steps)[number], i: number): readonly DialogTrigger[] {
  if (step.caption === 'Keep in touch now') return ['continuation', 'form-submit', 'keep-in-touch'];
  return DIALOG_TRIGGERS.filter(
    (t) =>
      (t !== 'keep-in-touch' || i >= introduced) &&
      (t !== 'scheduled-decisions' || i <= decided) &&
      (t !== 'calendar-continuation' || i >= firstCalendar),
  );
}

const menuSteps = steps.flatMap((step, i) => (step.kind === 'menu' ? [{ step, i }] : []));

/**
 * Every dialog with every trigger that can do something meanwhile. Each trial starts from the clean
 * run's checkpoint at its step, so all of them fit in CI (before checkpoints, CI ran half).
 */
const dialogTrials: Trial[] = menuSteps.flatMap(({ step, i }) =>
  dialogTriggersFor(step, i).map((trigger) => ({
    seed: 0,
    step: i,
    stepName: step.name,
    fault: { kind: 'dialog' as const, trigger },
  })),
);

let clean: CleanRun;
let dialogRuns = 0;
let dialogPassed = 0;

beforeAll(() => {
  clean = cleanRun(new Set(dialogTrials.map((t) => t.step)));
});

describe('dialog trials: a trigger runs while the coordinator reads a question', () => {
  afterAll(() => console.log(`faults: ${dialogRuns} dialog trials, ${dialogPassed} passed`));
  it.each(
    dialogTrials.map((t) => [`${t.stepName} + ${(t.fault as { trigger: string }).trigger}`, t] as const),
  )('%s', (_name, trial) => {
    dialogRuns++;
    const faulty = faultyRun(trial, clean.checkpoints[trial.step]);
    expect({ trial, end: faulty.snapshot }).toEqual({ trial, end: clean.snapshot });
    dialogPassed++;
  });
});
