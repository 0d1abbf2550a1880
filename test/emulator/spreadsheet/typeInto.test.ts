import { setup } from './setup';

/** A tab with a header row, a plain-text column B, a date column C and a Status list in D. */
function sheet(allowInvalid = true) {
  const ctx = setup();
  const tab = ctx.ss.insertSheet('People');
  tab.getRange('A1:E1').setValues([['ID', 'Phone', 'When', 'Status', 'Done']]);
  tab.getRange('A6').setValue('last');
  tab.getRange('B2:B10').setNumberFormat('@');
  tab.getRange('C2:C10').setNumberFormat('yyyy-mm-dd hh:mm');
  const list = ctx.app.newDataValidation().requireValueInList(['Applied', 'Selected']);
  tab.getRange('D2:D10').setDataValidation(list.setAllowInvalid(allowInvalid).build());
  tab.getRange('E2:E10').setDataValidation(ctx.app.newDataValidation().requireCheckbox().build());
  return { ...ctx, tab };
}

describe('SpreadsheetModule.typeInto (a person typing into a cell)', () => {
  it('reads typed text as Sheets does: numbers, booleans, dates in the sheet zone, text in a text cell', () => {
    const { module } = sheet();
    module.typeInto('People', 2, 1, '0042');
    module.typeInto('People', 2, 2, '0042');
    module.typeInto('People', 3, 1, 'TRUE');
    module.typeInto('People', 3, 2, 'TRUE');
    module.typeInto('People', 4, 1, "'0042");
    const when = module.typeInto('People', 2, 3, '2025-04-25 09:00');
    const values = module.values('People');
    expect(values[1]?.slice(0, 3)).toEqual([42, '0042', new Date(Date.UTC(2025, 3, 25, 8))]);
    expect(values[2]?.slice(0, 2)).toEqual([true, 'TRUE']);
    expect(values[3]?.[0]).toBe('0042');
    expect(when).toEqual({ before: '', after: '2025-04-25 09:00', valid: true });
  });

  it('says what the cell showed before and after; an empty text clears it', () => {
    const { module } = sheet();
    module.typeInto('People', 2, 4, 'Applied');
    expect(module.typeInto('People', 2, 4, 'Selected')).toEqual({
      before: 'Applied',
      after: 'Selected',
      valid: true,
    });
    expect(module.typeInto('People', 2, 4, '')).toMatchObject({ before: 'Selected', after: '' });
    expect(module.values('People')[1]?.[3]).toBe('');
  });

  it('keeps a value outside a warning list, marked; refuses it where the rule rejects input', () => {
    expect(sheet(true).module.typeInto('People', 2, 4, 'Maybe')).toMatchObject({ valid: false });
    const strict = sheet(false).module;
    expect(() => strict.typeInto('People', 2, 4, 'Maybe')).toThrow(/refused in D2.*Applied, Selected/);
    expect(strict.values('People')[1]?.[3]).toBe('');
    expect(strict.typeInto('People', 2, 5, 'false')).toMatchObject({ after: 'FALSE', valid: true });
    expect(strict.values('People')[1]?.[4]).toBe(false);
  });

  it('makes a formula of "=…" and counts no service call', () => {
    const { module, rt } = sheet();
    const before = Object.fromEntries(rt.totalCalls);
    module.typeInto('People', 5, 1, '=1+1');
    expect(module.formulaCells()).toEqual([{ sheet: 'People', a1: 'A5', formula: '=1+1' }]);
    expect(Object.fromEntries(rt.totalCalls)).toEqual(before);
  });

  it('refuses a cell outside the tab', () => {
    const { module } = sheet();
    expect(() => module.typeInto('People', 2000, 1, 'x')).toThrow(/outside tab "People"/);
  });
});
