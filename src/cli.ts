/**
 * The Node entry: `cohort <command>`. Runs dist/apps-script/ inside the emulator. Each command's module is
 * loaded only when that command runs (the emulator, exceljs and nodemailer take about half a second to
 * load), so `cohort --help` lists the commands from the short summaries here. `cohort match` rarely
 * comes here: bin/cohort.js sends it straight to its own small bundle.
 */
import { Command, CommanderError } from 'commander';

interface Entry {
  /** The arguments, as the listing shows them. */
  usage: string;
  summary: string;
  load: () => Promise<Command>;
}

const COMMANDS: Record<string, Entry> = {
  init: {
    usage: '[options] <dir>',
    summary: 'create a new offline workspace (runs onOpen and "Set up programme")',
    load: async () => (await import('./cli/commands/init')).initCommand(),
  },
  submit: {
    usage: '[options] <dir>',
    summary: 'submit one form response as an applicant would',
    load: async () => (await import('./cli/commands/submit')).submitCommand(),
  },
  menu: {
    usage: '[options] <dir> <caption>',
    summary: 'click an item of the Mentoring menu',
    load: async () => (await import('./cli/commands/menu')).menuCommand(),
  },
  status: {
    usage: '<dir>',
    summary: 'count the rows of each tab, by role and status',
    load: async () => (await import('./cli/commands/status')).statusCommand(),
  },
  clock: {
    usage: '[options] <dir>',
    summary: "move the workspace's simulated clock forward, running the triggers that fall due",
    load: async () => (await import('./cli/commands/clock')).clockCommand(),
  },
  demo: {
    usage: '[dir]',
    summary: 'run the whole 2025 scheme offline with a fictional cohort, into a fresh workspace',
    load: async () => (await import('./cli/commands/demo')).demoCommand(),
  },
  set: {
    usage: '<dir> <tab> <row-id> <column> <value>',
    summary: 'type one value into a tab, as the coordinator would (found by ID and header)',
    load: async () => (await import('./cli/commands/set')).setCommand(),
  },
};

async function main(): Promise<void> {
  const [first, second] = process.argv.slice(2);
  const wanted = first === 'help' ? second : first;
  if (wanted === 'match') {
    const { matchMain } = await import('./cli/commands/match');
    process.exitCode = matchMain(first === 'help' ? ['--help'] : process.argv.slice(3));
    return;
  }
  const program = new Command('cohort')
    .description(
      'Cohort: a peer-mentoring scheme run from one Google Sheet, offline in an Apps Script emulator',
    )
    .showHelpAfterError()
    // Commander's own usage errors (a missing argument, an unknown option) come back here: exit 2.
    .exitOverride();
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (name === wanted) program.addCommand((await entry.load()).copyInheritedSettings(program));
    else program.command(`${name} ${entry.usage}`).summary(entry.summary);
  }
  program.command('match <instance>').summary('match mentees to mentors, optimally (docs/matching.md)');
  await program.parseAsync(process.argv);
}

main().catch((e: unknown) => {
  if (e instanceof CommanderError) {
    // Commander has printed its message (or the help) already.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
    return;
  }
  console.error(e instanceof Error ? e.message : String(e));
  // CliError (cli/workspace.ts) carries the exit code; importing it here would load the emulator.
  process.exitCode = (e as { exitCode?: unknown }).exitCode === 2 ? 2 : 1;
});
