import { Command, Option } from 'commander';
import * as v from 'valibot';
import { plural } from '../../domain/text';
import type { Emulator, ExecutionResult } from '../../emulator/Emulator';
import { type Answers, SubmissionRefused } from '../../emulator/forms/FormModule';
import { isQuestion } from '../../emulator/forms/model';
import { EMAIL_HEADER } from '../../emulator/forms/responseSheet';
import { readJsonFile } from '../files';
import { progressBar } from '../progress';
import { CliError, openWorkspace, printShown } from '../workspace';

/** The forms set-up and "Open mentor choices" create, by the key their ids are stored under. */
export const FORM_KEYS = ['mentor', 'mentee', 'choices', 'check-in', 'continuation'] as const;

/** Responses in a list arrive this far apart on the simulated clock, as people filling in the form. */
export const RESPONSE_GAP_MS = 1000;

const responseSchema = v.record(
  v.string(),
  v.union(
    [v.string(), v.number(), v.array(v.string())],
    'must be text, a number, or a list of texts (for a checkbox question)',
  ),
);

/** The form ids by key, as set-up stored them in the script properties. */
export function formIdFor(props: Record<string, string>, key: string): string {
  const raw = props[`form:${key}`];
  if (!raw)
    throw new CliError(`There is no ${key} form yet. Run "Set up programme" (or "Open mentor choices").`, 2);
  return (JSON.parse(raw) as { id: string }).id;
}

/**
 * The responses in an answers file: one object (answers keyed by question title) or a list of them.
 * Every title is checked against the form first, so that a typo submits nothing.
 */
export function readResponses(file: string, emulator: Emulator, formId: string, formKey: string): Answers[] {
  const json = readJsonFile(file);
  const list = Array.isArray(json) ? json : [json];
  if (list.length === 0) throw new CliError(`${file}: the list holds no responses.`, 2);
  const form = emulator.forms.data(formId);
  const titles = form?.items.filter(isQuestion).map((i) => i.title) ?? [];
  const allowed = new Set([...titles, ...(form?.collectEmail ? [EMAIL_HEADER] : [])]);
  return list.map((raw, i) => {
    const which = Array.isArray(json) ? ` response ${i + 1}:` : '';
    const parsed = v.safeParse(responseSchema, raw);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue.path?.length ? ` "${String(issue.path[0].key)}"` : '';
      const what = issue.path?.length
        ? issue.message
        : 'must be an object of answers keyed by question title';
      throw new CliError(`${file}:${which}${where} ${what}.`, 2);
    }
    const unknown = Object.keys(parsed.output).filter((title) => !allowed.has(title));
    if (unknown.length > 0)
      throw new CliError(
        `${file}:${which} the ${formKey} form has no question ${unknown.map((t) => `"${t}"`).join(', ')}. ` +
          `Its questions are:\n${[...allowed].map((t) => `  ${t}`).join('\n')}`,
        2,
      );
    return Object.fromEntries(
      Object.entries(parsed.output).map(([k, v]) => [k, typeof v === 'number' ? String(v) : v]),
    );
  });
}

export interface SubmitOutcome {
  readonly taken: number;
  /** Responses the form refused (1-based position in the list), with the form's reason. */
  readonly refused: ReadonlyArray<{ readonly n: number; readonly reason: string }>;
  /** Every execution the responses set off: the form triggers, and clock triggers that fell due. */
  readonly runs: readonly ExecutionResult[];
}

/**
 * Submits the responses in order, RESPONSE_GAP_MS apart on the simulated clock (clock triggers that
 * fall due in between run), each delivered to the form triggers as one respondent's would be.
 */
export function submitResponses(
  emulator: Emulator,
  formId: string,
  responses: readonly Answers[],
  onEach: (done: number) => void = () => undefined,
): SubmitOutcome {
  const refused: Array<{ n: number; reason: string }> = [];
  const runs: ExecutionResult[] = [];
  responses.forEach((answers, i) => {
    if (i > 0) runs.push(...emulator.advance(RESPONSE_GAP_MS));
    try {
      const submission = emulator.forms.submit(formId, answers);
      if (submission) runs.push(...emulator.deliverFormSubmit(submission));
    } catch (e) {
      if (!(e instanceof SubmissionRefused)) throw e;
      refused.push({ n: i + 1, reason: e.message });
    }
    onEach(i + 1);
  });
  return { taken: responses.length - refused.length, refused, runs };
}

/** "Submitted 250 responses to the mentor form: 250 taken in, 0 refused by the form." and the reasons. */
export function outcomeLines(formKey: string, total: number, outcome: SubmitOutcome): string[] {
  const lines = [
    `Submitted ${plural(total, 'response')} to the ${formKey} form: ` +
      `${outcome.taken} taken in, ${outcome.refused.length} refused by the form.`,
  ];
  const byReason = new Map<string, number[]>();
  for (const r of outcome.refused) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.n]);
  for (const [reason, ns] of byReason) {
    const which = ns.length > 10 ? `${ns.slice(0, 10).join(', ')} …` : ns.join(', ');
    lines.push(`  refused (response${ns.length === 1 ? '' : 's'} ${which}): ${reason}`);
  }
  for (const run of outcome.runs.filter((r) => !r.ok))
    lines.push(`  ${run.handler} failed: ${run.error?.message}`);
  return lines;
}

export function submitCommand(): Command {
  return new Command('submit')
    .description('submit form responses as applicants would (one, or a list a second apart)')
    .argument('<dir>', 'the workspace folder')
    .addOption(new Option('--form <form>', 'which form').choices(FORM_KEYS).makeOptionMandatory())
    .requiredOption(
      '--answers <file>',
      'JSON: answers keyed by question title (a list for checkbox questions), or a list of such responses',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ cohort submit ws --form mentee --answers answers.json
  $ cohort submit ws --form mentor --answers mentors.json   (a JSON list: one response each, a second apart)`,
    )
    .action(async (dir: string, opts: { form: string; answers: string }) => {
      const emulator = await openWorkspace(dir);
      const formId = formIdFor(Object.fromEntries(emulator.properties.stores.script.values), opts.form);
      const responses = readResponses(opts.answers, emulator, formId, opts.form);
      const from = emulator.rt.shown.length;
      const bar = responses.length > 1 ? progressBar(responses.length, `${opts.form} form`) : null;
      const outcome = submitResponses(emulator, formId, responses, (done) => bar?.update(done));
      bar?.stop();
      printShown(emulator, from);
      await emulator.save(dir);
      for (const line of outcomeLines(opts.form, responses.length, outcome)) console.log(line);
      if (outcome.refused.length > 0) process.exitCode = 1;
    });
}
