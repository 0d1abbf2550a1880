import { instantOfTwoStep, type WallClock, wallClockAt } from '../runtime/timeZone';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When a clock trigger runs. */
export type Schedule =
  | { kind: 'once' }
  | { kind: 'minutes'; n: number }
  | { kind: 'hours'; n: number }
  | {
      kind: 'days';
      n: number;
      hour: number | null;
      /** The minute asked for with nearMinute(), else 0. */
      minute: number;
      timeZone: string;
      /**
       * With atHour(): when it runs, as ms after `hour`:00 of its day, chosen once for the trigger
       * (see chooseOffsetMs). Negative when nearMinute() asks for less than 15 minutes past.
       */
      offsetMs: number;
    };

/** The period, for TriggerRecord.everyMs (daily ones are wall-clock days, so this is nominal). */
export function periodMs(s: Schedule): number | undefined {
  switch (s.kind) {
    case 'once':
      return undefined;
    case 'minutes':
      return s.n * MINUTE;
    case 'hours':
      return s.n * HOUR;
    case 'days':
      return s.n * DAY;
  }
}

/** When a daily trigger runs on the day of `w`, `plusDays` days on: `hour`:00 there plus its offset. */
function onDay(w: WallClock, plusDays: number, hour: number, offsetMs: number, timeZone: string): number {
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + plusDays));
  const wall = {
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    hour,
    minute: 0,
    second: 0,
  };
  return instantOfTwoStep(wall, timeZone) + offsetMs;
}

/**
 * The minute a daily atHour() trigger runs, as ms after the hour, the same every day. Google: "if
 * you create a recurring 9 a.m. trigger, Apps Script chooses a time between 9 a.m. and 10 a.m., then
 * keeps that timing consistent from day to day so that 24 hours elapse before the trigger fires
 * again" ([official] AS/guides/triggers/installable#time-driven_triggers); nearMinute(m) runs "plus
 * or minus 15 minutes" about m ([official] AS/reference/script/clock-trigger-builder#nearMinute).
 * Chosen from the trigger's id, so runs are reproducible, and never told to the script.
 */
export function chooseOffsetMs(uid: string, nearMinute: number | null): number {
  // FNV-1a then murmur3's finaliser: sequential ids spread over the hour, apart from the lateness
  // of Emulator.defaultDelay.
  let h = 0x811c9dc5;
  for (const c of uid) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  return nearMinute === null ? (h % 60) * MINUTE : (nearMinute - 15 + (h % 31)) * MINUTE;
}

/** The first run of a daily atHour() schedule strictly after `afterMs`, from the day of `dayOf` on. */
function firstOnOrAfterDay(
  s: Extract<Schedule, { kind: 'days' }> & { hour: number },
  dayOf: number,
  plusDays: number,
  afterMs: number,
): number {
  // The day is the wall-clock day of the hour itself, not of the run (00:05 ± 15 min may fall the day before).
  const w = wallClockAt(dayOf, s.timeZone);
  for (let extra = 0; ; extra++) {
    const t = onDay(w, plusDays + extra, s.hour, s.offsetMs, s.timeZone);
    if (t > afterMs) return t;
  }
}

/**
 * Host-side, for workspaces saved before runs were spread over the hour: the run on the day of
 * `dayOf` (a due time that was exactly `hour`:`minute`).
 */
export function runOnDayOf(s: Extract<Schedule, { kind: 'days' }> & { hour: number }, dayOf: number): number {
  return firstOnOrAfterDay(s, dayOf, 0, Number.NEGATIVE_INFINITY);
}

export const hasHour = (s: Schedule): s is Extract<Schedule, { kind: 'days' }> & { hour: number } =>
  s.kind === 'days' && s.hour !== null;

/**
 * First due time of a recurring schedule created at `now`: a daily atHour() one at its chosen time
 * of the first day it is still to come, others one period on.
 */
export function firstDue(s: Schedule, now: number): number {
  if (hasHour(s)) return firstOnOrAfterDay(s, now - DAY, 0, now);
  return now + (periodMs(s) ?? 0);
}

/** The due time after one at `dueAt`; never at or before `now` (missed runs are not caught up). */
export function nextDue(s: Schedule, dueAt: number, now: number): number {
  let next = dueAt;
  do {
    next = hasHour(s) ? firstOnOrAfterDay(s, next - s.offsetMs, s.n, next) : next + (periodMs(s) ?? DAY);
  } while (next <= now);
  return next;
}
