import type { Lock } from '../../ports';

/** The Lock port on the script lock: one action at a time, whoever clicked. */
export class ScriptLock implements Lock {
  private readonly lock = LockService.getScriptLock();

  tryAcquire(ms: number): boolean {
    return this.lock.tryLock(ms);
  }

  release(): void {
    SpreadsheetApp.flush();
    this.lock.releaseLock();
  }
}
