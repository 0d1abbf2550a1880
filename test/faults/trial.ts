/**
 * One run of the scenario, clean or with one fault in one step followed by its recovery.
 */

import { seededRandom } from '../../scripts/random';
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import { Runtime } from '../../src/emulator/runtime/Runtime';
import { arm, drawFault, type Fault, recover, type StepProfile, settleUnconfirmed } from './faults';
import { moveTo, newScenario, SCENARIO_END, type ScenarioState, scenario } from './scenario';
import { type Snapshot, snapshot } from './snapshot';

export interface CleanRun {
  readonly snapshot: Snapshot;
  readonly profiles: StepProfile[];
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

/** The scenario with no fault: the reference end state and what each step does. */
export function cleanRun(): CleanRun {
  const emulator = newScenario();
  const state: ScenarioState = { lastSubmission: null };
  const profiles: StepProfile[] = [];
  const steps = scenario();
  for (const [i, step] of steps.entries()) {
    moveTo(emulator, step.at);
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
  return { snapshot: snapshot(emulator), profiles, failures };
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
  const index = Math.floor(random() * steps.length);
  const step = steps[index]!;
  return { seed, step: index, stepName: step.name, fault: drawFault(random, step, profiles[index]!) };
}

export interface FaultyRun {
  readonly snapshot: Snapshot;
  readonly emulator: Emulator;
}

/** The scenario with the trial's fault in its step, then the recovery, then the rest as usual. */
export function faultyRun(trial: Trial, watch?: (emulator: Emulator) => void): FaultyRun {
  const emulator = newScenario();
  watch?.(emulator);
  const state: ScenarioState = { lastSubmission: null };
  scenario().forEach((step, i) => {
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
