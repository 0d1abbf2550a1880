export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A count kept per account over one day, as plain data (it goes into state.json as it is): MailApp's
 * recipients, Calendar's event writes and guests, the triggers' runtime.
 */
export interface DailyWindow {
  /** When the current day began (the first use in it), or null when none is open. */
  windowStart: number | null;
  used: number;
}

/**
 * DECISION: Google's quotas page says they "reset 24 hours after the first request" without saying
 * more, so a window opens at the first use and the count starts again 24 hours later. Returns the
 * count now.
 */
export function usedToday(window: DailyWindow, now: number): number {
  if (window.windowStart !== null && now >= window.windowStart + DAY_MS) {
    window.windowStart = null;
    window.used = 0;
  }
  return window.used;
}

export function addToday(window: DailyWindow, now: number, n: number): void {
  usedToday(window, now);
  if (window.windowStart === null) window.windowStart = now;
  window.used += n;
}
