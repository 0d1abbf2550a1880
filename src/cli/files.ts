import { readFileSync } from 'node:fs';
import { CliError } from './workspace';

/** Why a file could not be read, in words (Node's codes are not for people). */
function unreadable(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot be read (permission denied)';
    default:
      return `cannot be read (${(error as Error).message})`;
  }
}

/** Where in `text` a JSON.parse "at position N" message points, as "line 3, column 7". */
function place(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (!at) return '';
  const before = text.slice(0, Number(at[1])).split('\n');
  return ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** A JSON file a person wrote: a usage error naming the file when it is missing or not JSON. */
export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`${path}: ${unreadable(error)}`, 2);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new CliError(`${path}: not valid JSON${place(text, message)} (${message})`, 2);
  }
}
