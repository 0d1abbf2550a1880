import { setup } from './setup';

describe('Spreadsheet and Sheet', () => {
  it('has one bound spreadsheet with a stable id, reachable by openById', () => {
    const { ss, app, module } = setup();
    expect(ss.getId()).toMatch(/^[\w-]{44}$/);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(app.openById(ss.getId())).toBe(ss);
    expect(module.byId(ss.getId())).toBe(ss);
    expect(() => app.openById('nope')).toThrow(
      'Unexpected error while getting the method or property openById',
    );
    expect(ss.getName()).toBe('Peer mentoring');
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/London');
    expect(ss.getSpreadsheetLocale()).toBe('en_GB');
  });

  it('inserts, finds, renames and deletes tabs with Apps Script errors', () => {
    const { ss } = setup();
    const first = ss.getSheets()[0]!;
    expect(first.getName()).toBe('Sheet1');
    expect(first.getSheetId()).toBe(0);
    const applicants = ss.insertSheet('Applicants');
    const settings = ss.insertSheet('Settings', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Settings', 'Sheet1', 'Applicants']);
    expect(applicants.getIndex()).toBe(3);
    expect(applicants.getParent()).toBe(ss);
    expect(ss.getSheetByName('Applicants')).toBe(applicants);
    expect(ss.getSheetByName('applicants')).toBeNull();
    expect(() => ss.insertSheet('Applicants')).toThrow(
      'A sheet with the name "Applicants" already exists. Please enter another name.',
    );
    expect(() => settings.setName('Applicants')).toThrow('already exists');
    settings.setName('Config');
    expect(ss.getSheetByName('Config')).toBe(settings);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    ss.deleteSheet(applicants);
    expect(ss.getSheetByName('Applicants')).toBeNull();
    expect(ss.getSheetById(settings.getSheetId())).toBe(settings);
  });

  it('keeps tab names unique whatever their case, as Google Sheets does', () => {
    const { ss } = setup();
    const outbox = ss.insertSheet('Outbox');
    expect(() => ss.insertSheet('outbox')).toThrow(
      'A sheet with the name "outbox" already exists. Please enter another name.',
    );
    const log = ss.insertSheet('Log');
    expect(() => log.setName('OUTBOX')).toThrow(
      'A sheet with the name "OUTBOX" already exists. Please enter another name.',
    );
    outbox.setName('OUTBOX');
    expect(outbox.getName()).toBe('OUTBOX');
    // getSheetByName stays exact: scripts that rely on it say so (docs/google-behaviour.md).
    expect(ss.getSheetByName('Outbox')).toBeNull();
    ss.deleteSheet(log);
    ss.insertSheet('sheet4');
    expect(ss.insertSheet().getName()).toBe('Sheet5');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'OUTBOX', 'sheet4', 'Sheet5']);
  });

  it('refuses to delete the last tab', () => {
    const { ss } = setup();
    expect(() => ss.deleteSheet(ss.getSheets()[0]!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('deletes and inserts rows, keeping formats with their cells', () => {
    const { ss } = setup();
    const sheet = ss.getSheets()[0]!;
    sheet.getRange('A1:A4').setValues([['h'], ['a'], ['b'], ['c']]);
    sheet.getRange('A3').setNumberFormat('@');
    sheet.setFrozenRows(1);
    sheet.deleteRow(2);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([['h'], ['b'], ['c']]);
    expect(sheet.getRange('A2').getNumberFormat()).toBe('@');
    expect(sheet.getMaxRows()).toBe(999);
    sheet.deleteRows(2, 2);
    expect(sheet.getLastRow()).toBe(1);
    expect(() => sheet.deleteRows(2, 5000)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(2, sheet.getMaxRows() - 1)).toThrow(
      'not possible to delete all non-frozen rows',
    );
    expect(sheet.getFrozenRows()).toBe(1);
  });

  it('creates form response tabs first, numbered, with a frozen header', () => {
    const { ss, module } = setup({ responseSheetName: (n) => `Form responses ${n}` });
    const one = module.createResponseSheet(ss.getId(), ['Timestamp', 'Name']);
    const two = module.createResponseSheet(ss.getId(), ['Timestamp', 'Email']);
    expect(ss.getSheets().map((s) => s.getName())).toEqual([
      'Form responses 2',
      'Form responses 1',
      'Sheet1',
    ]);
    expect(one.getFrozenRows()).toBe(1);
    expect(module.values('Form responses 2')).toEqual([['Timestamp', 'Email']]);
    const row = module.appendRowHost(two, [new Date(Date.UTC(2025, 3, 2)), '0123'], { literal: true });
    expect(row).toBe(2);
    expect(module.values('Form responses 2')[1]).toEqual([new Date(Date.UTC(2025, 3, 2)), '0123']);
    module.appendRowHost(two, ['x', '0123']);
    expect(module.values('Form responses 2')[2]).toEqual(['x', 123]);
  });

  it('offers host-side coordinator edits that count no calls', () => {
    const { ss, module, rt } = setup();
    const sheet = ss.insertSheet('Applicants');
    sheet.getRange('A1:C3').setValues([
      ['Name', 'Status', 'Total'],
      ['Ada', '', '=1+2'],
      ['Bob', '', ''],
    ]);
    const before = rt.execution!.calls.size;
    const callsBefore = [...rt.totalCalls.values()].reduce((a, b) => a + b, 0);
    module.editSheet('Applicants', (rows) => rows.map((r, i) => (i === 1 ? [r[0], 'Selected', r[2]] : r)));
    module.moveColumn('Applicants', 2, 1);
    expect(module.values('Applicants')).toEqual([
      ['Status', 'Name', 'Total'],
      ['Selected', 'Ada', ''],
      ['', 'Bob', ''],
    ]);
    expect(module.formulaCells()).toEqual([{ sheet: 'Applicants', a1: 'C2', formula: '=1+2' }]);
    module.deleteRowHost('Applicants', 2);
    expect(module.values('Applicants')).toEqual([
      ['Status', 'Name', 'Total'],
      ['', 'Bob', ''],
    ]);
    module.deleteSheetHost('Applicants');
    expect(module.active.doc.sheetByName('Applicants')).toBeUndefined();
    expect(rt.execution!.calls.size).toBe(before);
    expect([...rt.totalCalls.values()].reduce((a, b) => a + b, 0)).toBe(callsBefore);
  });
});
