import { SimClock } from './Clock';
import { ExecutionKilled, type KillReason, ScriptException } from './errors';
import { latencyOf } from './latency';
import { scriptDateClass } from './ScriptDate';

/** How an execution was started: decides what the script may do (no UI from a trigger). */
export type ExecutionKind = 'menu' | 'simple-trigger' | 'trigger' | 'editor';

export interface Execution {
  readonly id: number;
  readonly handler: string;
  readonly kind: ExecutionKind;
  /** Who it runs as: the person who clicked, or the owner of the trigger that fired. */
  readonly user: string;
  readonly startedAt: number;
  /** Service calls made so far, by `Class.method`. */
  readonly calls: Map<string, number>;
  /** Spreadsheet cells read and written so far (getValues, setValues, appendRow…). */
  cells: number;
  killed: ExecutionKilled | null;
  /** True while a dialog it opened is waiting for the person (the script is suspended). */
  suspended: boolean;
  /**
   * A trigger's execution: how long it may run before its owner's daily trigger runtime is spent
   * (set by the Emulator); null for others.
   */
  triggerRuntimeLeftMs: number | null;
}

/**
 * A fault hook sees every service call before it happens; it may throw (an Apps Script error, or
 * `rt.kill()` to end the execution there). Used by tests to inject failures at chosen points.
 */
export type FaultHook = (call: string, rt: Runtime) => void;

/** What a person does with a dialog: the button, the text typed (prompts), and how long it took. */
export interface DialogAnswer {
  readonly button: string;
  readonly text?: string;
  /** How long the dialog stays open before the answer (simulated ms); default `Runtime.dialogMs`. */
  readonly afterMs?: number;
}

/** Answers a script's dialogs: the CLI's `--yes`, or a test's script. */
export interface DialogResponder {
  alert(title: string, prompt: string, buttons: string): string | DialogAnswer;
  prompt(title: string, prompt: string, buttons: string): { button: string; text: string; afterMs?: number };
}

export interface ShownMessage {
  readonly at: number;
  readonly kind: 'toast' | 'alert' | 'prompt' | 'log' | 'menu' | 'dialog';
  readonly title: string;
  readonly text: string;
}

/** Answers every dialog with the affirmative button: the default for `--yes` and for tests. */
export const yesResponder: DialogResponder = {
  alert: (_t, _p, buttons) => (buttons.includes('YES') ? 'YES' : 'OK'),
  prompt: (_t, _p, buttons) => ({ button: buttons.includes('YES') ? 'YES' : 'OK', text: '' }),
};

export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
/**
 * How long a person takes to read a dialog and click, when the responder does not say: long enough
 * for a trigger that falls due meanwhile to run, as it would on Google.
 */
export const DEFAULT_DIALOG_MS = 20_000;

/**
 * What every emulated service shares: the simulated clock, the executions (a stack: while one is
 * suspended in a dialog, others may run), call counting, the time limit, fault injection, dialogs
 * and the messages a person would have seen.
 */
export class Runtime {
  readonly clock: SimClock;
  executionLimitMs = EXECUTION_LIMIT_MS;
  readonly faults: FaultHook[] = [];
  dialogs: DialogResponder = yesResponder;
  dialogMs = DEFAULT_DIALOG_MS;
  readonly shown: ShownMessage[] = [];
  /** Calls across all executions since the runtime was made (or the counts were reset). */
  readonly totalCalls = new Map<string, number>();
  /** The account that clicks when a test or the CLI does not say (the first coordinator). */
  defaultUser: string;
  /** The manifest's `timeZone`: the script's local time (Session.getScriptTimeZone()). */
  scriptTimeZone = 'Europe/London';
  /**
   * The manifest's `oauthScopes`, or null when it lists none (Google then infers every scope the
   * code needs, so nothing is refused for want of one).
   */
  scopes: readonly string[] | null = null;
  /** The script realm's `Date`: the simulated clock, local time in the script's zone. */
  readonly Date: DateConstructor;
  /**
   * Set by the Emulator: lets `ms` of simulated time pass while the current execution is suspended
   * in a dialog, running the triggers that fall due and any work waiting for the dialog.
   */
  whileSuspended: (ms: number) => void = (ms) => this.clock.advance(ms);
  private readonly stack: Execution[] = [];
  private nextExecutionId = 1;
  private readonly endListeners: Array<(ex: Execution) => void> = [];
  private readonly suspendListeners: Array<(ex: Execution) => void> = [];

  constructor(now: number, defaultUser = 'coordinator@example.org') {
    this.clock = new SimClock(now);
    this.defaultUser = defaultUser;
    this.Date = scriptDateClass(this.clock, () => this.scriptTimeZone);
  }

  /** A Date handed to the script (a date cell, a response's timestamp): one of its own realm's. */
  date(ms: number): Date {
    return new this.Date(ms);
  }

  get execution(): Execution | null {
    return this.stack[this.stack.length - 1] ?? null;
  }

  /** The account the current execution runs as (the default user between executions). */
  get user(): string {
    return this.execution?.user ?? this.defaultUser;
  }

  /**
   * Records one service call: counts it, lets simulated time pass, and ends the execution when it
   * is over its time limit or a fault hook says so. Every emulated public method calls this first.
   */
  call(name: string): void {
    const ex = this.execution;
    if (ex?.killed) throw ex.killed;
    this.totalCalls.set(name, (this.totalCalls.get(name) ?? 0) + 1);
    if (ex) ex.calls.set(name, (ex.calls.get(name) ?? 0) + 1);
    this.clock.advance(latencyOf(name));
    this.checkLimit();
    for (const hook of this.faults) hook(name, this);
  }

  /**
   * Counts cells a spreadsheet call reads or writes and lets the time they cost pass: Google's
   * cost grows with the cells, not only the calls (see latency.ts for the figure and its source).
   */
  cells(n: number, perCellMs: number): void {
    const ex = this.execution;
    if (ex) ex.cells += n;
    this.clock.advance(n * perCellMs);
    this.checkLimit();
  }

  /** Ends the current execution when it has run past its limit (6 minutes, or its trigger runtime left). */
  checkLimit(): void {
    const ex = this.execution;
    if (!ex) return;
    const elapsed = this.clock.now() - ex.startedAt;
    const left = ex.triggerRuntimeLeftMs;
    // Whichever limit is the lower is the one reached first.
    if (left !== null && left < this.executionLimitMs) {
      if (elapsed > left) this.kill('daily-trigger-runtime');
    } else if (elapsed > this.executionLimitMs) this.kill('time-limit');
  }

  /** Ends the current execution: this call and every later one throws. */
  kill(reason: KillReason = 'injected'): never {
    const err = new ExecutionKilled(reason);
    const ex = this.execution;
    if (ex) ex.killed = err;
    throw err;
  }

  /**
   * Starts an execution. Another may be under way only while it waits in a dialog: Google runs
   * executions side by side, and a suspended one holds no lock.
   */
  begin(handler: string, kind: ExecutionKind, user = this.defaultUser): Execution {
    const running = this.execution;
    if (running && !running.suspended) throw new Error(`execution ${running.handler} is still running`);
    const ex: Execution = {
      id: this.nextExecutionId++,
      handler,
      kind,
      user,
      startedAt: this.clock.now(),
      calls: new Map(),
      cells: 0,
      killed: null,
      suspended: false,
      triggerRuntimeLeftMs: null,
    };
    this.stack.push(ex);
    return ex;
  }

  end(): Execution | null {
    const ex = this.stack.pop() ?? null;
    if (ex) for (const listener of this.endListeners) listener(ex);
    return ex;
  }

  /**
   * Host-side, for Emulator.fork (between executions, with no fault armed): takes on `other`'s clock,
   * user, zone, scopes, limits, dialog responder, messages shown, call counts and execution numbering.
   */
  copyFrom(other: Runtime): void {
    if (other.stack.length > 0) throw new Error('fork: an execution is running');
    if (other.faults.length > 0) throw new Error('fork: a fault is armed');
    this.clock.set(other.clock.now());
    this.defaultUser = other.defaultUser;
    this.scriptTimeZone = other.scriptTimeZone;
    this.scopes = other.scopes;
    this.executionLimitMs = other.executionLimitMs;
    this.dialogs = other.dialogs;
    this.dialogMs = other.dialogMs;
    this.shown.push(...other.shown);
    for (const [name, count] of other.totalCalls) this.totalCalls.set(name, count);
    this.nextExecutionId = other.nextExecutionId;
  }

  /** Services that hold per-execution state (locks) reset it here, as Google does when a script ends. */
  onExecutionEnd(listener: (ex: Execution) => void): void {
    this.endListeners.push(listener);
  }

  /** Services that lose per-execution state while a dialog is open (locks) drop it here. */
  onSuspend(listener: (ex: Execution) => void): void {
    this.suspendListeners.push(listener);
  }

  /**
   * A dialog: the script is suspended until the person answers. [official] AS/reference/base/ui
   * #alert(String,String,ButtonSet): "suspends the server-side script while the dialog is open …
   * LockService locks don't persist across the suspension." The time it stays open counts towards
   * the execution's 6 minutes (the script is suspended, not ended), and other executions (due
   * triggers, form submissions) run meanwhile.
   */
  suspendFor<T extends { afterMs?: number }>(answer: () => T): T {
    const ex = this.execution;
    if (!ex) return answer();
    ex.suspended = true;
    for (const listener of this.suspendListeners) listener(ex);
    let result: T;
    try {
      result = answer();
      this.whileSuspended(Math.max(0, result.afterMs ?? this.dialogMs));
    } finally {
      ex.suspended = false;
    }
    // Open past the 6 minutes: Google ends the execution while the dialog is open, so the dialog
    // never returns and nothing after it runs, not even code that calls no service.
    this.checkLimit();
    return result;
  }

  /** Throws Apps Script's error when the current execution may not show UI (triggers, editor). */
  assertUiAllowed(): void {
    const kind = this.execution?.kind;
    if (kind !== 'menu' && kind !== 'simple-trigger') {
      throw new ScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    }
  }

  /**
   * Throws Apps Script's error when the manifest lists its scopes and none of `anyOf` is among
   * them: "You do not have permission to call SpreadsheetApp.openById. Required permissions:
   * https://www.googleapis.com/auth/spreadsheets" ([observed] andrewroberts/BBLog#4,
   * peterherrmann/BetterLog#21, for a script granted only `spreadsheets.currentonly`).
   */
  assertScope(method: string, anyOf: readonly string[]): void {
    if (this.scopes === null || anyOf.some((s) => this.scopes!.includes(s))) return;
    throw new ScriptException(
      `You do not have permission to call ${method}. Required permissions: ${anyOf[0]}`,
    );
  }

  show(kind: ShownMessage['kind'], title: string, text: string): void {
    this.shown.push({ at: this.clock.now(), kind, title, text });
  }

  /** Sum of the counts whose name starts with one of the prefixes (e.g. `Range.`, `Sheet.`). */
  static count(calls: ReadonlyMap<string, number>, ...prefixes: string[]): number {
    let n = 0;
    for (const [name, c] of calls) if (prefixes.some((p) => name.startsWith(p))) n += c;
    return n;
  }
}
