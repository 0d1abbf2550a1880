/**
 * How xlsx files hold date-times: a Date whose UTC fields are the spreadsheet zone's wall clock. A
 * spreadsheet stores wall-clock times in its own zone; the script sees instants.
 */
import { instantOfTwoStep, utcWallClock, wallAsUtc, wallClockAt } from '../runtime/timeZone';
import type { SpreadsheetData } from './SpreadsheetData';

/** A host Date whose UTC fields are the zone's wall clock at `instant` (milliseconds kept). */
export function wallDate(instant: number, timeZone: string): Date {
  return new Date(wallAsUtc(wallClockAt(instant, timeZone)) + (((instant % 1000) + 1000) % 1000));
}

/** Reverse of wallDate. */
export function fromWallDate(d: Date, timeZone: string): number {
  return instantOfTwoStep(utcWallClock(d), timeZone) + d.getUTCMilliseconds();
}

/** The spreadsheet moves to `zone`: each date cell keeps its wall clock, so names another instant. */
export function shiftDates(doc: SpreadsheetData, zone: string): void {
  for (const sheet of doc.sheets)
    for (const row of sheet.values.rows)
      if (row)
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (v instanceof Date) row[c] = new Date(fromWallDate(wallDate(v.getTime(), doc.timeZone), zone));
        }
  doc.timeZone = zone;
}
