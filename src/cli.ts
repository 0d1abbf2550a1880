/** The Node entry: `cohort <command>`. Runs dist/Code.js inside the emulator. */
import { Command } from 'commander';
import { clockCommand } from './cli/commands/clock';
import { demoCommand } from './cli/commands/demo';
import { initCommand } from './cli/commands/init';
import { matchCommand } from './cli/commands/match';
import { menuCommand } from './cli/commands/menu';
import { statusCommand } from './cli/commands/status';
import { submitCommand } from './cli/commands/submit';
import { CliError } from './cli/workspace';

const program = new Command('cohort')
  .description(
    'Cohort: a peer-mentoring scheme run from one Google Sheet, offline in an Apps Script emulator',
  )
  .showHelpAfterError();
for (const command of [
  initCommand(),
  submitCommand(),
  menuCommand(),
  statusCommand(),
  clockCommand(),
  demoCommand(),
  matchCommand(),
]) {
  program.addCommand(command);
}

program.parseAsync(process.argv).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = e instanceof CliError ? e.exitCode : 1;
});
