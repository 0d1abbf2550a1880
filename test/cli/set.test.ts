import { initWorkspace } from '../../src/cli/commands/init';
import { formIdFor, submitResponses } from '../../src/cli/commands/submit';
import { describeEdit, typeCell } from '../../src/cli/edit';
import type { Emulator } from '../../src/emulator/Emulator';
import { answers } from '../support/cohort';
import { cohort, initialised, jsonFile, tempDir } from './support';

/** A workspace with two mentees who applied: ME-001 and ME-002. */
function withMentees(): Emulator {
  const emulator = initWorkspace();
  const id = formIdFor(Object.fromEntries(emulator.properties.stores.script.values), 'mentee');
  submitResponses(emulator, id, [
    answers('mentee', { name: 'Ada Jones', email: 'ada@example.org' }),
    answers('mentee', { name: 'Bea Evans', email: 'bea@example.org' }),
  ]);
  return emulator;
}

/** The cell of row `id` (by ID) and column `column` (by header) of Applicants. */
function cell(emulator: Emulator, id: string, column: string): unknown {
  const [header = [], ...rows] = emulator.spreadsheets.values('Applicants');
  const h = header.map(String);
  return rows.find((r) => r[h.indexOf('ID')] === id)?.[h.indexOf(column)];
}

const failure = (run: () => unknown): { message: string; exitCode?: number; code?: string } => {
  try {
    run();
  } catch (e) {
    return e as { message: string; exitCode: number; code: string };
  }
  throw new Error('expected an error');
};

describe('cohort set: one edit as the coordinator types it', () => {
  it('finds the row by its ID and the column by its header, and says what changed', () => {
    const emulator = withMentees();
    const edit = typeCell(emulator, 'Applicants', 'ME-002', 'Status', 'Selected');
    expect(describeEdit(edit)).toBe('Applicants ME-002 Status: Applied → Selected');
    expect(cell(emulator, 'ME-002', 'Status')).toBe('Selected');
    expect(cell(emulator, 'ME-001', 'Status')).toBe('Applied');
  });

  it('finds them wherever the coordinator moved the columns, and forgives case', () => {
    const emulator = withMentees();
    emulator.spreadsheets.moveColumn('Applicants', 1, 6);
    emulator.spreadsheets.moveColumn('Applicants', 3, 1);
    typeCell(emulator, 'applicants', 'me-001', 'status', 'Waitlisted');
    expect(cell(emulator, 'ME-001', 'Status')).toBe('Waitlisted');
  });

  it('reads the value as Sheets reads typed input: numbers, TRUE/FALSE, dates in the sheet zone, text', () => {
    const emulator = withMentees();
    emulator.spreadsheets.editSheet('Applicants', (rows) => rows.map((r, i) => [...r, i === 0 ? 'Met' : '']));
    typeCell(emulator, 'Applicants', 'ME-001', 'Capacity', '3');
    typeCell(emulator, 'Applicants', 'ME-001', 'Met', 'TRUE');
    typeCell(emulator, 'Applicants', 'ME-001', 'Last submitted', '2025-04-25 09:00');
    typeCell(emulator, 'Applicants', 'ME-001', 'Coordinator notes', '007');
    expect(cell(emulator, 'ME-001', 'Capacity')).toBe(3);
    expect(cell(emulator, 'ME-001', 'Met')).toBe(true);
    expect(cell(emulator, 'ME-001', 'Last submitted')).toEqual(new Date('2025-04-25T08:00:00Z'));
    // A text column keeps what was typed as text, as Cohort formats it.
    expect(cell(emulator, 'ME-001', 'Coordinator notes')).toBe('007');
    typeCell(emulator, 'Settings', 'menteePlaces', 'Value', '18');
    const settings = emulator.spreadsheets.values('Settings');
    expect(settings.find((r) => r[0] === 'menteePlaces')?.[2]).toBe('18');
  });

  it('says when a value is not one of the column choices, and keeps it as Sheets does', () => {
    const emulator = withMentees();
    const edit = typeCell(emulator, 'Applicants', 'ME-001', 'Status', 'Slected');
    expect(describeEdit(edit)).toBe(
      "Applicants ME-001 Status: Applied → Slected (not one of the column's choices: Sheets keeps it and marks the cell)",
    );
  });

  it('lists the valid tabs, rows and columns when one is unknown', () => {
    const emulator = withMentees();
    expect(failure(() => typeCell(emulator, 'Applicant', 'ME-001', 'Status', 'x'))).toMatchObject({
      exitCode: 2,
      code: 'not-found',
      message:
        'There is no tab "Applicant" whose rows have an ID. Tabs you can edit: Settings, Programme, Applicants, Outbox, Templates.',
    });
    expect(failure(() => typeCell(emulator, 'Applicants', 'ME-099', 'Status', 'x')).message).toBe(
      'No row of Applicants has ID "ME-099". IDs: ME-001, ME-002.',
    );
    expect(failure(() => typeCell(emulator, 'Applicants', 'ME-001', 'Stat', 'x')).message).toMatch(
      /^Applicants has no column "Stat"\. Columns: ID, Role, Status, Name, Email, /,
    );
    expect(failure(() => typeCell(emulator, 'Settings', 'mentePlaces', 'Value', '1')).message).toMatch(
      /^No row of Settings has Key "mentePlaces"\. Keys: programmeName, coordinatorName, .*menteePlaces/,
    );
  });

  it('names a row by its number when its ID is on several rows', () => {
    const emulator = withMentees();
    emulator.spreadsheets.editSheet('Applicants', (rows) => [...rows, [...rows[1]!]]);
    expect(failure(() => typeCell(emulator, 'Applicants', 'ME-001', 'Status', 'x')).message).toBe(
      '2 rows of Applicants have ID ME-001 (rows 2, 4): name the row by its number, e.g. "#2".',
    );
    expect(describeEdit(typeCell(emulator, 'Applicants', '#4', 'Status', 'Withdrawn'))).toBe(
      'Applicants ME-001 Status: Applied → Withdrawn',
    );
    expect(failure(() => typeCell(emulator, 'Applicants', '#9', 'Status', 'x')).message).toBe(
      'Applicants has no row 9: its rows are 2 to 4.',
    );
  });

  it('the command saves the edit for the next command, and prints it', () => {
    const ws = initialised('set');
    const file = jsonFile(
      tempDir('set'),
      'a.json',
      answers('mentee', { name: 'Ada', email: 'ada@example.org' }),
    );
    cohort('submit', ws, '--form', 'mentee', '--answers', file);
    const run = cohort('set', ws, 'Applicants', 'ME-001', 'Status', 'Selected');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('Applicants ME-001 Status: Applied → Selected\n');
    expect(cohort('status', ws).stdout).toMatch(/Status: Selected 1/);
    const unknown = cohort('set', ws, 'Applicants', 'ME-001', 'Colour', 'red');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^Applicants has no column "Colour"\. Columns: ID, Role, Status/);
  });
});
