import { passTime } from '../base/passTime';
import type { Runtime } from '../runtime/Runtime';

export type LockKind = 'script' | 'user' | 'document';

/**
 * Who holds each of the three locks: an execution of this emulator (by id), or a simulated
 * concurrent one until a given simulated time. Waiting lets simulated time pass, so a wait costs
 * what it would cost in Google. A lock is dropped when its execution ends and when it opens a
 * dialog ([official] AS/reference/base/ui#alert: "LockService locks don't persist across the
 * suspension").
 */
export class LockTable {
  /** Execution id holding each lock. */
  readonly held = new Map<LockKind, number>();
  /** Simulated time until which another (host-simulated) execution holds each lock. */
  readonly others = new Map<LockKind, number>();

  constructor(private readonly rt: Runtime) {
    const drop = (ex: { id: number }) => {
      for (const [kind, id] of this.held) if (id === ex.id) this.held.delete(kind);
    };
    rt.onExecutionEnd(drop);
    rt.onSuspend(drop);
  }

  /** Does the current execution hold `kind`? */
  mine(kind: LockKind): boolean {
    return this.held.get(kind) === (this.rt.execution?.id ?? 0);
  }

  /** Tries for up to `timeoutMs`; on success the clock is at the moment the other released it. */
  acquire(kind: LockKind, timeoutMs: number): boolean {
    if (this.mine(kind)) return true;
    const holder = this.held.get(kind);
    if (holder !== undefined) {
      // Another execution of ours holds it and cannot let go while this one waits (one thread):
      // the whole timeout passes, as it would behind a script that is still busy.
      passTime(this.rt, Math.max(0, timeoutMs));
      return false;
    }
    const now = this.rt.clock.now();
    const until = this.others.get(kind);
    if (until !== undefined && until > now) {
      const wait = until - now;
      if (wait > timeoutMs) {
        passTime(this.rt, Math.max(0, timeoutMs));
        return false;
      }
      passTime(this.rt, wait);
    }
    this.others.delete(kind);
    // Outside any execution (a host-side test), the lock is held by "nobody in particular" (id 0).
    this.held.set(kind, this.rt.execution?.id ?? 0);
    return true;
  }

  release(kind: LockKind): void {
    if (this.mine(kind)) this.held.delete(kind);
  }
}
