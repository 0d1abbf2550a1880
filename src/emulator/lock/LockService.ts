import type { Runtime } from '../runtime/Runtime';
import { Lock } from './Lock';
import type { LockTable } from './LockTable';

/**
 * The script's `LockService`. The lock "is not actually acquired until tryLock/waitLock is
 * called". The script is bound to the spreadsheet, so getDocumentLock returns a lock, not null.
 */
export class LockService
  implements Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getUserLock' | 'getDocumentLock'>
{
  readonly #rt: Runtime;
  readonly #table: LockTable;

  constructor(rt: Runtime, table: LockTable) {
    this.#rt = rt;
    this.#table = table;
  }

  getScriptLock(): Lock {
    this.#rt.call('LockService.getScriptLock');
    return new Lock(this.#rt, this.#table, 'script');
  }

  getUserLock(): Lock {
    this.#rt.call('LockService.getUserLock');
    return new Lock(this.#rt, this.#table, 'user');
  }

  getDocumentLock(): Lock {
    this.#rt.call('LockService.getDocumentLock');
    return new Lock(this.#rt, this.#table, 'document');
  }
}
