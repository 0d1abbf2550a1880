import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { MatchInputError, type MatchResult, match, parseMatchInstance } from '../../domain/matching';
import { CliError } from '../workspace';

/**
 * Reads INSTANCE.json, matches, and writes RESULT.json (or prints it). Bad input is a CliError with exit
 * code 2 whose message names the record and field, e.g.
 * "INSTANCE.json: mentors[3] (id M12): capacity must be a whole number ≥ 1".
 */
export function runMatch(instancePath: string, outPath?: string): MatchResult {
  let text: string;
  try {
    text = readFileSync(instancePath, 'utf8');
  } catch (error) {
    throw new CliError(
      `${instancePath}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      2,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${instancePath}: not valid JSON (${(error as Error).message})`, 2);
  }
  let result: MatchResult;
  try {
    result = match(parseMatchInstance(json));
  } catch (error) {
    if (error instanceof MatchInputError) throw new CliError(`${instancePath}: ${error.message}`, 2);
    throw error;
  }
  const output = `${JSON.stringify(result, null, 2)}\n`;
  if (outPath) writeFileSync(outPath, output);
  else process.stdout.write(output);
  return result;
}

export function matchCommand(): Command {
  return new Command('match')
    .description(
      'match mentees to mentors (optimal: most matched, then 1st, 2nd, 3rd choices, then shared areas)',
    )
    .argument('<instance>', 'INSTANCE.json: {mentors, mentees, locks?, exclusions?, options?}')
    .option('--out <file>', 'write RESULT.json here instead of printing it')
    .action((instance: string, options: { out?: string }) => {
      const result = runMatch(instance, options.out);
      if (options.out) {
        const { matched, unmatched, byChoice } = result.summary;
        console.error(
          `${matched} matched (${byChoice.first} 1st, ${byChoice.second} 2nd, ${byChoice.third} 3rd choice, ` +
            `${byChoice.unchosen} unchosen), ${unmatched} unmatched → ${options.out}`,
        );
      }
    });
}
