import { z } from 'zod';
import { MatchInputError } from './errors';
import type { MatchInstance } from './types';

const missingOr = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? 'is missing' : `must be ${what}`;

const text = () =>
  z
    .string({ error: missingOr('text') })
    .trim()
    .min(1, { error: 'must not be empty' });
const textList = () => z.array(text(), { error: missingOr('a list of text') });
const wholeAtLeastOne = 'must be a whole number ≥ 1';

const mentorSchema = z.object(
  {
    id: text(),
    name: text(),
    organisation: text(),
    capacity: z
      .number({ error: (issue) => (issue.input === undefined ? 'is missing' : wholeAtLeastOne) })
      .int({ error: wholeAtLeastOne })
      .min(1, { error: wholeAtLeastOne }),
    expertise: textList().default([]),
  },
  { error: missingOr('an object') },
);

const menteeSchema = z.object(
  {
    id: text(),
    name: text(),
    organisation: text(),
    needs: textList().default([]),
    choices: textList().max(3, { error: 'must list at most three mentors' }).default([]),
  },
  { error: missingOr('an object') },
);

const pairSchema = z.object({ mentee: text(), mentor: text() }, { error: missingOr('an object') });

/** The matching instance as JSON (the CLI's INSTANCE.json); defaults fill locks, exclusions and options. */
export const matchInstanceSchema = z.object(
  {
    mentors: z.array(mentorSchema, { error: missingOr('a list') }),
    mentees: z.array(menteeSchema, { error: missingOr('a list') }),
    locks: z.array(pairSchema, { error: missingOr('a list') }).default([]),
    exclusions: z.array(pairSchema, { error: missingOr('a list') }).default([]),
    options: z
      .object(
        {
          allowUnchosen: z.boolean({ error: 'must be true or false' }).default(true),
          sameOrganisation: z
            .enum(['exclude', 'allow'], { error: 'must be "exclude" or "allow"' })
            .default('exclude'),
        },
        { error: missingOr('an object') },
      )
      .default({ allowUnchosen: true, sameOrganisation: 'exclude' }),
  },
  { error: missingOr('an object') },
);

export type ParsedMatchInstance = z.output<typeof matchInstanceSchema>;

/** Validates the shape of an instance; throws MatchInputError naming the record and field. */
export function parseMatchInstance(input: unknown): ParsedMatchInstance {
  const parsed = matchInstanceSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues
    .slice(0, 10)
    .map((issue) => describeIssue(input, issue.path, issue.message));
  throw new MatchInputError(lines.join('\n'));
}

/** "mentors[3] (id M12): capacity must be a whole number ≥ 1" */
function describeIssue(input: unknown, path: readonly PropertyKey[], message: string): string {
  if (path.length === 0) return `the instance ${message}`;
  const [collection, index, ...rest] = path;
  if (typeof index !== 'number') return `${joinPath(path)} ${message}`;
  const record = `${String(collection)}[${index}]${recordLabel(input, String(collection), index)}`;
  return rest.length === 0 ? `${record} ${message}` : `${record}: ${joinPath(rest)} ${message}`;
}

function joinPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function recordLabel(input: unknown, collection: string, index: number): string {
  const list = isObject(input) ? input[collection] : undefined;
  const record = Array.isArray(list) ? list[index] : undefined;
  if (!isObject(record)) return '';
  if (typeof record.id === 'string') return ` (id ${record.id})`;
  if (typeof record.mentee === 'string' && typeof record.mentor === 'string') {
    return ` (mentee ${record.mentee}, mentor ${record.mentor})`;
  }
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Type check: the parsed shape is a complete MatchInstance. */
const _shapeCheck: (parsed: ParsedMatchInstance) => MatchInstance = (parsed) => parsed;
void _shapeCheck;
