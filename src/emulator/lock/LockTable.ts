import { passTime } from '../base/passTime';
import type { Runtime } from '../runtime/Runtime';

export type LockKind = 'script' | 'user' | 'document';

/**
 * Who holds each of the three locks: this execution, or a simulated concurrent one until a given
 * simulated time. Waiting lets simulated time pass, so a wait costs what it would cost in Google.
 */
export class LockTable {
  /** Locks the current execution holds; Google releases them when the script ends. */
  readonly mine = new Set<LockKind>();
  /** Simulated time until which another execution holds each lock. */
  readonly others = new Map<LockKind, number>();

  constructor(private readonly rt: Runtime) {
    rt.onExecutionEnd(() => this.mine.clear());
  }

  /** Tries for up to `timeoutMs`; on success the clock is at the moment the other released it. */
  acquire(kind: LockKind, timeoutMs: number): boolean {
    if (this.mine.has(kind)) return true;
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
    this.mine.add(kind);
    return true;
  }

  release(kind: LockKind): void {
    this.mine.delete(kind);
  }
}
