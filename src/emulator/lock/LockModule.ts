import type { Runtime } from '../runtime/Runtime';
import type { ServiceModule } from '../runtime/ServiceModule';
import { LockService } from './LockService';
import { type LockKind, LockTable } from './LockTable';

interface LockState {
  /** Simulated times until which a concurrent execution holds each lock. */
  others: Partial<Record<LockKind, number>>;
}

/** LockService, and a host-side way to play a second execution that holds a lock. */
export class LockModule implements ServiceModule {
  readonly #rt: Runtime;
  readonly #table: LockTable;
  readonly #service: LockService;

  constructor(rt: Runtime) {
    this.#rt = rt;
    this.#table = new LockTable(rt);
    this.#service = new LockService(rt, this.#table);
  }

  globals(): Record<string, unknown> {
    return { LockService: this.#service };
  }

  /** Host-side: another execution holds `kind` until simulated time `untilMs`. */
  holdByOther(kind: LockKind, untilMs: number): void {
    this.#table.others.set(kind, untilMs);
  }

  /** Host-side: the other execution lets go of `kind` now. */
  releaseOther(kind: LockKind): void {
    this.#table.others.delete(kind);
  }

  /** Host-side: is `kind` held now, and by whom (no call counted). */
  holder(kind: LockKind): 'this' | 'other' | null {
    if (this.#table.mine(kind)) return 'this';
    if (this.#table.held.has(kind)) return 'other';
    const until = this.#table.others.get(kind);
    return until !== undefined && until > this.#rt.clock.now() ? 'other' : null;
  }

  toState(): LockState {
    return { others: Object.fromEntries(this.#table.others) };
  }

  fromState(state: unknown): void {
    const others = (state as Partial<LockState> | undefined)?.others ?? {};
    this.#table.others.clear();
    for (const [kind, until] of Object.entries(others)) {
      if (typeof until === 'number') this.#table.others.set(kind as LockKind, until);
    }
  }
}
