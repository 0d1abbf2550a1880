import { ScriptException } from '../runtime/errors';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface MailQuotaState {
  dailyQuota: number;
  /** When the current 24-hour window began (the first send in it), or null when none is open. */
  windowStart: number | null;
  /** Recipients counted in the current window. */
  used: number;
}

/**
 * The daily recipient quota. DECISION (issue): Google does not document when "the day" resets;
 * here a window opens at the first send and the count resets 24 hours after that.
 */
export class MailQuota {
  constructor(public state: MailQuotaState) {}

  #roll(now: number): void {
    const start = this.state.windowStart;
    if (start !== null && now >= start + DAY_MS) {
      this.state.windowStart = null;
      this.state.used = 0;
    }
  }

  remaining(now: number): number {
    this.#roll(now);
    return Math.max(0, this.state.dailyQuota - this.state.used);
  }

  /** Throws Google's error, counting nothing, when `recipients` more would go over the quota. */
  assertAvailable(now: number, recipients: number): void {
    if (recipients > this.remaining(now)) {
      throw new ScriptException('Service invoked too many times for one day: email.');
    }
  }

  consume(now: number, recipients: number): void {
    this.#roll(now);
    if (this.state.windowStart === null) this.state.windowStart = now;
    this.state.used += recipients;
  }
}
