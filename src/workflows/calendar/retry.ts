import type { Clock } from '../../ports';

/**
 * Google's words for a Calendar call that may work if tried again a little later: rate limits,
 * usage limits and server trouble (CAL/guides/errors; in Apps Script they arrive as
 * "GoogleJsonResponseException: API call to calendar.events.insert failed with error: …").
 */
const TRANSIENT =
  /Rate Limit Exceeded|rateLimitExceeded|usage limits exceeded|usageLimits|Backend Error|backendError|Service unavailable|Internal error|Internal Server Error|try again later|timed out|Empty response/i;

export function isTransient(e: unknown): boolean {
  return TRANSIENT.test(messageOf(e));
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Google's error without the "GoogleJsonResponseException: API call to … failed with error:" prefix. */
export function reasonOf(e: unknown): string {
  const message = messageOf(e);
  const m = /failed with error:\s*(.*)$/s.exec(message);
  return (m?.[1] ?? message).trim();
}

/** The Calendar kept refusing: the run stops and continues later. */
export class CalendarBusy extends Error {
  readonly code = 'CALENDAR_BUSY' as const;
  constructor(
    readonly reason: string,
    readonly attempts: number,
  ) {
    super(`Google Calendar is busy ("${reason}", ${attempts} tries).`);
  }
}

export interface RetryOptions {
  readonly attempts?: number;
  /** The first wait; each next one doubles (1 s, 2 s, 4 s, 8 s by default). */
  readonly firstDelayMs?: number;
  /** Runs before every try after the first (e.g. to look whether a failed insert went through). */
  readonly beforeRetry?: () => void;
}

/**
 * Runs a Calendar call, retrying Google's transient failures with exponential backoff (no random
 * jitter: one script makes its calls one after the other, so there is no herd to spread out, and
 * tests stay repeatable). A failure that is not transient is thrown at once; a transient one that
 * outlasts the tries becomes CalendarBusy.
 */
export function withRetry<T>(clock: Pick<Clock, 'sleep'>, work: () => T, options: RetryOptions = {}): T {
  const attempts = options.attempts ?? 5;
  let delay = options.firstDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      if (attempt > 1) options.beforeRetry?.();
      return work();
    } catch (e) {
      if (!isTransient(e)) throw e;
      if (attempt >= attempts) throw new CalendarBusy(reasonOf(e), attempt);
      clock.sleep(delay);
      delay *= 2;
    }
  }
}
