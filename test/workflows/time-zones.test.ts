/**
 * Two time zones (issue 9.3f): the spreadsheet's own zone (File → Settings) may differ from the
 * script's and the programme's. A date typed into a cell means the wall-clock time it shows.
 */
import { instantOf } from '../../src/emulator/runtime/timeZone';
import { apply, newCohort, rows, settings, setUp } from '../support/cohort';

/** The instant a person means when they type this wall-clock time into a sheet set to `zone`. */
const typed = (wall: string, zone: string) => {
  const [date, time] = wall.split(' ');
  const [year, month, day] = date!.split('-').map(Number);
  const [hour, minute] = time!.split(':').map(Number);
  return new Date(
    instantOf({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0 }, zone),
  );
};

describe('a spreadsheet in another time zone than the programme', () => {
  it('reads a deadline typed as a date as the wall-clock time the cell shows, in the programme zone', () => {
    const emulator = setUp(newCohort({ spreadsheetTimeZone: 'America/New_York' }));
    expect(emulator.spreadsheets.active.doc.timeZone).toBe('America/New_York');
    // The coordinator types 18 April 23:59 into the Value cell: the sheet (New York) stores that
    // wall clock; the programme runs on UK time, where the deadline is meant.
    settings(emulator, { applicationDeadline: typed('2025-04-18 23:59', 'America/New_York') });
    emulator.rt.clock.set(Date.UTC(2025, 3, 19, 0, 30)); // 01:30 on 19 April in London: late
    apply(emulator, 'mentee', { name: 'Late Larkin', email: 'late@example.org' });
    const [row] = rows(emulator, 'Applicants');
    expect(String(row?.Problems)).toContain('Submitted after the deadline (18 April 2025)');
  });

  it("changing the spreadsheet's zone keeps each date cell's wall clock (Sheets does), so the instant moves", () => {
    const emulator = newCohort();
    const sheet = emulator.spreadsheets.active.doc.sheets[0]!;
    sheet.values.set(0, 0, new Date(Date.UTC(2025, 3, 25, 8, 0))); // 09:00 in London
    emulator.load(
      `function f() { SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetTimeZone('America/New_York'); }`,
    );
    expect(emulator.run('f').error).toBeNull();
    expect((sheet.values.get(0, 0) as Date).toISOString()).toBe('2025-04-25T13:00:00.000Z'); // 09:00 in New York
  });
});
