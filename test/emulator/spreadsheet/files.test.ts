import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Emulator } from '../../../src/emulator/Emulator';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import type { SpreadsheetApp } from '../../../src/emulator/spreadsheet/SpreadsheetApp';
import { SpreadsheetModule } from '../../../src/emulator/spreadsheet/SpreadsheetModule';
import { START, setup } from './setup';

const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const CURRENT_ONLY = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

async function reopen(dir: string, state: unknown) {
  const rt = new Runtime(START);
  const module = new SpreadsheetModule(rt, { name: 'other', timeZone: 'UTC', locale: 'en_US' });
  module.fromState(JSON.parse(JSON.stringify(state)));
  await module.readFiles(dir);
  const app = module.globals().SpreadsheetApp as SpreadsheetApp;
  rt.begin('t', 'menu');
  return { module, app };
}

describe('SpreadsheetApp.create and openById', () => {
  it('makes a new file with one empty Sheet1 and leaves the bound spreadsheet active', () => {
    const { app, ss } = setup();
    const made = app.create('Evaluation data 2025');
    expect(made.getId()).not.toBe(ss.getId());
    expect(made.getName()).toBe('Evaluation data 2025');
    expect(made.getSheets().map((s) => [s.getName(), s.getMaxRows(), s.getMaxColumns()])).toEqual([
      ['Sheet1', 1000, 26],
    ]);
    expect(app.getActiveSpreadsheet()).toBe(ss);
    expect(app.openById(made.getId())).toBe(made);
    expect(app.create('Small', 10, 3).getSheets()[0]!.getMaxRows()).toBe(10);
    expect(() => app.create('Bad', 0, 3)).toThrow('Invalid argument: rows');
  });

  it('refuses both under spreadsheets.currentonly, with Google’s words, and allows them under spreadsheets', () => {
    const { app, rt, ss } = setup();
    rt.scopes = [CURRENT_ONLY];
    expect(() => app.create('x')).toThrow(
      `You do not have permission to call SpreadsheetApp.create. Required permissions: ${SPREADSHEETS}`,
    );
    expect(() => app.openById(ss.getId())).toThrow(
      'You do not have permission to call SpreadsheetApp.openById',
    );
    rt.scopes = [SPREADSHEETS];
    expect(app.openById(app.create('x').getId()).getName()).toBe('x');
  });

  it('saves each created file as its own xlsx under exports/ and reads it back from there', async () => {
    const { app, module } = setup();
    const made = app.create('Evaluation data 2025');
    const other = app.create('Evaluation data 2025');
    made.getSheets()[0]!.setName('Participants');
    made
      .getSheetByName('Participants')!
      .getRange(1, 1, 2, 2)
      .setValues([
        ['Pseudonym', 'Role'],
        ['P-1', 'Mentor'],
      ]);
    const dir = mkdtempSync(join(tmpdir(), 'cohort-files-'));
    await module.writeFiles(dir);
    expect(existsSync(join(dir, 'exports', 'evaluation-data-2025.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'exports', 'evaluation-data-2025-2.xlsx'))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'exports', 'evaluation-data-2025.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Participants']);

    const back = await reopen(dir, module.toState());
    const file = back.app.openById(made.getId());
    expect(file.getName()).toBe('Evaluation data 2025');
    expect(back.module.valuesOf(made.getId(), 'Participants')).toEqual([
      ['Pseudonym', 'Role'],
      ['P-1', 'Mentor'],
    ]);
    expect(back.app.openById(other.getId()).getSheets()[0]!.getName()).toBe('Sheet1');
    expect(back.app.getActiveSpreadsheet().getId()).toBe(module.active.doc.id);
  });
});

describe('Sheet.hideSheet', () => {
  it('hides a tab, keeps one visible, and the xlsx keeps the tab hidden', async () => {
    const { ss, module } = setup();
    const archive = ss.insertSheet('2025 Applicants');
    archive.hideSheet();
    expect(archive.isSheetHidden()).toBe(true);
    expect(() => ss.getSheetByName('Sheet1')!.hideSheet()).toThrow("You can't hide all the sheets");
    const dir = mkdtempSync(join(tmpdir(), 'cohort-hidden-'));
    await module.writeFiles(dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'workbook.xlsx'));
    expect(wb.getWorksheet('2025 Applicants')!.state).toBe('hidden');
    const back = await reopen(dir, module.toState());
    const sheet = back.app.getActiveSpreadsheet().getSheetByName('2025 Applicants')!;
    expect(sheet.isSheetHidden()).toBe(true);
    sheet.showSheet();
    expect(sheet.isSheetHidden()).toBe(false);
  });
});

describe('a whole emulator with created files', () => {
  const code = `function make() { return SpreadsheetApp.create('Export').getId(); }
function read(id) { return SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1).getValue(); }
function write(id) { SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1).setValue('kept'); }`;
  const project = (scopes: string[]) => [
    { name: 'Code', type: 'SERVER_JS' as const, source: code, localPath: 'Code.js' },
    {
      name: 'appsscript',
      type: 'JSON' as const,
      source: JSON.stringify({ timeZone: 'Europe/London', oauthScopes: scopes }),
      localPath: 'appsscript.json',
    },
  ];

  it('takes the scopes from the manifest', () => {
    const narrow = new Emulator({ now: START }).loadProject(project([CURRENT_ONLY]));
    expect(narrow.run('make').error?.message).toMatch(
      /^You do not have permission to call SpreadsheetApp.create/,
    );
  });

  it('keeps a created file across save and open (state.json and its xlsx)', async () => {
    const emulator = new Emulator({ now: START }).loadProject(project([SPREADSHEETS]));
    const id = String(emulator.run('make').value);
    expect(emulator.run('write', id).ok).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'cohort-emulator-files-'));
    await emulator.save(dir);
    const back = (await Emulator.open(dir)).loadProject(project([SPREADSHEETS]));
    expect(back.run('read', id).value).toBe('kept');
    expect(back.spreadsheets.createdFiles().map((f) => f.xlsxFile)).toEqual(['exports/export.xlsx']);
  });
});
