import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from '../../../src/emulator/Emulator';

const NOW = Date.UTC(2025, 2, 24, 9);

/** A saved workspace whose spreadsheet has a tab with one row, and one file the script made. */
async function saved(): Promise<string> {
  const emulator = new Emulator({ now: NOW }).load(`
    function setUp() {
      SpreadsheetApp.getActiveSpreadsheet().insertSheet('Applicants').appendRow(['Name', 'Ada']);
      SpreadsheetApp.create('Evaluation data').getSheets()[0].appendRow(['P1']);
    }
  `);
  expect(emulator.run('setUp').error).toBeNull();
  const dir = mkdtempSync(join(tmpdir(), 'cohort-files-'));
  await emulator.save(dir);
  return dir;
}

/** What opening `dir` throws (the test fails when it opens). */
async function refusal(dir: string): Promise<Error> {
  try {
    await Emulator.open(dir);
  } catch (e) {
    return e as Error;
  }
  throw new Error(`${dir} opened`);
}

describe('a saved workspace with a file missing or damaged', () => {
  it('opens when every file is there', async () => {
    const back = await Emulator.open(await saved());
    expect(back.spreadsheets.values('Applicants')).toEqual([['Name', 'Ada']]);
  });

  it('refuses a missing workbook.xlsx, naming it and saying what to do, and writes nothing', async () => {
    const dir = await saved();
    const file = join(dir, 'workbook.xlsx');
    rmSync(file);
    const before = statSync(join(dir, 'state.json')).mtimeMs;
    const error = await refusal(dir);
    expect(error.message).toContain(`${file} is missing`);
    expect(error.message).toMatch(/Put the file back/);
    expect(error.message).toMatch(/cohort init/);
    expect(() => statSync(file)).toThrow();
    expect(statSync(join(dir, 'state.json')).mtimeMs).toBe(before);
  });

  it('refuses a missing file the script made (listed in state.json)', async () => {
    const dir = await saved();
    const file = join(dir, 'exports', 'evaluation-data.xlsx');
    rmSync(file);
    expect((await refusal(dir)).message).toContain(`${file} is missing`);
  });

  it('refuses a workbook.xlsx that is not an xlsx, naming it', async () => {
    const dir = await saved();
    const file = join(dir, 'workbook.xlsx');
    writeFileSync(file, readFileSync(file).subarray(0, 3000));
    const error = await refusal(dir);
    expect(error.message).toContain(`${file} cannot be read as an .xlsx workbook`);
    expect(error.message).toMatch(/save it again as .xlsx|restore it/);
  });

  it('refuses a state.json that is not JSON, or whose parts are damaged, naming it', async () => {
    const dir = await saved();
    const file = join(dir, 'state.json');
    const state = readFileSync(file, 'utf8');
    writeFileSync(file, state.slice(0, 40));
    expect((await refusal(dir)).message).toContain(`${file} cannot be read`);

    const damaged = JSON.parse(state);
    damaged.spreadsheets.sheets[0].maxRows = 0;
    writeFileSync(file, JSON.stringify(damaged));
    const error = await refusal(dir);
    expect(error.message).toContain(`${file} is damaged`);
    expect(error.message).toContain('spreadsheets');

    writeFileSync(file, JSON.stringify({ ...JSON.parse(state), clock: 'soon' }));
    expect((await refusal(dir)).message).toContain(`${file} is damaged`);
  });
});
