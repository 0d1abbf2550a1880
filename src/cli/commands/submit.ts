import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { z } from 'zod';
import { CliError, openWorkspace, printShown } from '../workspace';

const answersSchema = z.record(z.string(), z.union([z.string(), z.array(z.string()), z.number()]));

/** The form ids by key, as set-up stored them in the script properties. */
export function formIdFor(props: Record<string, string>, key: string): string {
  const raw = props[`form:${key}`];
  if (!raw)
    throw new CliError(`There is no ${key} form yet. Run "Set up programme" (or "Open mentor choices").`, 2);
  return (JSON.parse(raw) as { id: string }).id;
}

export function submitCommand(): Command {
  return new Command('submit')
    .description('submit one form response as an applicant would')
    .argument('<dir>', 'the workspace folder')
    .requiredOption('--form <form>', 'mentor, mentee or choices')
    .requiredOption(
      '--answers <file>',
      'JSON: answers keyed by question title (a list for checkbox questions)',
    )
    .action(async (dir: string, opts: { form: string; answers: string }) => {
      const parsed = answersSchema.safeParse(JSON.parse(readFileSync(opts.answers, 'utf8')));
      if (!parsed.success) throw new CliError(`${opts.answers}: ${parsed.error.issues[0]?.message}`, 2);
      const emulator = await openWorkspace(dir);
      const formId = formIdFor(Object.fromEntries(emulator.properties.stores.script.values), opts.form);
      const answers = Object.fromEntries(
        Object.entries(parsed.data).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]),
      );
      const from = emulator.rt.shown.length;
      const runs = emulator.submitForm(formId, answers);
      printShown(emulator, from);
      for (const run of runs) if (!run.ok) console.error(`${run.handler} failed: ${run.error?.message}`);
      await emulator.save(dir);
      console.log(`Submitted to the ${opts.form} form; ${runs.length} trigger run(s).`);
    });
}
