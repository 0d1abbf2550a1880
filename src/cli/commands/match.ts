import { readFileSync, writeFileSync } from 'node:fs';
import { MatchInputError, type MatchResult, match, parseMatchInstance } from '../../domain/matching';

/**
 * `cohort match INSTANCE.json [--out RESULT.json]`: reads, matches, writes, exits. It has its own small
 * bundle (dist/node/match.js, which bin/cohort.js loads for this command alone), so it imports nothing
 * but the engine: no commander, emulator, exceljs or nodemailer, whose loading takes longer than
 * matching 1,000 mentees. The formats are in docs/matching.md.
 */

export const MATCH_SUMMARY = 'match mentees to mentors, optimally (docs/matching.md)';

export const MATCH_USAGE = `Usage: cohort match <instance> [--out <file>]

Match mentees to mentors. The best matching, tier by tier: most mentees matched, then most 1st, 2nd
and 3rd choices, then (with options.balance, the default) fewest mentors left without a mentee and the
most even load, then most shared areas. A reason for every pair and every unmatched mentee.

Arguments:
  instance      INSTANCE.json: {mentors, mentees, locks?, exclusions?, options?} (docs/matching.md)

Options:
  --out <file>  write RESULT.json here instead of printing it
  -h, --help    display this help
`;

/** A failure of `cohort match` in words, with its exit code: 2 when the input is at fault. */
export class MatchCommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'MatchCommandError';
  }
}

/** Runs the command on its arguments (those after "match"); returns the exit code. */
export function matchMain(args: readonly string[]): number {
  try {
    const parsed = parseArgs(args);
    if (parsed === 'help') {
      process.stdout.write(MATCH_USAGE);
      return 0;
    }
    const result = runMatch(parsed.instance, parsed.out);
    if (parsed.out) console.error(`${summaryLine(result)} → ${parsed.out}`);
    return 0;
  } catch (error) {
    if (!(error instanceof MatchCommandError)) throw error;
    console.error(error.message);
    return error.exitCode;
  }
}

/**
 * Reads INSTANCE.json, matches, and writes RESULT.json (or prints it). Bad input throws a
 * MatchCommandError whose message names the file, the record and the field, e.g.
 * "instance.json: mentors[3] (id M12): capacity must be a whole number ≥ 1".
 */
export function runMatch(instancePath: string, outPath?: string): MatchResult {
  let text: string;
  try {
    text = readFileSync(instancePath, 'utf8');
  } catch (error) {
    throw new MatchCommandError(`${instancePath}: cannot be read (${fileProblem(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MatchCommandError(`${instancePath}: not valid JSON (${(error as Error).message})`);
  }
  let result: MatchResult;
  try {
    result = match(parseMatchInstance(json));
  } catch (error) {
    if (error instanceof MatchInputError) throw new MatchCommandError(`${instancePath}: ${error.message}`);
    throw error;
  }
  const output = `${JSON.stringify(result, null, 2)}\n`;
  if (!outPath) {
    process.stdout.write(output);
    return result;
  }
  try {
    writeFileSync(outPath, output);
  } catch (error) {
    throw new MatchCommandError(`${outPath}: cannot be written (${fileProblem(error)})`, 1);
  }
  return result;
}

function parseArgs(args: readonly string[]): { instance: string; out?: string } | 'help' {
  let instance: string | undefined;
  let out: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    if (arg === '-h' || arg === '--help') return 'help';
    if (arg === '--out' || arg.startsWith('--out=')) {
      out = arg === '--out' ? args[++k] : arg.slice('--out='.length);
      if (!out) throw new MatchCommandError("option '--out <file>' needs a file name");
    } else if (arg.startsWith('-')) {
      throw new MatchCommandError(`unknown option '${arg}'\n\n${MATCH_USAGE}`);
    } else if (instance === undefined) {
      instance = arg;
    } else {
      throw new MatchCommandError(`one instance file only, got '${instance}' and '${arg}'\n\n${MATCH_USAGE}`);
    }
  }
  if (instance === undefined)
    throw new MatchCommandError(`missing required argument 'instance'\n\n${MATCH_USAGE}`);
  return { instance, out };
}

/** "no such file", "permission denied", … rather than ENOENT. */
function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'it is a folder, not a file',
    ENOTDIR: 'a part of the path is not a folder',
    EROFS: 'the file system is read-only',
    ENOSPC: 'the disk is full',
  };
  return (code && words[code]) ?? (error instanceof Error ? error.message : String(error));
}

function summaryLine(result: MatchResult): string {
  const { matched, unmatched, byChoice, idleMentors } = result.summary;
  const idle = idleMentors.length === 1 ? '1 mentor' : `${idleMentors.length} mentors`;
  return (
    `${matched} matched (${byChoice.first} 1st, ${byChoice.second} 2nd, ${byChoice.third} 3rd choice, ` +
    `${byChoice.unchosen} unchosen), ${unmatched} unmatched, ${idle} without a mentee`
  );
}
