import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Runtime } from '../../../src/emulator/runtime/Runtime';
import { SpreadsheetModule } from '../../../src/emulator/spreadsheet/SpreadsheetModule';
import { START, setup } from './setup';

/** An Outbox-like tab laid out as Cohort lays out its tabs. */
function laidOut() {
  const ctx = setup();
  const tab = ctx.ss.insertSheet('Outbox');
  tab
    .getRange('A1:D1')
    .setValues([['Key', 'To', 'Body', 'Links']])
    .setFontWeight('bold')
    .setBackground('#e8eaed');
  tab.setFrozenRows(1);
  tab.getRange('A2:D3').setValues([
    ['k1', 'ann@example.org', 'Dear Ann,\n\nA long letter.', 'https://example.org'],
    ['k2', 'bob@example.org', 'Dear Bob,\n\nAnother.', ''],
  ]);
  tab.getRange(2, 3, 999, 1).setWrap(true);
  tab.getRange(2, 1, 999, 4).setVerticalAlignment('top');
  tab.setRowHeightsForced(2, 999, 60);
  tab.hideColumns(4);
  return ctx;
}

async function written(module: SpreadsheetModule): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cohort-print-'));
  await module.writeFiles(dir);
  return dir;
}

describe('workbook.xlsx print settings and layout', () => {
  it('prints each tab landscape on A4, one page wide, the header row on every page, only the cells with content', async () => {
    const { module } = laidOut();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(await written(module), 'workbook.xlsx'));
    const outbox = wb.getWorksheet('Outbox')!;
    expect(outbox.pageSetup).toMatchObject({
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      showGridLines: true,
    });
    expect(outbox.pageSetup.printArea).toMatch(/^\$?A\$?1:\$?D\$?3$/);
    expect(outbox.headerFooter.oddFooter).toContain('&P of &N');
    // An empty tab has nothing to print and no print area; it is still landscape.
    const empty = wb.getWorksheet('Sheet1')!;
    expect(empty.pageSetup.printArea).toBeUndefined();
    expect(empty.pageSetup.orientation).toBe('landscape');
  });

  it('writes the shaded header, wrap, top alignment, row heights (points) and Sheets’ font', async () => {
    const { module } = laidOut();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(await written(module), 'workbook.xlsx'));
    const outbox = wb.getWorksheet('Outbox')!;
    expect(outbox.getCell('A1').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFE8EAED' },
    });
    expect(outbox.getCell('A1').font).toMatchObject({ bold: true, name: 'Arial', size: 10 });
    expect(outbox.getCell('C2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(outbox.getCell('A2').alignment?.wrapText).toBeFalsy();
    expect(outbox.getRow(2).height).toBe(45);
    expect(outbox.getRow(1).height).toBeFalsy();
    expect(outbox.getColumn(4).hidden).toBe(true);
  });

  it('reads the layout back as it was written', async () => {
    const { module } = laidOut();
    const dir = await written(module);
    const rt = new Runtime(START);
    const back = new SpreadsheetModule(rt, { name: 'x', timeZone: 'Europe/London', locale: 'en_GB' });
    back.fromState(JSON.parse(JSON.stringify(module.toState())));
    await back.readFiles(dir);
    const data = back.sheet('Outbox').data;
    expect(data.backgrounds.get(0, 3)).toBe('#e8eaed');
    expect(data.wraps.get(1, 2)).toBe(true);
    expect(data.wraps.get(999, 2)).toBe(true);
    expect(data.wraps.get(1, 1)).toBeUndefined();
    expect(data.verticalAlignments.get(2, 0)).toBe('top');
    expect(data.rowHeights[1]).toBe(60);
    expect(data.rowHeights[999]).toBe(60);
    expect(data.rowHeights[0]).toBeUndefined();
  });
});
