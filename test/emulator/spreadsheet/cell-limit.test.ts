/**
 * A cell holds at most 50,000 characters (issue 9.3e): Google refuses a longer write, the whole
 * write, with "Your input contains more than the maximum of 50000 characters in a single cell."
 * ([observed] airbytehq/airbyte#15500; an Apps Script web app's error page in a public project).
 */

import { fitCell, MAX_CELL_CHARS } from '../../../src/domain/text';
import { Emulator } from '../../../src/emulator/Emulator';

const em = () =>
  new Emulator({ now: Date.UTC(2025, 3, 1) }).load(`
  function write(n) {
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sheet.getRange(1, 1, 1, 2).setValues([['before', 'x'.repeat(n)]]);
  }
  function append(n) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].appendRow(['a', 'y'.repeat(n)]); }
  function one(n) { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('C1').setValue('z'.repeat(n)); }
`);

describe('the 50,000-character cell', () => {
  it.each(['write', 'append', 'one'])(
    '%s: 50,000 characters fit, 50,001 are refused and nothing is written',
    (fn) => {
      const e = em();
      expect(e.run(fn, 50_000).error).toBeNull();
      const before = JSON.stringify(e.spreadsheets.values('Sheet1'));
      const refused = e.run(fn, 50_001);
      expect(refused.error?.message).toBe(
        'Your input contains more than the maximum of 50000 characters in a single cell.',
      );
      expect(JSON.stringify(e.spreadsheets.values('Sheet1'))).toBe(before);
    },
  );

  it("Cohort's last guard cuts a value to fit and says so", () => {
    expect(fitCell('short')).toBe('short');
    const cut = fitCell('q'.repeat(120_000));
    expect(cut.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(cut.length).toBeGreaterThan(MAX_CELL_CHARS - 10);
    expect(cut).toMatch(/… \[\d+ more characters cut by Cohort\]$/);
  });
});
