import { addToday, type DailyWindow, usedToday } from '../base/dailyWindow';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A consumer account (gmail.com) or a Google Workspace one: Google's quotas differ between the two. */
export type AccountKind = 'consumer' | 'workspace';

/**
 * The kind of account a mail quota belongs to: 1,500 recipients a day or more is Workspace, fewer a
 * consumer account (100 a day) ([official] AS/guides/services/quotas). Tests that lift the mail quota
 * far above Google's (100,000) get Workspace's other limits.
 */
export function accountForMailQuota(recipientsPerDay: number): AccountKind {
  return recipientsPerDay >= 1500 ? 'workspace' : 'consumer';
}

/**
 * "Triggers total runtime": 90 min / day (consumer), 6 hr / day (Google Workspace); "Quotas are per
 * user and reset 24 hours after the first request" ([official] AS/guides/services/quotas).
 */
export const TRIGGER_RUNTIME_PER_DAY_MS: Readonly<Record<AccountKind, number>> = {
  consumer: 90 * MINUTE,
  workspace: 6 * HOUR,
};

export interface TriggerRuntimeState {
  account: AccountKind;
  /** By account (the trigger's owner, who it runs as): the milliseconds of trigger runtime used. */
  windows: Record<string, DailyWindow>;
}

/**
 * The daily total runtime of trigger executions, per account. DECISION: the window opens at the
 * start of the first trigger execution and the count resets 24 hours after it (a DailyWindow, as
 * MailApp's quota); an execution counts whole against the window it started in.
 */
export class TriggerRuntimeQuota {
  readonly #windows = new Map<string, DailyWindow>();

  constructor(public account: AccountKind) {}

  limitMs(): number {
    return TRIGGER_RUNTIME_PER_DAY_MS[this.account];
  }

  /** Trigger runtime `user` has used in their current window at `now`. */
  usedMs(user: string, now: number): number {
    const w = this.#windows.get(user);
    return w ? usedToday(w, now) : 0;
  }

  /** Trigger runtime `user` may still use in their current window at `now` (0 when spent). */
  remainingMs(user: string, now: number): number {
    return Math.max(0, this.limitMs() - this.usedMs(user, now));
  }

  /** Counts a trigger execution of `user` that started at `startedAt` and ran `elapsedMs`. */
  spend(user: string, startedAt: number, elapsedMs: number): void {
    const w = this.#windows.get(user) ?? { windowStart: null, used: 0 };
    this.#windows.set(user, w);
    addToday(w, startedAt, elapsedMs);
  }

  toState(): TriggerRuntimeState {
    return { account: this.account, windows: Object.fromEntries(structuredClone([...this.#windows])) };
  }

  fromState(state: TriggerRuntimeState): void {
    if (state.account !== 'consumer' && state.account !== 'workspace')
      throw new Error(
        `script state: account must be "consumer" or "workspace", got ${String(state.account)}`,
      );
    this.account = state.account;
    this.#windows.clear();
    for (const [user, w] of Object.entries(state.windows ?? {})) {
      if ((w?.windowStart !== null && typeof w?.windowStart !== 'number') || typeof w.used !== 'number')
        throw new Error(`script state: trigger runtime of ${user} is not { windowStart, used }`);
      this.#windows.set(user, { windowStart: w.windowStart, used: w.used });
    }
  }
}
