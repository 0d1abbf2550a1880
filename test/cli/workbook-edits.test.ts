import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { answers } from '../support/cohort';
import { cohort, initialised, jsonFile, tempDir } from './support';

/** Opens workbook.xlsx in another program (ExcelJS, as LibreOffice would), lets `edit` change it, saves. */
async function editWorkbook(ws: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const file = join(ws, 'workbook.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  edit(wb);
  await wb.xlsx.writeFile(file);
}

/** The cell in the row whose `keyHeader` column holds `key`, in the `header` column (both by header). */
function cellOf(
  wb: ExcelJS.Workbook,
  tab: string,
  keyHeader: string,
  key: string,
  header: string,
): ExcelJS.Cell {
  const sheet = wb.getWorksheet(tab)!;
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (String(row.getCell(headers.indexOf(keyHeader)).value) === key)
      found = row.getCell(headers.indexOf(header));
  });
  if (!found) throw new Error(`no ${key} in ${tab}`);
  return found;
}

describe('edits saved into workbook.xlsx by another program', () => {
  it('are read back by the next command, and the workflows act on them', async () => {
    const ws = initialised('xlsx-edits');
    const file = jsonFile(
      tempDir('xlsx-edits'),
      'a.json',
      answers('mentee', { name: 'Ada', email: 'ada@example.org' }),
    );
    expect(cohort('submit', ws, '--form', 'mentee', '--answers', file).status).toBe(0);

    await editWorkbook(ws, (wb) => {
      cellOf(wb, 'Applicants', 'ID', 'ME-001', 'Status').value = 'Selected';
      cellOf(wb, 'Settings', 'Key', 'coordinatorName', 'Value').value = 'Rhian Evans';
      cellOf(wb, 'Applicants', 'ID', 'ME-001', 'Coordinator notes').value = 'Met at the launch';
    });

    expect(cohort('status', ws).stdout).toMatch(/Status: Selected 1/);
    const set = cohort('set', ws, 'Applicants', 'ME-001', 'Coordinator notes', 'Called back');
    expect(set.stdout).toBe('Applicants ME-001 Coordinator notes: Met at the launch → Called back\n');

    const send = cohort('menu', ws, 'Send decisions', '--yes');
    expect(send.status).toBe(0);
    const emails = readdirSync(join(ws, 'outbox')).map((f) => readFileSync(join(ws, 'outbox', f), 'utf8'));
    const place = emails.find((m) => m.includes('Subject: You have a place as a mentee'));
    expect(place).toBeDefined();
    expect(place).toContain('Rhian Evans');
  });
});
