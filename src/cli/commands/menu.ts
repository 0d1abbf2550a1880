import { Command } from 'commander';
import { CliDialogs } from '../dialogs';
import { actionFailure, clickMenu, openWorkspace, printShown } from '../workspace';
import { openSpreadsheet } from './init';

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

export function menuCommand(): Command {
  return new Command('menu')
    .description('click an item of the Mentoring menu')
    .argument('<dir>', 'the workspace folder')
    .argument('<caption>', 'the menu item, e.g. "Send decisions" ("..." stands for "…")')
    .option('--yes', 'answer Yes/OK to every question (without it, questions are answered No)')
    .option('--answer <text>', 'type this into the next prompt and press OK (repeat for several)', collect)
    .addHelpText(
      'after',
      `
Examples:
  $ cohort menu ws "Check applications"
  $ cohort menu ws "Send decisions" --yes
  $ cohort menu ws "Send decisions on..." --answer "2025-04-25 09:00"
  $ cohort menu ws "Erase a person" --yes --answer someone@example.org`,
    )
    .action(async (dir: string, caption: string, opts: { yes?: boolean; answer?: string[] }) => {
      const emulator = await openWorkspace(dir);
      const dialogs = new CliDialogs(emulator.rt, Boolean(opts.yes), opts.answer ?? []);
      emulator.rt.dialogs = dialogs;
      // The menu exists once the spreadsheet is open: opening it runs onOpen, as in Google.
      openSpreadsheet(emulator);
      const from = emulator.rt.shown.length;
      const run = clickMenu(emulator, caption);
      printShown(emulator, from, console.log, dialogs.answered);
      await emulator.save(dir);
      const unused = dialogs.unused();
      if (unused.length > 0)
        console.error(
          `Not used (no prompt asked for ${unused.length === 1 ? 'it' : 'them'}): ${unused.map((a) => `--answer "${a}"`).join(' ')}`,
        );
      const failed = actionFailure(emulator, caption, run);
      if (failed !== null) {
        console.error(`${caption} failed: ${failed}`);
        process.exitCode = 1;
      }
    });
}
