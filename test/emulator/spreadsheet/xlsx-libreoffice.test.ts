import { join } from 'node:path';
import { SpreadsheetData } from '../../../src/emulator/spreadsheet/SpreadsheetData';
import { readWorkbook } from '../../../src/emulator/spreadsheet/workbookXlsx';

/**
 * fixtures/settings-saved-by-libreoffice.xlsx: a workbook the emulator wrote (a Settings tab with
 * booleans, a plain-text column, a number, a date), opened and saved as .xlsx by LibreOffice 7.4.
 */
const FIXTURE = join(__dirname, 'fixtures', 'settings-saved-by-libreoffice.xlsx');

describe('a workbook.xlsx saved by LibreOffice', () => {
  it('reads back as the emulator wrote it: booleans (saved as TRUE()/FALSE()), text, numbers, dates', async () => {
    const doc = new SpreadsheetData('id', 'Peer mentoring', 'Europe/London', 'en_GB');
    const [sheet] = await readWorkbook(FIXTURE, doc, []);
    expect(sheet?.name).toBe('Settings');
    expect(sheet?.read(0, 0, 6, 3)).toEqual([
      ['Key', 'Value', 'Other'],
      ['dryRun', true, false],
      ['menteePlaces', '18', 18],
      ['deadline', '2025-04-18 23:59', new Date(Date.UTC(2025, 3, 18, 22, 59))],
      ['phone', '0123', 4.5],
      ['name', 'Siân', ''],
    ]);
    expect(sheet?.formulas.lastRow()).toBe(0);
    expect(sheet?.formats.get(1, 1)).toBe('@');
  });
});
