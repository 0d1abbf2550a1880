import { ScriptException } from '../../../src/emulator/runtime/errors';
import { setup } from './setup';

describe('Range values', () => {
  it('reads blanks as empty strings and an empty sheet as A1', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getLastColumn()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
    expect(sheet.getRange(2, 2, 2, 3).getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('round-trips numbers, booleans, text and dates with 1-based positions', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    const when = new Date(Date.UTC(2025, 3, 18, 9, 30));
    sheet.getRange(2, 3, 2, 2).setValues([
      ['Ada', 42],
      [true, when],
    ]);
    expect(sheet.getLastRow()).toBe(3);
    expect(sheet.getLastColumn()).toBe(4);
    expect(sheet.getRange('C2:D3').getValues()).toEqual([
      ['Ada', 42],
      [true, when],
    ]);
    expect(sheet.getRange(3, 4).getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange(3, 4).getValue()).not.toBe(when);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:D3');
  });

  it('parses strings like typed input unless the cell is plain text', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('B1:B7').setNumberFormat('@');
    const inputs = [['0123'], ['TRUE'], ['2025-04-18'], ['2025-04'], ['+447700900123'], ['1.5'], ['hello']];
    sheet.getRange('A1:A7').setValues(inputs);
    sheet.getRange('B1:B7').setValues(inputs);
    const [typed, text] = [
      sheet.getRange('A1:A7').getValues().flat(),
      sheet.getRange('B1:B7').getValues().flat(),
    ];
    expect(typed.slice(0, 2)).toEqual([123, true]);
    // Midnight in Europe/London (BST) is 23:00 UTC the day before.
    expect((typed[2] as Date).toISOString()).toBe('2025-04-17T23:00:00.000Z');
    expect((typed[3] as Date).toISOString()).toBe('2025-03-31T23:00:00.000Z');
    expect(typed.slice(4)).toEqual([447700900123, 1.5, 'hello']);
    expect(text).toEqual(inputs.flat());
    expect(sheet.getRange('B1').getNumberFormat()).toBe('@');
    expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  });

  it('stores =… as a formula (read as blank) and an apostrophe as literal text', () => {
    const { ss, module } = setup();
    const sheet = ss.insertSheet('Applicants');
    sheet.appendRow(['=1+1', '\'=HYPERLINK("x")', "'0123", 'plain']);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['', '=HYPERLINK("x")', '0123', 'plain']]);
    expect(sheet.getRange('A1').getFormula()).toBe('=1+1');
    expect(sheet.getLastRow()).toBe(1);
    expect(module.formulaCells()).toEqual([{ sheet: 'Applicants', a1: 'A1', formula: '=1+1' }]);
    sheet.getRange('A2').setNumberFormat('@').setValue('=2+2');
    expect(sheet.getRange('A2').getValue()).toBe('=2+2');
    expect(module.formulaCells()).toHaveLength(1);
  });

  it('throws Apps Script errors for bad shapes and bounds', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    expect(() => sheet.getRange(1, 1, 1, 7).setValues([['a']])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 7.',
    );
    expect(() => sheet.getRange(1, 1, 2, 1).setValues([['a']])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => sheet.getRange(1, 1, 0, 3)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(0, 1)).toThrow(ScriptException);
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  it('grows the sheet on appendRow but not on getRange', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['after']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1).getValue()).toBe('after');
    sheet.insertRowsAfter(1001, 10);
    expect(sheet.getMaxRows()).toBe(1011);
  });

  it('shows display values in the en_GB locale and the spreadsheet time zone', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet
      .getRange('A1:E1')
      .setValues([
        [
          new Date(Date.UTC(2025, 3, 18, 17, 5, 9)),
          new Date(Date.UTC(2025, 0, 2, 0, 0)),
          0.1 + 0.2,
          false,
          '',
        ],
      ]);
    sheet
      .getRange('F1')
      .setNumberFormat('yyyy-mm-dd hh:mm')
      .setValue(new Date(Date.UTC(2025, 6, 1, 8, 0)));
    sheet.getRange('G1').setNumberFormat('0.00').setValue(2);
    expect(sheet.getRange('A1:G1').getDisplayValues()).toEqual([
      ['18/04/2025 18:05:09', '02/01/2025', '0.3', 'FALSE', '', '2025-07-01 09:00', '2.00'],
    ]);
  });

  it('keeps validation rules per cell', () => {
    const { ss, app } = setup();
    const sheet = ss.getSheets()[0]!;
    const rule = app
      .newDataValidation()
      .requireValueInList(['Selected', 'Waitlisted'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('C2:C10').setDataValidation(rule);
    const got = sheet.getRange('C5').getDataValidation();
    expect(got?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(got?.getCriteriaValues()).toEqual([['Selected', 'Waitlisted'], true]);
    expect(got?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('C11').getDataValidation()).toBeNull();
    sheet.deleteRow(2);
    expect(sheet.getRange('C9').getDataValidation()).not.toBeNull();
    expect(sheet.getRange('C10').getDataValidation()).toBeNull();
  });

  it('reads and writes 5,000 × 20 quickly, one call each', () => {
    const { ss, rt } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.insertRowsAfter(1000, 4000);
    const rows = Array.from({ length: 5000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) => (c % 2 ? `r${r}c${c}` : r * c)),
    );
    const t0 = performance.now();
    sheet.getRange(1, 1, 5000, 20).setValues(rows);
    const back = sheet.getDataRange().getValues();
    const elapsed = performance.now() - t0; // about 50 ms in plain node; jest's vm is slower
    expect(back).toEqual(rows);
    expect(elapsed).toBeLessThan(1000);
    expect(rt.execution?.calls.get('Range.setValues')).toBe(1);
    expect(rt.execution?.calls.get('Range.getValues')).toBe(1);
  });
});
