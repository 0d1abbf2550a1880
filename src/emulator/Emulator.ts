import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { BaseModule } from './base/BaseModule';
import { CalendarModule } from './calendar/CalendarModule';
import type { CalendarLimits } from './calendar/limits';
import { FormModule, type FormSubmission } from './forms/FormModule';
import { HtmlModule } from './html/HtmlModule';
import { LockModule } from './lock/LockModule';
import { MailModule } from './mail/MailModule';
import { type Manifest, type ProjectFile, parseManifest } from './project/ProjectFile';
import { PropertiesModule } from './properties/PropertiesModule';
import { ExecutionKilled, ScriptException, TOO_MUCH_COMPUTER_TIME } from './runtime/errors';
import { type Execution, type ExecutionKind, Runtime } from './runtime/Runtime';
import type { ServiceModule } from './runtime/ServiceModule';
import { damagedState } from './runtime/WorkspaceDamaged';
import { ScriptModule, type TriggerRecord } from './script/ScriptModule';
import { type AccountKind, accountForMailQuota } from './script/TriggerRuntimeQuota';
import type { Range } from './spreadsheet/Range';
import { SpreadsheetModule } from './spreadsheet/SpreadsheetModule';

export interface EmulatorOptions {
  /** Simulated time at which the clock starts (ms since epoch). */
  now: number;
  /** Recipients MailApp may send to per day: 100 (personal account) or 1,500 (Workspace). */
  mailQuota?: number;
  /**
   * A consumer (gmail.com) or Workspace account, for the limits that differ between them (trigger
   * runtime: 90 min or 6 h a day). Default: Workspace when `mailQuota` is 1,500 or more.
   */
  account?: AccountKind;
  /** How strict Google Calendar is (daily event quota, invitation throttling, Meet delay). */
  calendar?: Partial<CalendarLimits>;
  /** The account that installs and first runs the script (the coordinator). */
  user?: string;
  spreadsheetName?: string;
  /**
   * The spreadsheet's own zone (File → Settings), where typed dates are read. It may differ from
   * the script's (the manifest's `timeZone`): "a frequent source of scripting bugs" ([official]
   * AS/reference/base/session#getScriptTimeZone()). Default: the script's zone.
   */
  spreadsheetTimeZone?: string;
  /** The script's zone when no manifest is loaded (a manifest's `timeZone` wins). */
  timeZone?: string;
  locale?: string;
  /**
   * How much later than asked a time-driven trigger runs. Google: "actual duration might vary, but
   * won't be less than your specified minimum" ([official] AS/reference/script/clock-trigger-builder
   * #after(Integer)), and recurring ones run "near" their time (±15 min). Default: 15–75 s, spread
   * by trigger so that runs stay reproducible.
   */
  triggerDelay?: (trigger: TriggerRecord) => number;
}

export interface ExecutionResult {
  readonly handler: string;
  /** How it was started: a trigger's count towards its owner's daily trigger runtime. */
  readonly kind: ExecutionKind;
  readonly user: string;
  readonly ok: boolean;
  readonly killed: boolean;
  readonly error: Error | null;
  readonly value: unknown;
  readonly calls: ReadonlyMap<string, number>;
  /** Spreadsheet cells read and written. */
  readonly cells: number;
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

/** 15–75 s, the same for the same trigger: later than asked, as Google is. */
function defaultDelay(trigger: TriggerRecord): number {
  let h = 0;
  for (const c of trigger.uid) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return 15_000 + (h % 61) * 1000;
}

interface CompiledFile {
  readonly name: string;
  readonly script: vm.Script;
}

/**
 * An offline Apps Script project bound to one spreadsheet: the services' state, the project's
 * files, and the workspace folder it is saved to. Like Google, every execution starts in a fresh
 * realm where each pushed script file runs, in push order, before the function is called: nothing
 * a script keeps in a global survives to the next execution, and one file that fails at its top
 * level (a Node `require`) fails every execution.
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
  readonly html: HtmlModule;
  /** Every execution so far, newest last (the executions log of the Apps Script editor). */
  readonly executions: ExecutionResult[] = [];
  /** Host-side: when time-driven triggers actually run, after they fall due. */
  triggerDelay: (trigger: TriggerRecord) => number;
  private files: CompiledFile[] = [];
  private manifest: Manifest | null = null;
  /** Work a test wants done while the next dialog is open (e.g. an applicant submitting). */
  private readonly duringDialog: Array<() => void> = [];

  constructor(private readonly options: EmulatorOptions) {
    const user = options.user ?? 'coordinator@example.org';
    this.rt = new Runtime(options.now, user);
    this.rt.scriptTimeZone = options.timeZone ?? 'Europe/London';
    this.rt.whileSuspended = (ms) => this.whileDialogOpen(ms);
    this.triggerDelay = options.triggerDelay ?? defaultDelay;
    this.base = new BaseModule(this.rt);
    this.spreadsheets = new SpreadsheetModule(this.rt, {
      name: options.spreadsheetName ?? 'Peer mentoring',
      timeZone: options.spreadsheetTimeZone ?? this.rt.scriptTimeZone,
      locale: options.locale ?? 'en_GB',
    });
    this.script = new ScriptModule(this.rt, {
      account: options.account ?? accountForMailQuota(options.mailQuota ?? 100),
    });
    this.forms = new FormModule(this.rt, this.spreadsheets);
    this.mail = new MailModule(this.rt, { dailyQuota: options.mailQuota ?? 100 });
    this.properties = new PropertiesModule(this.rt);
    this.locks = new LockModule(this.rt);
    this.html = new HtmlModule(this.rt);
    this.calendar = new CalendarModule(this.rt, this.mail, {
      owner: user,
      timeZone: this.rt.scriptTimeZone,
      limits: options.calendar,
    });
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
      html: this.html,
    };
  }

  /**
   * Loads a project: the files clasp would push, in push order (see project/pushedFiles.ts). The
   * manifest sets the script's time zone and which advanced services exist.
   */
  loadProject(files: readonly ProjectFile[]): this {
    const manifest = files.find((f) => f.type === 'JSON');
    this.manifest = manifest ? parseManifest(manifest.source) : null;
    if (this.manifest?.timeZone) this.rt.scriptTimeZone = this.manifest.timeZone;
    this.rt.scopes = this.manifest?.oauthScopes ?? null;
    this.html.load(files);
    this.files = files
      .filter((f) => f.type === 'SERVER_JS')
      .map((f) => ({ name: f.name, script: new vm.Script(f.source, { filename: `${f.name}.gs` }) }));
    return this;
  }

  /** Loads one script file (and no manifest: every service is there). */
  load(code: string, filename = 'Code.js'): this {
    return this.loadProject([
      { name: filename.replace(/\.(js|gs)$/, ''), type: 'SERVER_JS', source: code, localPath: filename },
    ]);
  }

  /** The globals a new execution's realm starts with; advanced services only when enabled. */
  private globals(): Record<string, unknown> {
    const globals: Record<string, unknown> = { Date: this.rt.Date };
    for (const module of Object.values(this.modules())) Object.assign(globals, module.globals());
    if (this.manifest && !this.manifest.advancedServices.includes('calendar')) delete globals.Calendar;
    return globals;
  }

  /** A fresh realm with every file run at its top level, as each Google execution starts. */
  private realm(): vm.Context {
    const context = vm.createContext(this.globals(), { name: 'Apps Script' });
    for (const file of this.files) file.script.runInContext(context);
    return context;
  }

  /**
   * Runs a top-level function of the project as one execution, as `user` (default: the first
   * coordinator; a trigger runs as its owner).
   */
  run(
    handler: string,
    event?: unknown,
    kind: ExecutionKind = 'menu',
    options: { user?: string } = {},
  ): ExecutionResult {
    if (this.files.length === 0) throw new Error('no script loaded: call load(code) first');
    const ex: Execution = this.rt.begin(handler, kind, options.user);
    // Trigger executions count towards their owner's daily trigger runtime (simple ones too: the
    // stricter reading). Once it is spent they fail as they start; one that reaches it is ended there.
    const quota = kind === 'trigger' || kind === 'simple-trigger' ? this.script.triggerRuntime : null;
    if (quota) ex.triggerRuntimeLeftMs = quota.remainingMs(ex.user, ex.startedAt);
    let value: unknown;
    let error: Error | null = null;
    try {
      if (ex.triggerRuntimeLeftMs === 0) throw new ScriptException(TOO_MUCH_COMPUTER_TIME);
      const context = this.realm();
      const fn = (context as Record<string, unknown>)[handler];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${handler}`);
      value = (fn as (e: unknown) => unknown)(event);
    } catch (e) {
      error = e instanceof Error ? e : hostError(e);
    }
    this.rt.end();
    quota?.spend(ex.user, ex.startedAt, this.rt.clock.now() - ex.startedAt);
    if (ex.killed) error = ex.killed;
    const result: ExecutionResult = {
      handler,
      kind,
      user: ex.user,
      ok: error === null,
      killed: ex.killed !== null || error instanceof ExecutionKilled,
      error,
      value,
      calls: ex.calls,
      cells: ex.cells,
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

  /** Delivers a form-submit event to the triggers (again, to test duplicate deliveries), each as its owner. */
  deliverFormSubmit(submission: FormSubmission): ExecutionResult[] {
    return this.script.formSubmitTriggers(submission.spreadsheetId).map((trigger) =>
      this.run(trigger.handler, { ...submission.event, triggerUid: trigger.uid }, 'trigger', {
        user: trigger.owner,
      }),
    );
  }

  /** Host-side: `work` runs while the next dialog is open (the script that opened it is suspended). */
  whileNextDialog(work: () => void): void {
    this.duringDialog.push(work);
  }

  /** A dialog is open for `ms`: waiting work runs, then the triggers that fall due meanwhile. */
  private whileDialogOpen(ms: number): void {
    const until = this.rt.clock.now() + ms;
    for (const work of this.duringDialog.splice(0)) work();
    this.runDueTriggers(until);
    if (this.rt.clock.now() < until) this.rt.clock.set(until);
  }

  /** When a clock trigger actually runs: when it fell due plus Google's lateness. */
  private runAt(trigger: TriggerRecord): number {
    return trigger.dueAt + Math.max(0, this.triggerDelay(trigger));
  }

  private runDueTriggers(until: number): ExecutionResult[] {
    const ran: ExecutionResult[] = [];
    for (;;) {
      const due = this.script
        .dueClockTriggers(Number.POSITIVE_INFINITY)
        .map((t) => ({ t, at: this.runAt(t) }))
        .filter((d) => d.at <= until)
        .sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      if (due.at > this.rt.clock.now()) this.rt.clock.set(due.at);
      this.script.markFired(due.t.uid);
      ran.push(this.run(due.t.handler, this.script.clockEvent(due.t), 'trigger', { user: due.t.owner }));
    }
    return ran;
  }

  /**
   * Moves the clock forward, running each time-driven trigger when it runs (in time order), as
   * Google's scheduler would. Returns the executions that ran.
   */
  advance(ms: number): ExecutionResult[] {
    const target = this.rt.clock.now() + ms;
    const ran = this.runDueTriggers(target);
    if (this.rt.clock.now() < target) this.rt.clock.set(target);
    return ran;
  }

  /**
   * Host-side, for tests: an independent copy of the project and of everything its services hold,
   * taken between executions, so that many trials can start from one point of the year instead of
   * each replaying the months before it. The services' state goes through the same toState/fromState
   * as a saved workspace (the spreadsheets as a deep copy of their cells instead of an xlsx); the
   * executions log, the messages shown, the call counts, armed mail and calendar failures and the
   * test's settings (dialog responder, trigger lateness, who is signed in) come along. Whether a copy
   * goes on exactly as the original would is tested (test/emulator/fork.test.ts).
   */
  fork(): Emulator {
    if (this.duringDialog.length > 0) throw new Error('fork: work is waiting for a dialog');
    const copy = new Emulator({ ...this.options, triggerDelay: this.triggerDelay, now: this.rt.clock.now() });
    copy.rt.copyFrom(this.rt);
    copy.files = this.files;
    copy.html.files = this.html.files;
    copy.manifest = this.manifest;
    const theirs = copy.modules();
    for (const [key, module] of Object.entries(this.modules())) {
      if (module === this.spreadsheets) copy.spreadsheets.copyFrom(this.spreadsheets);
      else theirs[key]!.fromState(JSON.parse(JSON.stringify(module.toState())));
    }
    Object.assign(copy.base.session, this.base.session);
    copy.mail.failures.push(...this.mail.failures);
    copy.calendar.failures.push(...this.calendar.failures);
    Object.assign(copy.calendar.limits, this.calendar.limits);
    copy.calendar.conferenceOutcome = this.calendar.conferenceOutcome;
    copy.executions.push(...this.executions);
    return copy;
  }

  /** Host-side: a form submission made on the emulator this one was forked from, as this one's event. */
  adopt(submission: FormSubmission): FormSubmission {
    const { spreadsheetId, event } = submission;
    // sameRange throws when this emulator has no such spreadsheet or tab.
    const range = this.spreadsheets.sameRange(spreadsheetId, event.range as Range);
    const source = this.spreadsheets.byId(spreadsheetId)!;
    const namedValues = structuredClone(event.namedValues);
    return { spreadsheetId, event: { ...event, namedValues, values: [...event.values], range, source } };
  }

  /** Saves the workspace: state.json plus the files a person can open. */
  async save(dir: string): Promise<void> {
    mkdirSync(dir, { recursive: true });
    const state: Record<string, unknown> = {
      clock: new Date(this.rt.clock.now()).toISOString(),
      user: this.rt.defaultUser,
    };
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
    let state: Record<string, unknown>;
    try {
      state = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw damagedState(file, 'cannot be read as JSON', e);
    }
    if (typeof state !== 'object' || state === null || Array.isArray(state))
      throw damagedState(file, 'is damaged: it holds no record of the workspace');
    const now = Date.parse(String(state.clock));
    if (Number.isNaN(now))
      throw damagedState(file, `is damaged: its clock "${String(state.clock)}" is not a time`);
    const emulator = new Emulator({
      ...(typeof state.user === 'string' ? { user: state.user } : {}),
      ...options,
      now,
    });
    for (const [key, module] of Object.entries(emulator.modules())) {
      try {
        if (state[key] !== undefined) module.fromState(state[key]);
      } catch (e) {
        throw damagedState(file, `is damaged: its "${key}" part was not read`, e);
      }
      // A missing or unreadable file is refused with its name (WorkspaceDamaged), never read as blank.
      if (module.readFiles) await module.readFiles(dir);
    }
    // Saved before trigger runtime was modelled: the account is the one its mail quota says.
    const script = state.script as { triggerRuntime?: unknown } | undefined;
    if (script?.triggerRuntime === undefined && options.account === undefined)
      emulator.script.triggerRuntime.account = accountForMailQuota(emulator.mail.toState().dailyQuota);
    return emulator;
  }
}
