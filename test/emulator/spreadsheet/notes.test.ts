import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import type { SpreadsheetApp } from '../../../src/emulator/spreadsheet/SpreadsheetApp';
import { SpreadsheetModule } from '../../../src/emulator/spreadsheet/SpreadsheetModule';
import { START, setup } from './setup';

describe('Range notes', () => {
  it('sets, reads and clears notes cell by cell and as a grid the size of the range', () => {
    const { ss } = setup();
    const tab = ss.insertSheet('Matches');
    tab.getRange('A1:C1').setNotes([['Mentee', null, 'Locked: keep this pair.']]);
    expect(tab.getRange('A1:C1').getNotes()).toEqual([['Mentee', '', 'Locked: keep this pair.']]);
    expect(tab.getRange('C1').getNote()).toBe('Locked: keep this pair.');
    tab.getRange('A1').setNote(null);
    tab.getRange('B2:B3').setNote('Filled by Cohort');
    expect(tab.getRange('A1:B3').getNotes()).toEqual([
      ['', ''],
      ['', 'Filled by Cohort'],
      ['', 'Filled by Cohort'],
    ]);
    expect(() => tab.getRange('A1:C1').setNotes([['a', 'b']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => tab.getRange('A1:C2').setNotes([['a', 'b', 'c']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  it('move with their cells when a row goes, and survive the workbook.xlsx, as comments', async () => {
    const { module, ss } = setup();
    const tab = ss.insertSheet('Matches');
    tab.getRange('A1:C2').setValues([
      ['', '', ''],
      ['Mentee', 'Mentor', 'Status'],
    ]);
    tab.getRange('C2').setNote('Locked: keep this pair. Excluded: never pair these two.');
    tab.deleteRow(1);
    expect(tab.getRange('C1').getNote()).toBe('Locked: keep this pair. Excluded: never pair these two.');
    const dir = mkdtempSync(join(tmpdir(), 'cohort-notes-'));
    await module.writeFiles(dir);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'workbook.xlsx'));
    expect(workbook.getWorksheet('Matches')!.getCell('C1').note).toBe(
      'Locked: keep this pair. Excluded: never pair these two.',
    );
    const rt = new Runtime(START);
    const back = new SpreadsheetModule(rt, { name: 'other', timeZone: 'UTC', locale: 'en_US' });
    back.fromState(JSON.parse(JSON.stringify(module.toState())));
    await back.readFiles(dir);
    rt.begin('t', 'menu');
    const again = (back.globals().SpreadsheetApp as SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName('Matches')!;
    expect(again.getRange('A1:C1').getNotes()).toEqual([
      ['', '', 'Locked: keep this pair. Excluded: never pair these two.'],
    ]);
  });
});
