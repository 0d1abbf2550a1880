/**
 * The faults a trial injects into one step of the scenario, and the recovery that follows each, as
 * Google or the coordinator would do it.
 */
import type { Emulator, ExecutionResult } from '../../src/emulator/Emulator';
import { clickMenu, moveTo, type ScenarioState, type Step } from './scenario';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const FULL_QUOTA = 1500;

/** What the clean run measured of one step: a fault is only drawn where it can fall. */
export interface StepProfile {
  /** Service calls of the step's first execution. */
  readonly calls: number;
  readonly sends: number;
  readonly calendarCalls: number;
  readonly calendarWrites: number;
  /** Until the next step (ms): a recovery must end before it, or the next step would happen late. */
  readonly untilNextMs: number;
}

export type Fault =
  | { kind: 'kill'; at: number; reason: 'time-limit' | 'injected' }
  | { kind: 'slow'; msPerCall: number }
  | { kind: 'mail-transient'; from: number; count: number }
  | { kind: 'mail-permanent'; at: number }
  | { kind: 'quota'; left: number }
  | { kind: 'calendar-burst'; from: number; count: number }
  | { kind: 'calendar-refused'; at: number }
  | { kind: 'lock'; holdMs: number }
  | { kind: 'edit'; edit: CoordinatorEdit }
  | { kind: 'dialog'; trigger: DialogTrigger };

/**
 * A trigger that runs while the coordinator has a dialog open: on Google the dialog suspends the
 * script and drops its lock, so any of these can run in that window.
 */
export const DIALOG_TRIGGERS = [
  'continuation',
  'scheduled-decisions',
  'form-submit',
  'calendar-continuation',
  'keep-in-touch',
] as const;
export type DialogTrigger = (typeof DIALOG_TRIGGERS)[number];

export type CoordinatorEdit =
  | { kind: 'move-column'; tab: string; from: number; to: number }
  | { kind: 'add-column'; tab: string; to: number }
  | { kind: 'blank-rows'; tab: string; at: number; count: number }
  | { kind: 'delete-log-row'; pick: number };

export type Random = () => number;

const int = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
function pick<T>(random: Random, xs: readonly T[]): T {
  return xs[Math.floor(random() * xs.length)]!;
}

const EDITABLE_TABS = [
  'Applicants',
  'Outbox',
  'Programme',
  'Settings',
  'Choices',
  'Matches',
  'Forms',
  'CheckIns',
  'Attention',
];

/** Draws a fault that can happen in this step. */
export function drawFault(random: Random, step: Step, profile: StepProfile): Fault {
  const kinds: Fault['kind'][] = ['edit'];
  if (step.kind !== 'edit') kinds.push('kill', 'kill', 'slow', 'lock');
  if (step.kind === 'menu') kinds.push('dialog');
  if (profile.sends > 0) kinds.push('mail-transient', 'mail-permanent', 'quota');
  if (profile.calendarCalls > 0) kinds.push('calendar-burst');
  if (profile.calendarWrites > 0) kinds.push('calendar-refused');
  const kind = pick(random, kinds);
  switch (kind) {
    case 'kill':
      return { kind, at: int(random, 1, profile.calls), reason: random() < 0.5 ? 'injected' : 'time-limit' };
    case 'slow':
      return { kind, msPerCall: pick(random, [2_000, 5_000, 20_000]) };
    case 'mail-transient':
      return { kind, from: int(random, 1, profile.sends), count: int(random, 1, 3) };
    case 'mail-permanent':
      return { kind, at: int(random, 1, profile.sends) };
    case 'quota':
      return { kind, left: int(random, 0, profile.sends - 1) };
    case 'calendar-burst':
      return { kind, from: int(random, 1, profile.calendarCalls), count: int(random, 1, 8) };
    case 'calendar-refused':
      return { kind, at: int(random, 1, profile.calendarWrites) };
    case 'lock': {
      // Up to two hours, but released (and the recovery's 5 minutes over) before the next step.
      const most = Math.min(120, Math.floor(profile.untilNextMs / MINUTE) - 10);
      return { kind, holdMs: int(random, 1, Math.max(1, most)) * MINUTE };
    }
    case 'dialog':
      return { kind, trigger: pick(random, DIALOG_TRIGGERS) };
    case 'edit': {
      const which = pick(random, ['move-column', 'add-column', 'blank-rows', 'delete-log-row'] as const);
      const tab = pick(random, EDITABLE_TABS);
      if (which === 'move-column')
        return { kind, edit: { kind: which, tab, from: int(random, 1, 20), to: int(random, 1, 20) } };
      if (which === 'add-column') return { kind, edit: { kind: which, tab, to: int(random, 1, 20) } };
      if (which === 'blank-rows')
        return { kind, edit: { kind: which, tab, at: int(random, 2, 40), count: int(random, 1, 3) } };
      return { kind, edit: { kind: which, pick: int(random, 1, 1000) } };
    }
  }
}

/** Applies a coordinator's edit; one that cannot apply here (no such tab yet) does nothing. */
export function applyEdit(emulator: Emulator, edit: CoordinatorEdit): void {
  const sheets = emulator.spreadsheets;
  const has = (name: string) => sheets.active.doc.sheets.some((s) => s.name === name);
  if (edit.kind === 'delete-log-row') {
    if (!has('Log')) return;
    const rows = sheets.values('Log').length;
    if (rows > 1) sheets.deleteRowHost('Log', 2 + (edit.pick % (rows - 1)));
    return;
  }
  if (!has(edit.tab)) return;
  const width = Math.max(1, (sheets.values(edit.tab)[0] ?? []).length);
  if (edit.kind === 'move-column') {
    sheets.moveColumn(edit.tab, 1 + ((edit.from - 1) % width), 1 + ((edit.to - 1) % width));
  } else if (edit.kind === 'add-column') {
    sheets.editSheet(edit.tab, (values) =>
      values.map((r, i) => {
        const padded = [...r, ...Array<unknown>(Math.max(0, width - r.length)).fill('')];
        return [...padded, i === 0 ? 'My notes' : i % 2 ? `note ${i}` : ''];
      }),
    );
    sheets.moveColumn(edit.tab, width + 1, 1 + ((edit.to - 1) % (width + 1)));
  } else {
    sheets.editSheet(edit.tab, (values) => {
      const at = Math.min(edit.at - 1, values.length);
      const blank = Array.from({ length: edit.count }, () => values[0]!.map(() => ''));
      return [...values.slice(0, at), ...blank, ...values.slice(at)];
    });
  }
}

/** Runs the trigger as Google would while a dialog is open (the emulator nests it). */
function fireDuring(emulator: Emulator, trigger: DialogTrigger, state: ScenarioState): void {
  const clock = { authMode: 'FULL', triggerUid: 'dialog-trial' };
  if (trigger === 'continuation') emulator.run('continueOutbox', clock, 'trigger');
  else if (trigger === 'scheduled-decisions') emulator.run('sendScheduledDecisions', clock, 'trigger');
  else if (trigger === 'calendar-continuation') emulator.run('continueCalendar', clock, 'trigger');
  else if (trigger === 'keep-in-touch') emulator.run('keepInTouchDaily', clock, 'trigger');
  else if (state.lastSubmission) emulator.deliverFormSubmit(state.lastSubmission);
}

/** Turns a fault on for the step; returns what turns it off. */
export function arm(emulator: Emulator, fault: Fault, state: ScenarioState): () => void {
  const { rt, mail, calendar, locks } = emulator;
  switch (fault.kind) {
    case 'dialog':
      emulator.whileNextDialog(() => fireDuring(emulator, fault.trigger, state));
      return () => {};
    case 'edit':
      applyEdit(emulator, fault.edit);
      return () => {};
    case 'lock':
      locks.holdByOther('script', rt.clock.now() + fault.holdMs);
      return () => {};
    case 'quota': {
      const used = FULL_QUOTA - mail.remaining();
      mail.setDailyQuota(used + fault.left);
      return () => {};
    }
    case 'kill':
    case 'slow': {
      let execution: number | null = null;
      let calls = 0;
      let on = true;
      const hook = (_call: string, r: typeof rt) => {
        const id = r.execution?.id;
        if (!on || id === undefined) return;
        execution ??= id;
        if (id !== execution) return;
        if (fault.kind === 'slow') {
          r.clock.advance(fault.msPerCall);
          return;
        }
        if (++calls === fault.at) {
          on = false;
          r.kill(fault.reason);
        }
      };
      rt.faults.push(hook);
      return () => {
        on = false;
        rt.faults.splice(rt.faults.indexOf(hook), 1);
      };
    }
    case 'mail-transient':
    case 'mail-permanent': {
      let sends = 0;
      let bad: string | null = null;
      const failure = ({ to }: { to: string[] }) => {
        sends++;
        if (fault.kind === 'mail-transient')
          return sends >= fault.from && sends < fault.from + fault.count
            ? "We're sorry, a server error occurred. Please wait a bit and try again."
            : undefined;
        if (sends === fault.at) bad = to[0] ?? null;
        return bad !== null && to.includes(bad) ? `Invalid email: ${bad}` : undefined;
      };
      mail.failures.push(failure);
      return () => void mail.failures.splice(mail.failures.indexOf(failure), 1);
    }
    case 'calendar-burst':
    case 'calendar-refused': {
      let seen = 0;
      const failure = (call: { method: string }) => {
        if (fault.kind === 'calendar-burst') {
          seen++;
          return seen >= fault.from && seen < fault.from + fault.count ? 'Rate Limit Exceeded' : undefined;
        }
        if (call.method !== 'insert' && call.method !== 'patch' && call.method !== 'calendars.insert')
          return undefined;
        return ++seen === fault.at ? 'Forbidden' : undefined;
      };
      calendar.failures.push(failure);
      return () => void calendar.failures.splice(calendar.failures.indexOf(failure), 1);
    }
  }
}

/**
 * What the Outbox asks of the coordinator for an email left "unconfirmed" (a run was cut off as it
 * went, and the quota could not tell): check Sent mail, then mark it sent, or Retry failed emails
 * and say yes to sending it again.
 */
export function settleUnconfirmed(emulator: Emulator): void {
  const [header = [], ...rows] = emulator.spreadsheets.values('Outbox');
  const h = (name: string) => header.map(String).indexOf(name);
  const doubtful = rows.filter((r) => r[h('Status')] === 'unconfirmed');
  if (doubtful.length === 0) return;
  const went = (r: unknown[]) =>
    emulator.mail.sent.some(
      (m) => m.to.join(',') === r[h('To')] && m.subject === r[h('Subject')] && m.body === r[h('Body')],
    );
  emulator.spreadsheets.editSheet('Outbox', (values) =>
    values.map((r) =>
      r[h('Status')] === 'unconfirmed' && went(r)
        ? r.map((v, c) => (c === h('Status') ? 'sent' : c === h('Error') ? '' : v))
        : r,
    ),
  );
  if (doubtful.some((r) => !went(r))) clickMenu(emulator, 'Retry failed emails');
}

/** Runs the step again as its own kind allows: a click, or the form event delivered again. */
function again(emulator: Emulator, step: Step, state: ScenarioState): ExecutionResult[] {
  if (step.kind === 'menu') return [clickMenu(emulator, step.caption!)];
  if (step.kind === 'submit' && state.lastSubmission) return emulator.deliverFormSubmit(state.lastSubmission);
  return [];
}

/**
 * What happens after the fault, with it gone: Google's scheduler runs the continuations, and the
 * coordinator does what the alert told them (click again, Retry failed emails).
 */
export function recover(
  emulator: Emulator,
  step: Step,
  fault: Fault,
  state: ScenarioState,
  ran: readonly ExecutionResult[],
): void {
  const now = () => emulator.rt.clock.now();
  switch (fault.kind) {
    case 'edit':
    case 'dialog':
      return;
    case 'kill':
    case 'slow':
      // The watchdog continuation (7 minutes after) runs first; then the step is started again.
      moveTo(emulator, now() + 10 * MINUTE);
      if (fault.kind === 'kill' || ran.some((r) => r.killed || !r.ok)) again(emulator, step, state);
      return;
    case 'lock': {
      const until = now() + fault.holdMs;
      moveTo(emulator, until + 5 * MINUTE);
      if (step.kind === 'menu') again(emulator, step, state);
      return;
    }
    case 'quota':
      // The day's quota frees up (Google resets it "for the rest of the day"); the continuation
      // that looks every few hours finds it.
      emulator.mail.setDailyQuota(FULL_QUOTA);
      moveTo(emulator, now() + 3 * HOUR + 30 * MINUTE);
      return;
    case 'mail-transient':
    case 'mail-permanent':
      moveTo(emulator, now() + 10 * MINUTE);
      clickMenu(emulator, 'Retry failed emails');
      return;
    case 'calendar-burst':
      // A busy Calendar: the continuation 15 minutes later; set-up has none, so it is clicked again.
      moveTo(emulator, now() + 20 * MINUTE);
      if (step.name === 'Set up programme') again(emulator, step, state);
      return;
    case 'calendar-refused':
      moveTo(emulator, now() + 10 * MINUTE);
      again(emulator, step, state);
      return;
  }
}
