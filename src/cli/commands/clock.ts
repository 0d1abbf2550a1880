import { Command } from 'commander';
import { plural } from '../../domain/text';
import { parseTime, programmeTimeZone, wallTime } from '../time';
import { CliError, openWorkspace, printShown } from '../workspace';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90m", "6h", "1d" → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([mhd])$/.exec(text.trim());
  if (!m) throw new CliError(`"${text}" is not a duration: use e.g. 30m, 6h or 1d.`, 2);
  return Number(m[1]) * UNITS[m[2]!]!;
}

const EXAMPLES = `
Times are wall-clock times in the programme's time zone (the Settings tab's timeZone, Europe/London
unless changed), unless they end in Z or an offset. The clock only moves forward.

Examples:
  $ cohort clock ws --advance 6h
  $ cohort clock ws --to "25 April 2025 09:00"
  $ cohort clock ws --to "2025-04-25 09:00"
  $ cohort clock ws --to 2025-04-25T08:00Z`;

export function clockCommand(): Command {
  const command: Command = new Command('clock')
    .description("move the workspace's simulated clock forward, running the triggers that fall due")
    .argument('<dir>', 'the workspace folder')
    .option('--advance <duration>', 'e.g. 30m, 6h, 1d')
    .option('--to <time>', 'e.g. "25 April 2025 09:00" or 2025-04-25T09:00 (programme time)')
    .addHelpText('after', EXAMPLES)
    .action(async (dir: string, opts: { advance?: string; to?: string }) => {
      if ((opts.advance === undefined) === (opts.to === undefined))
        throw new CliError(
          `Say how far to move the clock: --advance or --to (one of them).\n\n${command.helpInformation()}${EXAMPLES}`,
          2,
        );
      const emulator = await openWorkspace(dir);
      const zone = programmeTimeZone(emulator);
      const now = emulator.rt.clock.now();
      let target = now;
      if (opts.advance !== undefined) target = now + parseDuration(opts.advance);
      else {
        const to = parseTime(opts.to!, zone);
        if (to === null)
          throw new CliError(
            `"${opts.to}" is not a time: use e.g. "25 April 2025 09:00" or 2025-04-25T09:00 (${zone} time), or 2025-04-25T08:00Z.`,
            2,
          );
        target = to;
      }
      if (target < now)
        throw new CliError(
          `The clock only moves forward: it is already ${wallTime(now, zone)}, after ${wallTime(target, zone)}. Nothing was changed.`,
          2,
        );
      const from = emulator.rt.shown.length;
      const runs = emulator.advance(target - now);
      printShown(emulator, from);
      for (const run of runs)
        console.log(`${wallTime(run.startedAt, zone)} ${run.handler}: ${run.ok ? 'ok' : run.error?.message}`);
      await emulator.save(dir);
      const end = emulator.rt.clock.now();
      console.log(
        `Clock now ${wallTime(end, zone)} (${new Date(end).toISOString()}); ${plural(runs.length, 'trigger run')}.`,
      );
    });
  return command;
}
