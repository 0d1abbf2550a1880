import { signatureMismatch } from '../base/signature';
import { ScriptException } from '../runtime/errors';
import type { Runtime } from '../runtime/Runtime';
import type { LockKind, LockTable } from './LockTable';

function timeoutOf(method: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value)) throw signatureMismatch(method, [value]);
  return Math.floor(value);
}

/**
 * One of the three locks as the script sees it. Lock objects of the same kind share ownership
 * within an execution: DECISION [uncertain] a second tryLock on the same kind is a no-op that
 * returns true ("has no effect if the lock has already been acquired").
 */
export class Lock
  implements Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'hasLock' | 'releaseLock'>
{
  readonly #rt: Runtime;
  readonly #table: LockTable;
  readonly #kind: LockKind;

  constructor(rt: Runtime, table: LockTable, kind: LockKind) {
    this.#rt = rt;
    this.#table = table;
    this.#kind = kind;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.#rt.call('Lock.tryLock');
    return this.#table.acquire(this.#kind, timeoutOf('Lock.tryLock', timeoutInMillis));
  }

  waitLock(timeoutInMillis: number): void {
    this.#rt.call('Lock.waitLock');
    if (!this.#table.acquire(this.#kind, timeoutOf('Lock.waitLock', timeoutInMillis))) {
      throw new ScriptException('Lock timeout: another process was holding the lock for too long.');
    }
  }

  hasLock(): boolean {
    this.#rt.call('Lock.hasLock');
    return this.#table.mine(this.#kind);
  }

  releaseLock(): void {
    this.#rt.call('Lock.releaseLock');
    this.#table.release(this.#kind);
  }
}
