import { NotImplemented } from '../../../src/emulator/runtime/errors';
import { setup } from './setup';

describe('row heights, vertical alignment and backgrounds', () => {
  it('setRowHeightsForced fixes the heights of rows within the sheet, and they move with their rows', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.setRowHeightsForced(2, 3, 60);
    expect(sheet.data.rowHeights.slice(0, 5)).toEqual([undefined, 60, 60, 60, undefined]);
    sheet.insertRowsBefore(2, 1);
    expect(sheet.data.rowHeights.slice(0, 5)).toEqual([undefined, undefined, 60, 60, 60]);
    sheet.deleteRows(3, 2);
    expect(sheet.data.rowHeights.slice(0, 4)).toEqual([undefined, undefined, 60, undefined]);
  });

  it('setRowHeightsForced refuses rows outside the sheet and heights below 1', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(() => sheet.setRowHeightsForced(0, 1, 30)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.setRowHeightsForced(2, 1000, 30)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.setRowHeightsForced(1, 0, 30)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.setRowHeightsForced(1, 1, 0)).toThrow('Invalid argument: height');
    expect(() => sheet.setRowHeightsForced(1, 1, 2.5)).toThrow('Invalid argument: height');
    expect(sheet.setRowHeightsForced(1, 1000, 21)).toBe(sheet);
  });

  it('setVerticalAlignment takes top, middle, bottom or null, and nothing else', () => {
    const { ss } = setup();
    const range = ss.getSheets()[0]!.getRange('A2:B3');
    range.setVerticalAlignment('top');
    expect(range.getSheet().data.verticalAlignments.get(2, 1)).toBe('top');
    range.setVerticalAlignment('MIDDLE');
    expect(range.getSheet().data.verticalAlignments.get(1, 0)).toBe('middle');
    range.setVerticalAlignment(null);
    expect(range.getSheet().data.verticalAlignments.get(1, 0)).toBeUndefined();
    expect(() => range.setVerticalAlignment('centre')).toThrow('Invalid argument: alignment');
  });

  it("getBackground is '#ffffff' until set, then the top-left cell's colour as #rrggbb", () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    sheet.getRange('A1:C1').setBackground('#E8EAED');
    expect(sheet.getRange('B1:C4').getBackground()).toBe('#e8eaed');
    sheet.getRange('D1').setBackground('#abc');
    expect(sheet.getRange('D1').getBackground()).toBe('#aabbcc');
    sheet.getRange('A1').setBackground(null);
    expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
    // A colour by name would need CSS's table of names: not emulated rather than guessed.
    sheet.getRange('E1').setBackground('white');
    expect(() => sheet.getRange('E1').getBackground()).toThrow(NotImplemented);
  });
});
