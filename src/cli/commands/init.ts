import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { Command } from 'commander';
import type { Emulator } from '../../emulator/Emulator';
import { actionFailure, CliError, clickMenu, newEmulator, printShown } from '../workspace';

/** The scheme's year starts before the 18 April 2025 deadline. */
export const SCHEME_START = Date.UTC(2025, 2, 24, 9, 0, 0);

export interface InitOptions {
  now?: number;
  mailQuota?: number;
}

/** A new workspace: the spreadsheet opened (onOpen) and "Set up programme" run. */
export function initWorkspace(options: InitOptions = {}): Emulator {
  const emulator = newEmulator({ now: options.now ?? SCHEME_START, mailQuota: options.mailQuota ?? 100 });
  openSpreadsheet(emulator);
  const setup = clickMenu(emulator, 'Set up programme');
  const failed = actionFailure(emulator, 'Set up programme', setup);
  if (failed !== null) throw new CliError(`Set up programme failed: ${failed}`);
  return emulator;
}

/** What Google does when someone opens the spreadsheet: the simple onOpen trigger. */
export function openSpreadsheet(emulator: Emulator): void {
  emulator.run('onOpen', { authMode: 'LIMITED', source: emulator.spreadsheets.active }, 'simple-trigger');
}

export function assertEmptyOrAbsent(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0)
    throw new CliError(`${dir} is not empty: choose a new folder.`, 2);
}

export function initCommand(): Command {
  return new Command('init')
    .description('create a new offline workspace (runs onOpen and "Set up programme")')
    .argument('<dir>', 'the workspace folder to create')
    .option('--quota <n>', 'daily mail quota: 100 (personal account) or 1500 (Workspace)', '100')
    .action(async (dir: string, opts: { quota: string }) => {
      assertEmptyOrAbsent(dir);
      mkdirSync(dir, { recursive: true });
      const emulator = initWorkspace({ mailQuota: Number(opts.quota) });
      printShown(emulator, 0);
      await emulator.save(dir);
      console.log(`Workspace ready in ${dir}: open ${dir}/workbook.xlsx; forms are in ${dir}/forms/.`);
    });
}
