import { Command } from 'commander';
import { clickMenu, openWorkspace, printShown, responder } from '../workspace';
import { openSpreadsheet } from './init';

export function menuCommand(): Command {
  return new Command('menu')
    .description('click an item of the Mentoring menu')
    .argument('<dir>', 'the workspace folder')
    .argument('<caption>', 'the menu item, e.g. "Send decisions"')
    .option('--yes', 'answer Yes/OK to every dialog (without it, dialogs are answered No)')
    .action(async (dir: string, caption: string, opts: { yes?: boolean }) => {
      const emulator = await openWorkspace(dir);
      emulator.rt.dialogs = responder(Boolean(opts.yes));
      // The menu exists once the spreadsheet is open: opening it runs onOpen, as in Google.
      openSpreadsheet(emulator);
      const from = emulator.rt.shown.length;
      const run = clickMenu(emulator, caption);
      printShown(emulator, from);
      await emulator.save(dir);
      if (!run.ok) {
        console.error(`${caption} failed: ${run.error?.message}`);
        process.exitCode = 1;
      }
    });
}
