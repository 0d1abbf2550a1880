/** The Node entry: `cohort <command>`. Runs dist/Code.js inside the emulator. */
import { Command, CommanderError } from 'commander';
import { clockCommand } from './cli/commands/clock';
import { demoCommand } from './cli/commands/demo';
import { initCommand } from './cli/commands/init';
import { matchCommand } from './cli/commands/match';
import { menuCommand } from './cli/commands/menu';
import { setCommand } from './cli/commands/set';
import { statusCommand } from './cli/commands/status';
import { submitCommand } from './cli/commands/submit';
import { CliError } from './cli/workspace';

const program = new Command('cohort')
  .description(
    'Cohort: a peer-mentoring scheme run from one Google Sheet, offline in an Apps Script emulator',
  )
  .showHelpAfterError()
  // Commander's own usage errors (a missing argument, an unknown option) come back here: exit 2.
  .exitOverride();
for (const command of [
  initCommand(),
  submitCommand(),
  menuCommand(),
  statusCommand(),
  clockCommand(),
  demoCommand(),
  matchCommand(),
  setCommand(),
]) {
  program.addCommand(command.copyInheritedSettings(program));
}

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
    return;
  }
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = e instanceof CliError ? e.exitCode : 1;
});
