import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { initWorkspace } from '../../src/cli/commands/init';
import { formIdFor, submitResponses } from '../../src/cli/commands/submit';
import { CliDialogs } from '../../src/cli/dialogs';
import { actionFailure, clickMenu, printShown } from '../../src/cli/workspace';
import { Emulator } from '../../src/emulator/Emulator';
import { answers } from '../support/cohort';
import { cohort, initialised } from './support';

/** What `cohort menu` does in-process: the click, and the lines it prints. */
function menu(emulator: Emulator, caption: string, yes: boolean, typed: string[] = []) {
  const dialogs = new CliDialogs(emulator.rt, yes, typed);
  emulator.rt.dialogs = dialogs;
  const from = emulator.rt.shown.length;
  const run = clickMenu(emulator, caption);
  const lines: string[] = [];
  printShown(emulator, from, (line) => lines.push(line), dialogs.answered);
  return { run, lines, unused: dialogs.unused() };
}

/** A workspace with one mentee, Ada, who applied. */
function withAda(): Emulator {
  const emulator = initWorkspace();
  const id = formIdFor(Object.fromEntries(emulator.properties.stores.script.values), 'mentee');
  submitResponses(emulator, id, [answers('mentee', { name: 'Ada Jones', email: 'ada@example.org' })]);
  return emulator;
}

const applicantNames = (emulator: Emulator) =>
  emulator.spreadsheets
    .values('Applicants')
    .slice(1)
    .map((r) => r[3]);

describe('cohort menu: dialogs', () => {
  it('types --answer into the prompt ("..." for "…") and prints what it typed', () => {
    const emulator = withAda();
    const { run, lines } = menu(emulator, 'Send decisions on...', false, ['2025-04-25 09:00']);
    expect(run.ok).toBe(true);
    expect(lines).toEqual([
      expect.stringMatching(/^\[prompt\] Send decisions on…: When should the decisions be sent\?/),
      '  → typed "2025-04-25 09:00", OK',
      expect.stringMatching(
        /^\[alert\] Send decisions on…: Decisions will be sent automatically at 2025-04-25 09:00 \(Europe\/London\)/,
      ),
    ]);
    const scheduled = emulator.script.triggers().filter((t) => t.handler === 'sendScheduledDecisions');
    expect(scheduled.map((t) => new Date(t.dueAt).toISOString())).toEqual(['2025-04-25T08:00:00.000Z']);
  });

  it('without --yes answers the question No, and prints that nothing was done', () => {
    const emulator = withAda();
    const { lines } = menu(emulator, 'Erase a person', false, ['ada@example.org']);
    expect(lines.slice(1, 2)).toEqual(['  → typed "ada@example.org", OK']);
    expect(lines.slice(-3)).toEqual([
      expect.stringMatching(/Go ahead\?$/),
      '  → No (add --yes to answer Yes)',
      '[alert] Erase a person: Nothing was done.',
    ]);
    expect(applicantNames(emulator)).toEqual(['Ada Jones']);
  });

  it('with --yes goes ahead', () => {
    const emulator = withAda();
    const { lines } = menu(emulator, 'Erase a person', true, ['ada@example.org']);
    expect(lines).toContain('  → Yes');
    expect(lines.at(-1)).toMatch(/^\[alert\] Erase a person: Erased one person's data/);
    expect(applicantNames(emulator)).toEqual(['Erased']);
  });

  it('cancels a prompt no --answer is left for, and says so', () => {
    const emulator = withAda();
    const { lines } = menu(emulator, 'Erase a person', true);
    expect(lines.slice(1)).toEqual([
      '  → Cancel (no --answer left for this prompt: give one with --answer TEXT)',
      '[alert] Erase a person: Nothing was done.',
    ]);
  });

  it('answers several prompts in order and keeps the answers no prompt asked for', () => {
    const emulator = new Emulator({ now: Date.UTC(2025, 3, 1) }).load(`
      function twoQuestions() {
        var ui = SpreadsheetApp.getUi();
        var first = ui.prompt('Name', 'Who?', ui.ButtonSet.OK_CANCEL).getResponseText();
        var second = ui.prompt('Place', 'Where?', ui.ButtonSet.OK_CANCEL).getResponseText();
        ui.alert('Got', first + ' in ' + second, ui.ButtonSet.OK);
      }`);
    const dialogs = new CliDialogs(emulator.rt, false, ['Ada', 'Cardiff', 'spare']);
    emulator.rt.dialogs = dialogs;
    expect(emulator.run('twoQuestions').ok).toBe(true);
    const lines: string[] = [];
    printShown(emulator, 0, (line) => lines.push(line), dialogs.answered);
    expect(lines).toEqual([
      '[prompt] Name: Who?',
      '  → typed "Ada", OK',
      '[prompt] Place: Where?',
      '  → typed "Cardiff", OK',
      '[alert] Got: Ada in Cardiff',
    ]);
    expect(dialogs.unused()).toEqual(['spare']);
  });

  it('the command takes --answer and says which answers no prompt used', () => {
    const ws = initialised('menu');
    const run = cohort('menu', ws, 'Erase a person', '--answer', 'nobody@example.org', '--answer', 'spare');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('→ typed "nobody@example.org", OK');
    expect(run.stdout).toMatch(/Nothing was found for that address/);
    expect(run.stderr).toBe('Not used (no prompt asked for it): --answer "spare"\n');
  });
});

describe('cohort menu: a failed action', () => {
  it('exits 1 and says what failed when the action stops on an error (the alert is shown too)', async () => {
    const ws = initialised('menu-failed');
    // The coordinator renames Settings' "Value" column in another program: every action stops on it.
    const file = join(ws, 'workbook.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('Settings')!
      .getRow(1)
      .eachCell((cell) => {
        if (cell.value === 'Value') cell.value = 'Setting';
      });
    await wb.xlsx.writeFile(file);
    const run = cohort('menu', ws, 'Check applications');
    expect(run.stdout).toMatch(
      /\[alert\] Check applications: Something went wrong: The Settings tab has no "Value" column/,
    );
    expect(run.stderr).toMatch(/^Check applications failed: The Settings tab has no "Value" column/);
    expect(run.status).toBe(1);
  });

  it('counts only a failure of the clicked action, recorded during the click', () => {
    const emulator = withAda();
    const store = emulator.properties.stores.script.values;
    // An earlier trigger's failure, still waiting for the coordinator, is not this click's.
    store.set(
      'failure:last',
      JSON.stringify({ action: 'New form response', message: 'x', at: '2025-03-24T08:00:00.000Z' }),
    );
    const ok = clickMenu(emulator, 'Check applications');
    expect(actionFailure(emulator, 'Check applications', ok)).toBeNull();
    emulator.spreadsheets.editSheet('Settings', (rows) => [
      rows[0]!.map((h) => (h === 'Value' ? 'Setting' : h)),
      ...rows.slice(1),
    ]);
    const failed = clickMenu(emulator, 'check applications');
    expect(failed.ok).toBe(true);
    expect(actionFailure(emulator, 'check applications', failed)).toMatch(
      /^The Settings tab has no "Value" column/,
    );
  });
});
