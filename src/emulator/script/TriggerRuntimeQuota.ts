const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY_MS = 24 * HOUR;

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

/**
 * What a trigger execution fails with once its owner's day is spent ([observed] failure summaries
 * quoted in webdigi/GmailScheduler#31 and btoews/OctoGAS#16: time-based runs that start and end in
 * the same minute with this message; ctrlq.org "Summary of failures for Google Apps Script").
 */
export const TOO_MUCH_COMPUTER_TIME = 'Service using too much computer time for one day';

interface RuntimeWindow {
  /** When the current 24-hour window began (the first trigger execution in it). */
  windowStart: number;
  /** Elapsed time of the trigger executions started in it. */
  usedMs: number;
}

export interface TriggerRuntimeState {
  account: AccountKind;
  /** By account (the trigger's owner, who it runs as). */
  windows: Record<string, RuntimeWindow>;
}

/**
 * The daily total runtime of trigger executions, per account. DECISION: the window opens at the
 * start of the first trigger execution and the count resets 24 hours after it (the quotas page's
 * "reset 24 hours after the first request", read as MailQuota reads it); an execution counts whole
 * against the window it started in.
 */
export class TriggerRuntimeQuota {
  readonly #windows = new Map<string, RuntimeWindow>();

  constructor(public account: AccountKind) {}

  limitMs(): number {
    return TRIGGER_RUNTIME_PER_DAY_MS[this.account];
  }

  #window(user: string, now: number): RuntimeWindow | undefined {
    const w = this.#windows.get(user);
    if (w && now >= w.windowStart + DAY_MS) {
      this.#windows.delete(user);
      return undefined;
    }
    return w;
  }

  /** Trigger runtime `user` has used in their current window at `now`. */
  usedMs(user: string, now: number): number {
    return this.#window(user, now)?.usedMs ?? 0;
  }

  /** Trigger runtime `user` may still use in their current window at `now` (0 when spent). */
  remainingMs(user: string, now: number): number {
    return Math.max(0, this.limitMs() - this.usedMs(user, now));
  }

  /** Counts a trigger execution of `user` that started at `startedAt` and ran `elapsedMs`. */
  spend(user: string, startedAt: number, elapsedMs: number): void {
    const w = this.#window(user, startedAt);
    if (w) w.usedMs += elapsedMs;
    else this.#windows.set(user, { windowStart: startedAt, usedMs: elapsedMs });
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
      if (typeof w?.windowStart !== 'number' || typeof w.usedMs !== 'number')
        throw new Error(`script state: trigger runtime of ${user} is not { windowStart, usedMs }`);
      this.#windows.set(user, { windowStart: w.windowStart, usedMs: w.usedMs });
    }
  }
}
