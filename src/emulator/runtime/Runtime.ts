import { SimClock } from './Clock';
import { ExecutionKilled, ScriptException } from './errors';
import { latencyOf } from './latency';

/** How an execution was started: decides what the script may do (no UI from a trigger). */
export type ExecutionKind = 'menu' | 'simple-trigger' | 'trigger' | 'editor';

export interface Execution {
  readonly id: number;
  readonly handler: string;
  readonly kind: ExecutionKind;
  readonly startedAt: number;
  /** Service calls made so far, by `Class.method`. */
  readonly calls: Map<string, number>;
  killed: ExecutionKilled | null;
}

/**
 * A fault hook sees every service call before it happens; it may throw (an Apps Script error, or
 * `rt.kill()` to end the execution there). Used by tests to inject failures at chosen points.
 */
export type FaultHook = (call: string, rt: Runtime) => void;

/** Answers a script's dialogs: the CLI's `--yes`, or a test's script. */
export interface DialogResponder {
  alert(title: string, prompt: string, buttons: string): string;
  prompt(title: string, prompt: string, buttons: string): { button: string; text: string };
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
 * What every emulated service shares: the simulated clock, the current execution, call counting,
 * the time limit, fault injection, dialogs and the messages a person would have seen.
 */
export class Runtime {
  readonly clock: SimClock;
  executionLimitMs = EXECUTION_LIMIT_MS;
  readonly faults: FaultHook[] = [];
  dialogs: DialogResponder = yesResponder;
  readonly shown: ShownMessage[] = [];
  /** Calls across all executions since the runtime was made (or the counts were reset). */
  readonly totalCalls = new Map<string, number>();
  private current: Execution | null = null;
  private nextExecutionId = 1;

  constructor(now: number) {
    this.clock = new SimClock(now);
  }

  get execution(): Execution | null {
    return this.current;
  }

  /**
   * Records one service call: counts it, lets simulated time pass, and ends the execution when it
   * is over its time limit or a fault hook says so. Every emulated public method calls this first.
   */
  call(name: string): void {
    const ex = this.current;
    if (ex?.killed) throw ex.killed;
    this.totalCalls.set(name, (this.totalCalls.get(name) ?? 0) + 1);
    if (ex) ex.calls.set(name, (ex.calls.get(name) ?? 0) + 1);
    this.clock.advance(latencyOf(name));
    if (ex && this.clock.now() - ex.startedAt > this.executionLimitMs) this.kill('time-limit');
    for (const hook of this.faults) hook(name, this);
  }

  /** Ends the current execution: this call and every later one throws. */
  kill(reason: 'time-limit' | 'injected' = 'injected'): never {
    const err = new ExecutionKilled(reason);
    if (this.current) this.current.killed = err;
    throw err;
  }

  begin(handler: string, kind: ExecutionKind): Execution {
    if (this.current) throw new Error(`execution ${this.current.handler} is still running`);
    this.current = {
      id: this.nextExecutionId++,
      handler,
      kind,
      startedAt: this.clock.now(),
      calls: new Map(),
      killed: null,
    };
    return this.current;
  }

  end(): Execution | null {
    const ex = this.current;
    this.current = null;
    for (const listener of this.endListeners) listener();
    return ex;
  }

  private readonly endListeners: Array<() => void> = [];

  /** Services that hold per-execution state (locks) reset it here, as Google does when a script ends. */
  onExecutionEnd(listener: () => void): void {
    this.endListeners.push(listener);
  }

  /** Throws Apps Script's error when the current execution may not show UI (triggers, editor). */
  assertUiAllowed(): void {
    const kind = this.current?.kind;
    if (kind !== 'menu' && kind !== 'simple-trigger') {
      throw new ScriptException('Cannot call SpreadsheetApp.getUi() from this context.');
    }
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
