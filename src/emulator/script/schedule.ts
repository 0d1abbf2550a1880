import { instantOfTwoStep, wallClockAt } from '../runtime/timeZone';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When a clock trigger runs. */
export type Schedule =
  | { kind: 'once' }
  | { kind: 'minutes'; n: number }
  | { kind: 'hours'; n: number }
  | { kind: 'days'; n: number; hour: number | null; minute: number; timeZone: string };

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

/** The first wall-clock `hour:minute` in the zone strictly after `afterMs`, `plusDays` days on. */
function atWallClock(
  afterMs: number,
  hour: number,
  minute: number,
  timeZone: string,
  plusDays: number,
): number {
  const w = wallClockAt(afterMs, timeZone);
  for (let extra = 0; ; extra++) {
    const day = new Date(Date.UTC(w.year, w.month - 1, w.day + plusDays + extra));
    const t = instantOfTwoStep(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour,
        minute,
        second: 0,
      },
      timeZone,
    );
    if (t > afterMs) return t;
  }
}

/**
 * First due time of a recurring schedule created at `now`. Google picks a time inside the hour
 * (atHour) or ±15 min (nearMinute); the emulator fires exactly at hour:minute, so runs are reproducible.
 */
export function firstDue(s: Schedule, now: number): number {
  if (s.kind === 'days' && s.hour !== null) return atWallClock(now, s.hour, s.minute, s.timeZone, 0);
  return now + (periodMs(s) ?? 0);
}

/** The due time after one at `dueAt`; never at or before `now` (missed runs are not caught up). */
export function nextDue(s: Schedule, dueAt: number, now: number): number {
  let next = dueAt;
  do {
    next =
      s.kind === 'days' && s.hour !== null
        ? atWallClock(next, s.hour, s.minute, s.timeZone, s.n)
        : next + (periodMs(s) ?? DAY);
  } while (next <= now);
  return next;
}
