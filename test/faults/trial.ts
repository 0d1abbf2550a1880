/**
 * One run of the scenario, clean or with one fault in one step followed by its recovery.
 */

import { seededRandom } from '../../scripts/random';
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import type { FormSubmission } from '../../src/emulator/forms/FormModule';
import { Runtime } from '../../src/emulator/runtime/Runtime';
import { arm, drawFault, type Fault, recover, type StepProfile, settleUnconfirmed } from './faults';
import { moveTo, newScenario, SCENARIO_END, type ScenarioState, scenario } from './scenario';
import { type Snapshot, snapshot } from './snapshot';

/** The clean run just before a step (its time reached, the step not yet taken), to start trials from. */
export interface Checkpoint {
  readonly emulator: Emulator;
  readonly lastSubmission: FormSubmission | null;
}

export interface CleanRun {
  readonly snapshot: Snapshot;
  readonly profiles: StepProfile[];
  /** By step, where asked for: a trial at that step starts from a copy instead of replaying the year. */
  readonly checkpoints: ReadonlyArray<Checkpoint | undefined>;
  /** Executions that failed in the clean run (there should be none). */
  readonly failures: string[];
}

function profileOf(
  ran: readonly ExecutionResult[],
  calendarWrites: number,
  untilNextMs: number,
): StepProfile {
  const first = ran[0];
  const all = (...prefixes: string[]) => ran.reduce((n, r) => n + Runtime.count(r.calls, ...prefixes), 0);
  return {
    calls: first ? Runtime.count(first.calls, '') : 0,
    sends: all('MailApp.sendEmail'),
    calendarCalls: all('Calendar.'),
    calendarWrites,
    untilNextMs,
  };
}

/**
 * The scenario with no fault: the reference end state and what each step does, with a checkpoint at
 * each step in `checkpointAt` (a copy costs about as much as a day of triggers: only where trials start).
 */
export function cleanRun(checkpointAt: ReadonlySet<number> = new Set()): CleanRun {
  const emulator = newScenario();
  const state: ScenarioState = { lastSubmission: null };
  const profiles: StepProfile[] = [];
  const checkpoints: Array<Checkpoint | undefined> = [];
  const steps = scenario();
  for (const [i, step] of steps.entries()) {
    moveTo(emulator, step.at);
    if (checkpointAt.has(i))
      checkpoints[i] = { emulator: emulator.fork(), lastSubmission: state.lastSubmission };
    const from = emulator.executions.length;
    const writes = emulator.calendar.writeCount;
    const calendars = emulator.calendar.calendars().length;
    step.act(emulator, state);
    // A step's own executions and the continuations they scheduled (before the next step).
    const ran = emulator.executions.slice(from);
    profiles.push(
      profileOf(
        ran,
        emulator.calendar.writeCount - writes + emulator.calendar.calendars().length - calendars,
        (steps[i + 1]?.at ?? SCENARIO_END) - step.at,
      ),
    );
  }
  moveTo(emulator, SCENARIO_END);
  const failures = emulator.executions.filter((e) => !e.ok).map((e) => `${e.handler}: ${e.error?.message}`);
  return { snapshot: snapshot(emulator), profiles, checkpoints, failures };
}

/** The rest of the scenario, without a fault, from the checkpoint at step `index`: as the clean run ends. */
export function cleanRest(from: Checkpoint, index: number): Snapshot {
  const { emulator, state } = resume(from);
  for (const step of scenario().slice(index)) {
    moveTo(emulator, step.at);
    step.act(emulator, state);
  }
  moveTo(emulator, SCENARIO_END);
  return snapshot(emulator);
}

/** A copy of the checkpoint to go on from, with the scenario's state pointing at the copy. */
function resume(from: Checkpoint): { emulator: Emulator; state: ScenarioState } {
  const emulator = from.emulator.fork();
  const lastSubmission = from.lastSubmission ? emulator.adopt(from.lastSubmission) : null;
  return { emulator, state: { lastSubmission } };
}

export interface Trial {
  readonly seed: number;
  readonly step: number;
  readonly stepName: string;
  readonly fault: Fault;
}

/** Which step and which fault a seed means. */
export function drawTrial(seed: number, profiles: readonly StepProfile[]): Trial {
  const random = seededRandom(seed);
  const steps = scenario();
  const index = drawStep(random, steps.length);
  const step = steps[index]!;
  return { seed, step: index, stepName: step.name, fault: drawFault(random, step, profiles[index]!) };
}

/** The step a seed's trial is at (drawTrial's first draw), known before the clean run. */
export function stepOfSeed(seed: number): number {
  return drawStep(seededRandom(seed), scenario().length);
}

function drawStep(random: () => number, steps: number): number {
  return Math.floor(random() * steps);
}

export interface FaultyRun {
  readonly snapshot: Snapshot;
  readonly emulator: Emulator;
}

/**
 * The scenario with the trial's fault in its step, then the recovery, then the rest as usual. With
 * the clean run's checkpoint at the trial's step, it starts from a copy of that (the steps before are
 * the clean run's, fault-free) instead of replaying them.
 */
export function faultyRun(trial: Trial, from?: Checkpoint): FaultyRun {
  const { emulator, state } = from
    ? resume(from)
    : { emulator: newScenario(), state: { lastSubmission: null } };
  scenario().forEach((step, i) => {
    if (from && i < trial.step) return;
    moveTo(emulator, step.at);
    if (i !== trial.step) {
      step.act(emulator, state);
      return;
    }
    const disarm = arm(emulator, trial.fault, state);
    let ran: ExecutionResult[];
    try {
      ran = step.act(emulator, state);
    } finally {
      disarm();
    }
    recover(emulator, step, trial.fault, state, ran);
    settleUnconfirmed(emulator);
  });
  moveTo(emulator, SCENARIO_END);
  return { snapshot: snapshot(emulator), emulator };
}
