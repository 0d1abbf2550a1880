import type { Ports } from '../ports';
import { errorText } from './errors';
import { clearFailure, reportFailure } from './failures';

/** Seconds a menu action waits for another action to finish before saying so. */
const MENU_LOCK_WAIT_MS = 10_000;
/** A trigger waits longer: nobody is looking, and the work must not be dropped. */
const TRIGGER_LOCK_WAIT_MS = 240_000;

export class LockBusy extends Error {
  readonly code = 'LOCK_BUSY' as const;
  constructor(readonly action: string) {
    super(`"${action}" did not start: another Mentoring action is still running. Try again in a minute.`);
  }
}

/**
 * Runs one menu action or trigger: takes the script lock (a second click waits, then says it is
 * already running), turns any failure into words in the Log tab and in front of the coordinator,
 * and always releases the lock.
 */
export function runAction<T>(
  ports: Ports,
  action: string,
  work: (ports: Ports) => T,
  options: { onBusy?: (ports: Ports) => void } = {},
): T | undefined {
  const waited = ports.lock.tryAcquire(ports.ui ? MENU_LOCK_WAIT_MS : TRIGGER_LOCK_WAIT_MS);
  if (!waited) {
    const busy = new LockBusy(action);
    if (options.onBusy) options.onBusy(ports);
    else if (ports.ui) ports.ui.alert('Already running', busy.message);
    else throw busy;
    return undefined;
  }
  try {
    const result = work(ports);
    clearFailure(ports, action);
    return result;
  } catch (e) {
    const message = errorText(e);
    reportFailure(ports, action, message);
    if (ports.ui) ports.ui.alert(`${action}: something went wrong`, message);
    else throw e;
    return undefined;
  } finally {
    ports.lock.release();
  }
}
