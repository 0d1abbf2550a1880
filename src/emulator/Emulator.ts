import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { BaseModule } from './base/BaseModule';
import { CalendarModule } from './calendar/CalendarModule';
import { FormModule, type FormSubmission } from './forms/FormModule';
import { LockModule } from './lock/LockModule';
import { MailModule } from './mail/MailModule';
import { PropertiesModule } from './properties/PropertiesModule';
import { simulatedDate } from './runtime/Clock';
import { ExecutionKilled } from './runtime/errors';
import { type Execution, type ExecutionKind, Runtime } from './runtime/Runtime';
import type { ServiceModule } from './runtime/ServiceModule';
import { ScriptModule, type TriggerRecord } from './script/ScriptModule';
import { SpreadsheetModule } from './spreadsheet/SpreadsheetModule';

export interface EmulatorOptions {
  /** Simulated time at which the clock starts (ms since epoch). */
  now: number;
  /** Recipients MailApp may send to per day: 100 (personal account) or 1,500 (Workspace). */
  mailQuota?: number;
  /** The account the script runs as (the coordinator). */
  user?: string;
  spreadsheetName?: string;
  timeZone?: string;
  locale?: string;
}

export interface ExecutionResult {
  readonly handler: string;
  readonly ok: boolean;
  readonly killed: boolean;
  readonly error: Error | null;
  readonly value: unknown;
  readonly calls: ReadonlyMap<string, number>;
  readonly startedAt: number;
  readonly endedAt: number;
}

const STATE_FILE = 'state.json';

/** An error thrown inside the script's realm (not `instanceof Error` here), with its name and stack kept. */
function hostError(e: unknown): Error {
  if (e && typeof e === 'object' && 'message' in e) {
    const source = e as { name?: unknown; message: unknown; stack?: unknown };
    const error = new Error(String(source.message));
    error.name = String(source.name ?? 'Error');
    if (typeof source.stack === 'string') error.stack = source.stack;
    return error;
  }
  return new Error(String(e));
}

/**
 * An offline Apps Script project bound to one spreadsheet: the services' state, the script loaded
 * into a node:vm context holding the emulated globals, and the workspace folder it is saved to.
 */
export class Emulator {
  readonly rt: Runtime;
  readonly base: BaseModule;
  readonly spreadsheets: SpreadsheetModule;
  readonly script: ScriptModule;
  readonly forms: FormModule;
  readonly mail: MailModule;
  readonly properties: PropertiesModule;
  readonly locks: LockModule;
  readonly calendar: CalendarModule;
  /** Every execution so far, newest last (the executions log of the Apps Script editor). */
  readonly executions: ExecutionResult[] = [];
  private context: vm.Context | null = null;

  constructor(options: EmulatorOptions) {
    const user = options.user ?? 'coordinator@example.org';
    const timeZone = options.timeZone ?? 'Europe/London';
    this.rt = new Runtime(options.now);
    this.base = new BaseModule(this.rt, { user, timeZone });
    this.spreadsheets = new SpreadsheetModule(this.rt, {
      name: options.spreadsheetName ?? 'Peer mentoring',
      timeZone,
      locale: options.locale ?? 'en_GB',
    });
    this.script = new ScriptModule(this.rt);
    this.forms = new FormModule(this.rt, this.spreadsheets);
    this.mail = new MailModule(this.rt, { dailyQuota: options.mailQuota ?? 100, sender: user });
    this.properties = new PropertiesModule(this.rt);
    this.locks = new LockModule(this.rt);
    this.calendar = new CalendarModule(this.rt, this.mail, { owner: user, timeZone });
  }

  private modules(): Record<string, ServiceModule> {
    return {
      base: this.base,
      spreadsheets: this.spreadsheets,
      script: this.script,
      forms: this.forms,
      mail: this.mail,
      properties: this.properties,
      locks: this.locks,
      calendar: this.calendar,
    };
  }

  /** Loads a script (dist/Code.js) into a fresh context holding the emulated globals. */
  load(code: string, filename = 'Code.js'): this {
    const globals: Record<string, unknown> = { Date: simulatedDate(this.rt.clock) };
    for (const module of Object.values(this.modules())) Object.assign(globals, module.globals());
    this.context = vm.createContext(globals, { name: 'Apps Script' });
    vm.runInContext(code, this.context, { filename });
    return this;
  }

  /** Runs a top-level function of the script as one execution, as Google would. */
  run(handler: string, event?: unknown, kind: ExecutionKind = 'menu'): ExecutionResult {
    if (!this.context) throw new Error('no script loaded: call load(code) first');
    const fn = (this.context as Record<string, unknown>)[handler];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${handler}`);
    const ex: Execution = this.rt.begin(handler, kind);
    let value: unknown;
    let error: Error | null = null;
    try {
      value = (fn as (e: unknown) => unknown)(event);
    } catch (e) {
      error = e instanceof Error ? e : hostError(e);
    }
    this.rt.end();
    if (ex.killed) error = ex.killed;
    const result: ExecutionResult = {
      handler,
      ok: error === null,
      killed: ex.killed !== null || error instanceof ExecutionKilled,
      error,
      value,
      calls: ex.calls,
      startedAt: ex.startedAt,
      endedAt: this.rt.clock.now(),
    };
    this.executions.push(result);
    if (error) this.rt.show('log', `Execution failed: ${handler}`, error.message);
    return result;
  }

  /**
   * An applicant submits a form: the response is stored, the row appended to the linked response
   * tab, and each installed spreadsheet onFormSubmit trigger runs with a Google-shaped event.
   */
  submitForm(formId: string, answers: Record<string, string | string[]>): ExecutionResult[] {
    const submission = this.forms.submit(formId, answers);
    return submission ? this.deliverFormSubmit(submission) : [];
  }

  /** Delivers a form-submit event to the triggers (again, to test duplicate deliveries). */
  deliverFormSubmit(submission: FormSubmission): ExecutionResult[] {
    return this.script
      .formSubmitTriggers(submission.spreadsheetId)
      .map((trigger) =>
        this.run(trigger.handler, { ...submission.event, triggerUid: trigger.uid }, 'trigger'),
      );
  }

  /**
   * Moves the clock forward, running each time-driven trigger when it falls due (in time order),
   * as Google's scheduler would. Returns the executions that ran.
   */
  advance(ms: number): ExecutionResult[] {
    const target = this.rt.clock.now() + ms;
    const ran: ExecutionResult[] = [];
    for (;;) {
      const due: TriggerRecord | undefined = this.script.nextClockTrigger(target);
      if (!due) break;
      if (due.dueAt > this.rt.clock.now()) this.rt.clock.set(due.dueAt);
      this.script.markFired(due.uid);
      ran.push(this.run(due.handler, this.script.clockEvent(due), 'trigger'));
    }
    if (this.rt.clock.now() < target) this.rt.clock.set(target);
    return ran;
  }

  /** Saves the workspace: state.json plus the files a person can open. */
  async save(dir: string): Promise<void> {
    mkdirSync(dir, { recursive: true });
    const state: Record<string, unknown> = { clock: new Date(this.rt.clock.now()).toISOString() };
    for (const [key, module] of Object.entries(this.modules())) {
      state[key] = module.toState();
      if (module.writeFiles) await module.writeFiles(dir);
    }
    writeFileSync(join(dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
  }

  /** Opens a saved workspace. */
  static async open(dir: string, options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
    const file = join(dir, STATE_FILE);
    if (!existsSync(file))
      throw new Error(`${dir} is not a Cohort workspace (no ${STATE_FILE}): run "cohort init ${dir}"`);
    const state = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const emulator = new Emulator({ ...options, now: Date.parse(String(state.clock)) });
    for (const [key, module] of Object.entries(emulator.modules())) {
      if (state[key] !== undefined) module.fromState(state[key]);
      if (module.readFiles) await module.readFiles(dir);
    }
    return emulator;
  }
}
