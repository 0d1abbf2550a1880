import { addToday, DAY_MS, usedToday } from '../base/dailyWindow';
import { ScriptException } from '../runtime/errors';

export { DAY_MS };

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

  remaining(now: number): number {
    return Math.max(0, this.state.dailyQuota - usedToday(this.state, now));
  }

  /** Throws Google's error, counting nothing, when `recipients` more would go over the quota. */
  assertAvailable(now: number, recipients: number): void {
    if (recipients > this.remaining(now)) {
      throw new ScriptException('Service invoked too many times for one day: email.');
    }
  }

  consume(now: number, recipients: number): void {
    addToday(this.state, now, recipients);
  }
}
