import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import type { SpreadsheetApp } from '../../../src/emulator/spreadsheet/SpreadsheetApp';
import { SpreadsheetModule } from '../../../src/emulator/spreadsheet/SpreadsheetModule';
import { START, setup } from './setup';

/** A fresh module restored from a saved folder, as Emulator.open does (state, then files). */
async function reopen(dir: string, state: unknown) {
  const rt = new Runtime(START);
  const module = new SpreadsheetModule(rt, { name: 'other', timeZone: 'UTC', locale: 'en_US' });
  module.fromState(JSON.parse(JSON.stringify(state)));
  await module.readFiles(dir);
  const app = module.globals().SpreadsheetApp as SpreadsheetApp;
  rt.begin('t', 'menu');
  return { module, app, ss: app.getActiveSpreadsheet() };
}

function populated() {
  const ctx = setup();
  const { ss, app } = ctx;
  const applicants = ss.insertSheet('Applicants');
  applicants.getRange('C1:C50').setNumberFormat('@');
  applicants
    .getRange('A1:E1')
    .setValues([['Submitted', 'Name', 'Phone', 'Score', 'Check']])
    .setFontWeight('bold');
  applicants.getRange('A2:E3').setValues([
    [new Date(Date.UTC(2025, 3, 18, 14, 30, 5)), 'Ada', '07700 900123', 4.5, true],
    [new Date(Date.UTC(2025, 0, 10)), "'=not a formula", '0123', '=D2*2', false],
  ]);
  applicants.setFrozenRows(1);
  applicants.hideColumns(3);
  applicants.setColumnWidth(2, 140);
  const status = app
    .newDataValidation()
    .requireValueInList(['Selected', 'Waitlisted', 'Declined'])
    .setAllowInvalid(false);
  applicants.getRange('F2:F40').setDataValidation(status.setHelpText('Pick one').build());
  applicants.getRange('G2:G40').setDataValidation(app.newDataValidation().requireCheckbox().build());
  const commas = app.newDataValidation().requireValueInList(['Wales, North', 'Scotland']).build();
  applicants.getRange('H2:H5').setDataValidation(commas);
  ss.insertSheet('Outbox/log: [2025] with a very long name indeed');
  return { ...ctx, applicants };
}

describe('workbook.xlsx', () => {
  it('round-trips tabs, values, dates, text, formulas, formats and settings', async () => {
    const { module, ss } = populated();
    const dir = mkdtempSync(join(tmpdir(), 'cohort-xlsx-'));
    await module.writeFiles(dir);
    const state = module.toState();
    const back = await reopen(dir, state);

    expect(back.ss.getId()).toBe(ss.getId());
    expect(back.ss.getName()).toBe('Peer mentoring');
    expect(back.ss.getSpreadsheetTimeZone()).toBe('Europe/London');
    expect(back.ss.getSheets().map((s) => [s.getName(), s.getSheetId()])).toEqual(
      ss.getSheets().map((s) => [s.getName(), s.getSheetId()]),
    );
    expect(back.module.values('Applicants')).toEqual(module.values('Applicants'));
    expect(back.module.values('Applicants')[1]?.[0]).toEqual(new Date(Date.UTC(2025, 3, 18, 14, 30, 5)));
    expect(back.module.values('Applicants')[2]?.slice(1, 3)).toEqual(['=not a formula', '0123']);
    expect(back.module.formulaCells()).toEqual([{ sheet: 'Applicants', a1: 'D3', formula: '=D2*2' }]);

    const sheet = back.ss.getSheetByName('Applicants')!;
    expect(sheet.getFrozenRows()).toBe(1);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    expect(sheet.getRange('C40').getNumberFormat()).toBe('@');
    expect(sheet.getRange('B1').getFontWeight()).toBe('bold');
    sheet.getRange('C4').setValue('00042');
    expect(sheet.getRange('C4').getValue()).toBe('00042');

    const list = sheet.getRange('F40').getDataValidation()!;
    expect(list.getCriteriaValues()).toEqual([['Selected', 'Waitlisted', 'Declined'], true]);
    expect(list.getAllowInvalid()).toBe(false);
    expect(list.getHelpText()).toBe('Pick one');
    expect(sheet.getRange('G2').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.getRange('H5').getDataValidation()?.getCriteriaValues()).toEqual([
      ['Wales, North', 'Scotland'],
      true,
    ]);
    expect(sheet.getRange('H6').getDataValidation()).toBeNull();
  });

  it('writes a file LibreOffice reads as typed cells', async () => {
    const { module } = populated();
    const dir = mkdtempSync(join(tmpdir(), 'cohort-xlsx-'));
    await module.writeFiles(dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'workbook.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Sheet1',
      'Applicants',
      'Outbox_log_ _2025_ with a very ',
    ]);
    const ws = wb.getWorksheet('Applicants')!;
    // Wall-clock time in London (BST): 15:30:05, held as the xlsx's zone-less date.
    expect(ws.getCell('A2').value).toEqual(new Date(Date.UTC(2025, 3, 18, 15, 30, 5)));
    expect(ws.getCell('A2').numFmt).toBe('dd/mm/yyyy hh:mm:ss');
    expect(ws.getCell('D3').formula).toBe('D2*2');
    expect(ws.getCell('C3').value).toBe('0123');
    expect(ws.getCell('C3').numFmt).toBe('@');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('takes cell contents from the xlsx when a person edited it', async () => {
    const { module } = populated();
    const dir = mkdtempSync(join(tmpdir(), 'cohort-xlsx-'));
    await module.writeFiles(dir);
    const state = module.toState();
    const file = join(dir, 'workbook.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('Applicants')!;
    ws.getCell('B2').value = 'Ada Lovelace';
    ws.getCell('B5').value = 'Grace';
    ws.spliceColumns(8, 1);
    await wb.xlsx.writeFile(file);

    const back = await reopen(dir, state);
    const values = back.module.values('Applicants');
    expect(values[1]?.[1]).toBe('Ada Lovelace');
    expect(values[4]?.[1]).toBe('Grace');
    expect(back.ss.getSheetByName('Applicants')!.getLastRow()).toBe(5);
  });

  it('refuses the state tabs without their workbook, rather than keep them empty (they would be saved blank)', async () => {
    const { module } = populated();
    const dir = mkdtempSync(join(tmpdir(), 'cohort-xlsx-'));
    await expect(reopen(dir, module.toState())).rejects.toThrow(`${join(dir, 'workbook.xlsx')} is missing`);
  });
});
