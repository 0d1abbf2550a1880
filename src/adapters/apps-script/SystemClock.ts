import { parseWallClock, wallClockToInstant } from '../../domain/dates';
import type { Clock } from '../../ports';

/** "+0100" → 60 */
function offsetMinutes(at: Date, timeZone: string): number {
  const z = Utilities.formatDate(at, timeZone, 'Z');
  const m = /^([+-])(\d\d)(\d\d)$/.exec(z);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The Clock port: real time, and time-zone conversion done by Google's Utilities at the edge. */
export class SystemClock implements Clock {
  /** The ports are made first thing in every entry function: this is when the execution began. */
  private readonly began = new Date();

  now(): Date {
    return new Date();
  }

  startedAt(): Date {
    return this.began;
  }

  wallClock(at: Date, timeZone: string): string {
    return Utilities.formatDate(at, timeZone, 'yyyy-MM-dd HH:mm');
  }

  sleep(ms: number): void {
    // Google refuses more than 5 minutes.
    Utilities.sleep(Math.min(Math.max(0, Math.round(ms)), 300_000));
  }

  instant(wallClock: string, timeZone: string): Date {
    const wall = parseWallClock(wallClock);
    if (!wall) throw new Error(`"${wallClock}" is not a date and time like 2025-04-18 23:59`);
    // The offset at the wall-clock time read as UTC is right except within an hour of a change;
    // asking again at the first guess settles it.
    const guess = wallClockToInstant(wall, offsetMinutes(wallClockToInstant(wall, 0), timeZone));
    return wallClockToInstant(wall, offsetMinutes(guess, timeZone));
  }
}
