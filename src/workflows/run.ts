import type { Ports, Ui } from '../ports';
import { startBudget } from './budget';
import { readSettings } from './context';
import { errorText } from './errors';
import { clearFailure, reportFailure } from './failures';

/** Seconds a menu action waits for another action to finish before saying so. */
const MENU_LOCK_WAIT_MS = 10_000;
/** A trigger waits longer: nobody is looking, and the work must not be dropped. */
const TRIGGER_LOCK_WAIT_MS = 240_000;
/** How many times a plan that changed while its question was open is shown again. */
const MAX_REPLANS = 3;

export class LockBusy extends Error {
  readonly code = 'LOCK_BUSY' as const;
  constructor(readonly action: string) {
    super(`"${action}" did not start: another Mentoring action is still running. Try again in a minute.`);
  }
}

/** What a planned action wants next: to say something (and stop), to ask, or to go ahead. */
export type Review =
  | { readonly kind: 'stop'; readonly message: string }
  | { readonly kind: 'ask'; readonly question: string; readonly fingerprint: string }
  | { readonly kind: 'go' };

/**
 * A menu action in the shape Google's dialogs force on it. An alert or a prompt suspends the script
 * and drops its lock ([official] AS/reference/base/ui#alert: "LockService locks don't persist across
 * the suspension"), so a trigger may run while the coordinator reads a question. Hence: ask for
 * input first (no lock), then lock, read and plan; ask "Go ahead?" with the lock released; then lock
 * again, re-read and re-plan, and act only if the plan is the one the coordinator approved (same
 * fingerprint); otherwise show the new plan.
 */
export interface MenuAction<Input, Plan> {
  readonly name: string;
  /** Text the coordinator types first (a prompt); `stop` ends the action with a sentence. */
  readonly ask?: (ui: Ui, ports: Ports) => { input: Input } | { stop: string };
  /** Reads and plans under the lock; changes nothing a second plan would not find again. */
  readonly plan: (ports: Ports, input: Input) => Plan;
  readonly review: (plan: Plan, ports: Ports) => Review;
  /** Carries the plan out under the lock; returns what the coordinator reads. */
  readonly act: (ports: Ports, plan: Plan) => string;
  /**
   * What "No" does, when it is not simply "nothing" (e.g. retry the failed emails but not those
   * that may have gone); also under the lock, on the same unchanged plan.
   */
  readonly onNo?: (ports: Ports, plan: Plan) => string;
}

/**
 * The Ui a workflow may use while it holds the lock: toasts, which do not suspend the script.
 * A dialog there would silently drop the lock on Google, so it is a programming error here.
 */
function lockedUi(ui: Ui | null): Ui | null {
  if (!ui) return null;
  const refuse = (what: string) => () => {
    throw new Error(`Internal error: a ${what} while holding the lock (Google would drop the lock).`);
  };
  return {
    toast: (message, title) => ui.toast(message, title),
    alert: refuse('dialog'),
    confirm: refuse('dialog'),
    prompt: refuse('prompt'),
  };
}

type Locked<T> = { ok: true; value: T } | { ok: false; busy: true } | { ok: false; error: string };

/**
 * After a dialog, past the budget (EXECUTION_BUDGET_MS, 4½ minutes): the question may have been
 * open long, or reading everything before it may have been slow; either way the time is gone.
 */
function tooLate(action: string): string {
  return `More than 4½ minutes have passed since you chose ${action} (the time the question was open counts too), and Google stops a script 6 minutes after it starts: so that nothing is cut off half-way, nothing was done. Choose Mentoring → ${action} again.`;
}

/** Runs `work` holding the script lock (released however it ends); a failure becomes words in the Log. */
function locked<T>(ports: Ports, action: string, wait: number, work: (ports: Ports) => T): Locked<T> {
  if (!ports.lock.tryAcquire(wait)) return { ok: false, busy: true };
  try {
    const value = work({ ...ports, ui: lockedUi(ports.ui) });
    return { ok: true, value };
  } catch (e) {
    const message = errorText(e);
    reportFailure({ ...ports, ui: lockedUi(ports.ui) }, action, message);
    if (!ports.ui) throw e;
    return { ok: false, error: message };
  } finally {
    ports.lock.release();
  }
}

/**
 * Runs a menu action for the coordinator (see MenuAction). Every dialog is shown with the lock
 * released; every change is made with it held. A second click waits, then says it is running.
 */
export function runMenuAction<Input, Plan>(ports: Ports, action: MenuAction<Input, Plan>): string {
  const ui = ports.ui;
  if (!ui) throw new Error(`"${action.name}" asks the coordinator: run it from the Mentoring menu.`);
  const say = (message: string) => {
    ui.alert(action.name, message);
    return message;
  };
  let input = undefined as Input;
  if (action.ask) {
    const asked = action.ask(ui, ports);
    if ('stop' in asked) return say(asked.stop);
    input = asked.input;
  }
  let approved: { fingerprint: string; yes: boolean } | null = null;
  for (let round = 0; round <= MAX_REPLANS; round++) {
    // A dialog's open time counts towards Google's 6 minutes: after a long one, what is left may
    // not hold even the re-reading, so nothing starts that Google could cut off half-way.
    if ((action.ask || round > 0) && startBudget(ports.clock).expired()) return say(tooLate(action.name));
    type Step = { said: string } | { question: string; fingerprint: string };
    const step = locked(ports, action.name, MENU_LOCK_WAIT_MS, (p): Step => {
      const plan = action.plan(p, input);
      const review = action.review(plan, p);
      if (review.kind === 'stop') return { said: review.message };
      const yes = review.kind === 'go' || approved?.yes !== false;
      if (review.kind === 'go' || review.fingerprint === approved?.fingerprint) {
        const said = yes ? action.act(p, plan) : action.onNo!(p, plan);
        clearFailure(p, action.name);
        return { said };
      }
      // A value typed into Settings that Cohort cannot read is replaced by its default: said before
      // anything is done with it, not only by Set up programme.
      const unusable = readSettings(p).problems;
      const question = unusable.length
        ? `${review.question}\n\nThe Settings tab has values Cohort cannot use:\n${unusable.join('\n')}`
        : review.question;
      return { question, fingerprint: review.fingerprint };
    });
    if (!step.ok) {
      if ('busy' in step) {
        const busy = new LockBusy(action.name).message;
        ui.alert('Already running', busy);
        return busy;
      }
      return say(`Something went wrong: ${step.error}`);
    }
    const value: Step = step.value;
    if ('said' in value) return say(value.said);
    const { question, fingerprint } = value;
    const changed =
      approved === null
        ? ''
        : 'Things changed while the question was open (another run or a new response):\n\n';
    const yes = ui.confirm(
      action.name,
      action.onNo ? `${changed}${question}` : `${changed}${question}\n\nGo ahead?`,
    );
    if (!yes && !action.onNo) return say('Nothing was done.');
    approved = { fingerprint, yes };
  }
  return say('Things kept changing while the question was open, so nothing was done. Try again in a minute.');
}

/**
 * Runs a trigger's work (nobody is looking): holding the script lock, waiting longer for it; when
 * it stays busy, `onBusy` reschedules the work (or the trigger fails, and Google tells the owner).
 */
export function runUnattended<T>(
  ports: Ports,
  action: string,
  work: (ports: Ports) => T,
  options: { onBusy?: (ports: Ports) => void } = {},
): T | undefined {
  const step = locked(ports, action, TRIGGER_LOCK_WAIT_MS, (p) => {
    const value = work(p);
    clearFailure(p, action);
    return value;
  });
  if (step.ok) return step.value;
  if ('busy' in step) {
    if (options.onBusy) options.onBusy(ports);
    else throw new LockBusy(action);
  }
  return undefined;
}

/** A menu action with nothing to confirm: it runs under the lock and says what it did afterwards. */
export function direct(name: string, work: (ports: Ports) => string): MenuAction<void, null> {
  return { name, plan: () => null, review: () => ({ kind: 'go' }), act: (ports) => work(ports) };
}
