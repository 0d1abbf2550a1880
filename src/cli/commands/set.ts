import { Command } from 'commander';
import { describeEdit, ROW_ID_COLUMN, typeCell } from '../edit';
import { openWorkspace } from '../workspace';

const EXAMPLES = `
Rows are found by their ID column: ${Object.entries(ROW_ID_COLUMN)
  .map(([tab, column]) => `${tab} ${column}`)
  .join(', ')} (or "#N" for sheet row N).
The value is read as Sheets reads what a person types: 18 is a number, TRUE/FALSE a checkbox value,
2025-04-25 09:00 a date in the spreadsheet's time zone; a text column keeps it as text.

Examples:
  $ cohort set ws Applicants ME-004 Status Selected
  $ cohort set ws Settings coordinatorName Value "Rhian Evans"
  $ cohort set ws Matches ME-004 Status Locked`;

export function setCommand(): Command {
  return new Command('set')
    .description('type one value into the workbook, as the coordinator would in Sheets')
    .argument('<dir>', 'the workspace folder')
    .argument('<tab>', 'e.g. Applicants, Settings, Matches')
    .argument('<row-id>', "the row's ID, e.g. ME-004 (Applicants), coordinatorName (Settings)")
    .argument('<column>', 'the column header, e.g. Status')
    .argument('<value>', 'what to type ("" clears the cell)')
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string, tab: string, rowId: string, column: string, value: string) => {
      const emulator = await openWorkspace(dir);
      const edit = typeCell(emulator, tab, rowId, column, value);
      await emulator.save(dir);
      console.log(describeEdit(edit));
    });
}
