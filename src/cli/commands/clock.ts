import { Command } from 'commander';
import { CliError, openWorkspace, printShown } from '../workspace';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90m", "6h", "1d" → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([mhd])$/.exec(text.trim());
  if (!m) throw new CliError(`"${text}" is not a duration: use e.g. 30m, 6h or 1d.`, 2);
  return Number(m[1]) * UNITS[m[2]!]!;
}

export function clockCommand(): Command {
  return new Command('clock')
    .description("move the workspace's simulated clock forward, running the triggers that fall due")
    .argument('<dir>', 'the workspace folder')
    .option('--advance <duration>', 'e.g. 30m, 6h, 1d')
    .option('--to <time>', 'an ISO date-time, e.g. 2025-04-25T09:00:00Z')
    .action(async (dir: string, opts: { advance?: string; to?: string }) => {
      const emulator = await openWorkspace(dir);
      const now = emulator.rt.clock.now();
      const target = opts.to ? Date.parse(opts.to) : now + parseDuration(opts.advance ?? '0m');
      if (Number.isNaN(target) || target < now)
        throw new CliError('The clock only moves forward, to a valid time.', 2);
      const from = emulator.rt.shown.length;
      const runs = emulator.advance(target - now);
      printShown(emulator, from);
      for (const run of runs)
        console.log(
          `${new Date(run.startedAt).toISOString()} ${run.handler}: ${run.ok ? 'ok' : run.error?.message}`,
        );
      await emulator.save(dir);
      console.log(
        `Clock now ${new Date(emulator.rt.clock.now()).toISOString()}; ${runs.length} trigger run(s).`,
      );
    });
}
