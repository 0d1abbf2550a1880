/**
 * How xlsx files hold date-times: a Date whose UTC fields are the spreadsheet zone's wall clock. A
 * spreadsheet stores wall-clock times in its own zone; the script sees instants.
 */
import { instantOfTwoStep, utcWallClock, wallAsUtc, wallClockAt } from '../runtime/timeZone';

/** A host Date whose UTC fields are the zone's wall clock at `instant` (milliseconds kept). */
export function wallDate(instant: number, timeZone: string): Date {
  return new Date(wallAsUtc(wallClockAt(instant, timeZone)) + (((instant % 1000) + 1000) % 1000));
}

/** Reverse of wallDate. */
export function fromWallDate(d: Date, timeZone: string): number {
  return instantOfTwoStep(utcWallClock(d), timeZone) + d.getUTCMilliseconds();
}
