import type { Runtime } from '../runtime/Runtime';

/**
 * Lets simulated time pass inside a call (a sleep, a wait for a lock). Google ends an execution
 * that runs past its limit even while it waits, so this ends it here rather than at the next call.
 */
export function passTime(rt: Runtime, ms: number): void {
  if (ms > 0) rt.clock.advance(ms);
  rt.checkLimit();
}
